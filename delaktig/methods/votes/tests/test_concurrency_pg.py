"""One ballot per person under concurrency (PostgreSQL): the same voters cast and re-cast at the same moment from
many threads, each with its own connection, as two workers would; every voter ends with exactly one ballot, the
last one cast, and no attempt fails.

Run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/delaktig .venv/bin/pytest <this file>.
"""

import threading
from collections import Counter

import pytest
from django.db import connection, connections

from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.models import AuditEvent

from ..models import Ballot
from .factories import cast, vote_for, vote_module

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's concurrency"),
    pytest.mark.django_db(transaction=True),
]
VOTERS = 8
RACES = 3  # casts by each voter at the same moment


def run_together(work, items):
    barrier = threading.Barrier(len(items))
    outcomes, errors = [], []

    def worker(item):
        try:
            barrier.wait()
            outcomes.append(work(item))
        except Exception as error:  # reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return outcomes


def test_racing_casts_by_the_same_voters_leave_one_ballot_each(municipality):
    module = vote_module(municipality=municipality)
    vote = vote_for(module, ballot_type="ranking")
    ids = list(vote.alternatives.values_list("pk", flat=True))
    voters = [UserFactory() for _ in range(VOTERS)]
    attempts = [(voter, [ids[n % len(ids)], ids[(n + 1) % len(ids)]]) for voter in voters for n in range(RACES)]

    outcomes = run_together(lambda attempt: cast(vote, attempt[0], attempt[1]).changed, attempts)

    assert Counter(outcomes) == {False: VOTERS, True: VOTERS * (RACES - 1)}  # one insert each, the rest replace it
    rows = Ballot.objects.filter(vote=vote)
    assert rows.count() == VOTERS == rows.values("voter").distinct().count()
    assert all(ballot.changes == RACES - 1 for ballot in rows)
    events = Counter(AuditEvent.objects.filter(action__startswith="votes.ballot").values_list("action", flat=True))
    assert events == {"votes.ballot_cast": VOTERS, "votes.ballot_change": VOTERS * (RACES - 1)}


def test_racing_casts_through_the_page_leave_one_ballot(municipality):
    """Two posts of the same voter at the same moment through the cast view: both answered, one ballot."""
    from django.test import Client
    from django.urls import reverse

    module = vote_module(municipality=municipality)
    vote = vote_for(module)
    ids = list(vote.alternatives.values_list("pk", flat=True))
    voter = UserFactory()
    url = reverse("votes:cast", args=[municipality.slug, module.dialogue_id, module.pk])

    def post(choice):
        client = Client()
        client.force_login(voter)
        return client.post(url, {"choice": choice}).status_code

    assert run_together(post, [ids[0], ids[1], ids[2], ids[0]]) == [302] * 4
    assert Ballot.objects.filter(vote=vote).count() == 1
