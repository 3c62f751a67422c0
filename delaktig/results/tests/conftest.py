import pytest

from delaktig.dialogues.models import State
from delaktig.methods.open_input import services as open_input_services
from delaktig.methods.open_input.tests.factories import open_input_module
from delaktig.participation.models import Channel

from .texts import TOPICS


@pytest.fixture
def module(municipality):
    return open_input_module(municipality=municipality, state=State.CLOSED, phase=None)


@pytest.fixture
def dialogue(module):
    return module.dialogue


def enter(module, staff_user, title, text, **about):
    return open_input_services.input_enter_offline(
        module=module, entered_by=staff_user, channel=Channel.PAPER, title=title, text=text, **about
    )


@pytest.fixture
def corpus(module, staff):
    """18 inputs on three topics, entered as paper input."""
    return [enter(module, staff["officer"], title, text) for texts in TOPICS.values() for title, text in texts]
