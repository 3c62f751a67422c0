import pytest

from ..views.common import url  # noqa: F401  (tests import it from here)
from .factories import MeetingFactory, meetings_module


@pytest.fixture
def module(municipality):
    return meetings_module(municipality=municipality)


@pytest.fixture
def meeting(module):
    return MeetingFactory(module=module, capacity=2)


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    """`with commits():` runs what waits for the commit (e-mail) when the block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
