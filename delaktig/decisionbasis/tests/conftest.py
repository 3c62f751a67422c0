import pytest

from delaktig.participation.registry import registry

from .support import closed_dialogue, manifest, with_results


@pytest.fixture
def store():
    """module id -> InputRecords of the stand-in method, registered for the test."""
    records = {}
    with registry.temporarily(manifest(records)):
        yield records


@pytest.fixture
def dialogue(municipality, store):
    dialogue = closed_dialogue(municipality)
    with_results(dialogue, store)
    return dialogue
