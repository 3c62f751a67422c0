"""participant_addresses: everyone who wrote, commented or supported online, for the participants' evaluation of
the dialogue."""

import pytest

from delaktig.accounts.services import user_erase
from delaktig.accounts.tests.factories import UserFactory
from delaktig.participation.models import Channel, ModerationStatus
from delaktig.participation.services import comment_create

from .. import selectors
from ..manifest import manifest
from .factories import InputFactory, SupportFactory, open_input_module

pytestmark = pytest.mark.django_db


def test_the_manifest_offers_them():
    assert manifest.participant_addresses is selectors.participant_addresses


def test_writers_commenters_and_supporters_once_each(module):
    rut, olle, kim = UserFactory(name="Rut"), UserFactory(name="Olle"), UserFactory(name="Kim")
    item = InputFactory(module=module, author=rut)
    InputFactory(module=module, author=rut, status=ModerationStatus.REJECTED)  # she still took part
    comment_create(target=item, dialogue=module.dialogue, author=olle, text="Bra!")
    SupportFactory(input=item, user=kim)
    SupportFactory(input=item, user=olle)
    InputFactory(module=module, author=None, author_name="", channel=Channel.PAPER)  # on paper: no address
    assert sorted(selectors.participant_addresses(module)) == sorted(
        [(rut.email, "Rut"), (olle.email, "Olle"), (kim.email, "Kim")]
    )


def test_only_active_accounts_and_the_modules_own_input(module, municipality):
    gone = UserFactory(is_active=False)
    InputFactory(module=module, author=gone)
    InputFactory(module=open_input_module(municipality=municipality), author=UserFactory())
    assert selectors.participant_addresses(module) == []


def test_no_address_after_the_person_erased_their_data(module):
    rut, kim = UserFactory(name="Rut"), UserFactory(name="Kim")
    item = InputFactory(module=module, author=rut)
    SupportFactory(input=item, user=kim)
    comment_create(target=item, dialogue=module.dialogue, author=rut, text="Och mer ljus.")
    user_erase(user=rut)
    assert selectors.participant_addresses(module) == [(kim.email, "Kim")]
