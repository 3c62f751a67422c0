import pytest

from ..views.common import url  # noqa: F401  (tests import it from here)
from .factories import survey_for, surveys_module


@pytest.fixture
def module(municipality):
    return surveys_module(municipality=municipality)


@pytest.fixture
def survey(module, staff):
    return survey_for(module, actor=staff["officer"])


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    """`with commits():` runs what waits for the commit (e-mail) when the block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
