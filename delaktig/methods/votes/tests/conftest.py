import pytest

from .factories import vote_for, vote_module


@pytest.fixture
def module(municipality):
    return vote_module(municipality=municipality)


@pytest.fixture
def vote(module):
    return vote_for(module)


@pytest.fixture
def ids(vote):
    return list(vote.alternatives.values_list("pk", flat=True))
