import pytest

from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state


@pytest.mark.django_db
def test_factory_builds_every_state(municipality):
    for state in State.values:
        dialogue = dialogue_in_state(state, municipality=municipality)
        assert dialogue.state == state
