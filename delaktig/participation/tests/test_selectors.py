"""dialogue_participant_addresses: everyone who took part in any way of taking part of the dialogue, once each."""

import pytest

from delaktig.accounts.services import user_erase
from delaktig.accounts.tests.factories import UserFactory
from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.participation.models import Module
from delaktig.participation.registry import registry
from delaktig.participation.selectors import dialogue_participant_addresses
from tests.dummy_method.factories import DummyInputFactory, dummy_module

from .dummy_method import dummy_manifest

pytestmark = pytest.mark.django_db

ADDRESSES = {
    "Möten": [("Berit@Example.se", "Berit Berg"), ("kim@example.se", "Kim")],
    "Synpunkter": [("berit@example.se", "B. Berg"), ("ali@example.se", ""), ("  ", "Tom"), ("inte en adress", "X")],
    "Karta": [("olle@example.se", "Olle")],
}


@pytest.fixture
def methods():
    """Two methods that give addresses per module name, and one that gives none."""

    def addresses(module):
        return list(ADDRESSES.get(module.name, []))

    with (
        registry.temporarily(dummy_manifest(key="addresses_a", participant_addresses=addresses)),
        registry.temporarily(dummy_manifest(key="addresses_b", participant_addresses=addresses)),
        registry.temporarily(dummy_manifest(key="no_addresses")),
    ):
        yield


def add(dialogue, method, name, order):
    return Module.objects.create(dialogue=dialogue, method=method, name=name, order=order)


def test_the_union_over_the_modules_each_address_once_with_the_first_name(methods, municipality):
    dialogue = dialogue_in_state(State.CLOSED, municipality=municipality)
    add(dialogue, "addresses_a", "Möten", 1)
    add(dialogue, "addresses_b", "Synpunkter", 2)
    add(dialogue, "no_addresses", "Karta", 3)  # its method offers no addresses
    add(dialogue, "gone_method", "Karta", 4)  # a method no longer installed
    assert dialogue_participant_addresses(dialogue) == [
        ("Berit@Example.se", "Berit Berg"),
        ("kim@example.se", "Kim"),
        ("ali@example.se", ""),
    ]


def test_only_the_dialogues_own_modules(methods, municipality, other_municipality):
    dialogue = dialogue_in_state(State.CLOSED, municipality=municipality)
    other = dialogue_in_state(State.CLOSED, municipality=other_municipality)
    add(other, "addresses_a", "Möten", 1)
    assert dialogue_participant_addresses(dialogue) == []
    add(dialogue, "addresses_a", "Karta", 1)
    assert dialogue_participant_addresses(dialogue) == [("olle@example.se", "Olle")]


def test_those_who_took_part_until_they_erase_their_data(municipality):
    module = dummy_module(municipality=municipality, state=State.CLOSED)
    rut, olle = UserFactory(name="Rut Resident"), UserFactory(name="Olle")
    DummyInputFactory(module=module, author=rut)
    DummyInputFactory(module=module, author=olle)
    DummyInputFactory(module=module, author=None, channel="paper")  # on paper: no address
    assert dialogue_participant_addresses(module.dialogue) == [(rut.email, "Rut Resident"), (olle.email, "Olle")]
    user_erase(user=rut)
    assert dialogue_participant_addresses(module.dialogue) == [(olle.email, "Olle")]
