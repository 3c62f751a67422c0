"""The identity level a ballot was cast with: stored with it, changed only by casting again, shown on My pages."""

import pytest

from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.services import identity_level_raise
from delaktig.accounts.tests.factories import UserFactory
from delaktig.accounts.tests.helpers import my_pages, my_pages_queries, row_of

from ..models import Ballot
from .factories import cast, close, vote_for, vote_module

pytestmark = pytest.mark.django_db


def test_a_ballot_keeps_the_level_the_voter_had_when_casting(vote, ids):
    rut = UserFactory(identity_level=IdentityLevel.EMAIL)
    cast(vote, rut, [ids[0]])
    identity_level_raise(user=rut, level=IdentityLevel.SUBSTANTIAL)
    assert Ballot.objects.get(vote=vote, voter=rut).identity_level == IdentityLevel.EMAIL


def test_a_changed_ballot_counts_with_the_level_it_was_changed_at(vote, ids):
    rut = UserFactory(identity_level=IdentityLevel.EMAIL)
    cast(vote, rut, [ids[0]])
    identity_level_raise(user=rut, level=IdentityLevel.SUBSTANTIAL)
    cast(vote, rut, [ids[1]])
    assert Ballot.objects.get(vote=vote, voter=rut).identity_level == IdentityLevel.SUBSTANTIAL


def test_my_pages_show_the_ballot_counted_and_whether_the_vote_has_closed(client, municipality, module, vote, ids):
    rut = UserFactory(identity_level=IdentityLevel.SUBSTANTIAL)
    cast(vote, rut, [ids[0]])
    row = row_of(my_pages(client, rut, municipality), vote.question)
    assert "Räknas" in row and "ändra din röst" in row and "E-legitimation" in row
    close(module)
    assert "Omröstningen är avslutad" in row_of(my_pages(client, rut, municipality), vote.question)


def test_my_pages_take_as_many_queries_for_many_ballots_as_for_one(client, municipality):
    rut = UserFactory()
    first = vote_for(vote_module(municipality=municipality))
    cast(first, rut, [first.alternatives.first().pk])
    one = my_pages_queries(client, rut, municipality)
    for _ in range(3):
        vote = vote_for(vote_module(municipality=municipality))
        cast(vote, rut, [vote.alternatives.first().pk])
    assert my_pages_queries(client, rut, municipality) == one
