import pytest

from delaktig.identity.pins import InvalidPin, pin_hash


def test_the_hash_is_keyed_and_the_same_for_every_way_of_writing_the_number(settings):
    settings.EID_HASH_KEY = "a-key"
    first = pin_hash("19121212-1212")
    assert first == pin_hash("191212121212") and "1212" not in first and len(first) == 64
    settings.EID_HASH_KEY = "another-key"
    assert pin_hash("191212121212") != first


@pytest.mark.parametrize("value", ["", None, "1212121212", "19121212-12a2"])
def test_what_is_not_a_personal_identity_number_is_refused(value):
    with pytest.raises(InvalidPin):
        pin_hash(value)
