"""The demo's public-art vote: five sketches with images and what they show, running, with ballots cast, and the
results hidden with the date they come."""

import pytest
from django.urls import reverse

from delaktig.accounts.tests.factories import UserFactory

from ..demo import populate
from ..models import AlternativeImage, Ballot, Vote
from .factories import vote_module

pytestmark = pytest.mark.django_db


def test_the_demo_vote_runs_with_five_sketches_and_ballots(client, municipality):
    module = vote_module(municipality=municipality)
    people = {"handlaggare": UserFactory(), "invanare": UserFactory(), "invanare2": UserFactory()}
    populate(module, people=people)
    vote = Vote.objects.get(module=module)
    assert vote.alternatives.count() == 5 and vote.ballot_type == "ranking"
    assert AlternativeImage.objects.filter(alternative__vote=vote).exclude(alt_text="").count() == 5
    assert Ballot.objects.filter(vote=vote, channel="online").count() == 2
    assert Ballot.objects.filter(vote=vote, channel="paper").count() > 5
    args = [municipality.slug, module.dialogue_id, module.pk]
    page = client.get(reverse("votes:results", args=args)).content.decode()
    assert "Resultatet publiceras när omröstningen stänger" in page and "Ljusets bro" not in page
