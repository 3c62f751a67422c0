import pytest

from delaktig.participation.registry import registry

from .support import HIDDEN_EMAIL, HIDDEN_NAME, dialogue_in, manifest, with_records


@pytest.fixture
def store():
    """module id -> InputRecords of the stand-in method, registered for the test."""
    records: dict = {}
    with registry.temporarily(manifest(records)):
        yield records


@pytest.fixture
def participant(db):
    from delaktig.accounts.tests.factories import UserFactory

    return UserFactory(name=HIDDEN_NAME, email=HIDDEN_EMAIL)


@pytest.fixture
def dialogue(municipality, store, participant):
    dialogue = dialogue_in(municipality)
    with_records(dialogue, store, participant)
    return dialogue
