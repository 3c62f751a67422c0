import pytest

from delaktig.dialogues.models import State
from delaktig.participation.models import Channel
from tests.dummy_method.factories import dummy_module
from tests.dummy_method.services import dummy_input_enter

from .texts import TOPICS


@pytest.fixture
def module(municipality):
    return dummy_module(municipality=municipality, state=State.CLOSED, phase=None)


@pytest.fixture
def dialogue(module):
    return module.dialogue


def enter(module, staff_user, title, text, **about):
    return dummy_input_enter(
        module=module, entered_by=staff_user, channel=Channel.PAPER, title=title, text=text, **about
    )


@pytest.fixture
def corpus(module, staff):
    """18 inputs on three topics, entered as paper input."""
    return [enter(module, staff["officer"], title, text) for texts in TOPICS.values() for title, text in texts]
