"""What people read instead of keys: references, audit events and the staff pages of a method."""

from delaktig.core.audit import action_label
from delaktig.participation.registry import InputRecord, input_reference, registry

from .dummy_method import dummy_manifest


def test_a_reference_reads_with_the_methods_prefix():
    with registry.temporarily(dummy_manifest(key="dummy_words", reference_prefix="DW")):
        assert input_reference("dummy_words:121") == "DW-121"
        fields = {"module_id": 1, "method": "dummy_words", "title": "", "text": "", "channel": "", "created_at": None}
        assert InputRecord(ref="dummy_words:7", **fields).reference == "DW-7"


def test_a_method_without_a_prefix_falls_back_to_its_key_and_unknown_refs_stay():
    with registry.temporarily(dummy_manifest(key="plain")):
        assert input_reference("plain:3") == "PLAIN-3"
    assert input_reference("nobody:3") == "nobody:3"


def test_audit_actions_of_methods_are_named_and_unknown_ones_never_shown_as_keys(settings):
    settings.LANGUAGE_CODE = "en"
    with registry.temporarily(dummy_manifest(key="dummy_audit", audit_labels={"dummy_audit.vote": "Voted"})):
        assert action_label("dummy_audit.vote") == "Voted"
    assert str(action_label("module.add")) == "Added a way to take part"
    assert str(action_label("something.unheard_of")) == "Other change"


def test_every_registered_method_offers_its_staff_pages():
    assert all(manifest.staff_pages is not None for manifest in registry)
