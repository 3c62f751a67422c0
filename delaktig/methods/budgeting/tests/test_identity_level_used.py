"""The identity level a budget ballot and a project proposal were sent with, and both on My pages."""

import pytest

from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.services import identity_level_raise
from delaktig.accounts.tests.factories import UserFactory
from delaktig.accounts.tests.helpers import my_pages, row_of

from .. import services
from ..models import Ballot

pytestmark = pytest.mark.django_db


def test_a_ballot_keeps_the_level_until_the_voter_changes_it(module, setup):
    everyone, _district, _north, projects = setup
    rut = UserFactory(identity_level=IdentityLevel.EMAIL)
    services.ballot_cast(budget=everyone, user=rut, project_ids=[projects["gym"].pk])
    identity_level_raise(user=rut, level=IdentityLevel.SUBSTANTIAL)
    assert Ballot.objects.get(voter=rut).identity_level == IdentityLevel.EMAIL
    services.ballot_cast(budget=everyone, user=rut, project_ids=[projects["bio"].pk])
    assert Ballot.objects.get(voter=rut).identity_level == IdentityLevel.SUBSTANTIAL


def test_a_project_proposal_keeps_the_level_of_its_writer(module, setup):
    everyone = setup[0]
    rut = UserFactory(identity_level=IdentityLevel.EMAIL)
    item = services.project_propose(module=module, author=rut, budget=everyone, title="Boulevägg", text="Vid sjön.")
    identity_level_raise(user=rut, level=IdentityLevel.SUBSTANTIAL)
    item.refresh_from_db()
    assert item.identity_level == IdentityLevel.EMAIL


def test_my_pages_show_the_ballot_counted_with_its_level(client, municipality, module, setup):
    everyone, _district, _north, projects = setup
    rut = UserFactory(identity_level=IdentityLevel.SUBSTANTIAL)
    ballot = services.ballot_cast(budget=everyone, user=rut, project_ids=[projects["gym"].pk])
    row = row_of(my_pages(client, rut, municipality), ballot.reference)
    assert "Räknas" in row and "ändra din röst" in row and "E-legitimation" in row
