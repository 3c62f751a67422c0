"""Many people sign one proposal at the same moment (PostgreSQL): exact count, no duplicates, one case.

Run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/delaktig .venv/bin/pytest <this file>.
"""

import threading
from collections import Counter

import pytest
from django.core.cache import cache
from django.db import connection, connections

from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.tests.factories import UserFactory
from delaktig.proposals.models import ProposalCase, Signature, SignatureStatus, Status
from delaktig.proposals.selectors import settings_for, signature_count
from delaktig.proposals.signatures import _signing as services_signing
from delaktig.proposals.tests.factories import ProposalFactory, collecting

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks and concurrency"),
    pytest.mark.django_db(transaction=True),
]
THREADS = 32


def run_together(work, items):
    """Call work(item) for every item, each in its own thread, all released at once."""
    barrier = threading.Barrier(len(items))
    outcomes, errors = [], []

    def worker(item):
        try:
            barrier.wait()
            outcomes.append(work(item))
        except Exception as error:  # reported by the test below
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


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def proposal(municipality):
    settings_for(municipality)
    return collecting(ProposalFactory(municipality=municipality), threshold=12)


def test_crossing_the_threshold_together_opens_one_case(proposal):
    users = [UserFactory(identity_level=IdentityLevel.EMAIL) for _ in range(THREADS - 8)]
    people = users + users[:8]  # eight sign twice at the same time

    def sign(user):
        outcome, _signature = services_signing.signature_sign(proposal=proposal, name=user.name, email="", user=user)
        return outcome

    outcomes = Counter(run_together(sign, people))
    signed = outcomes[services_signing.SIGNED]
    assert signed >= proposal.threshold
    assert signature_count(proposal) == signed == Signature.objects.filter(proposal=proposal).count()
    keys = list(Signature.objects.filter(proposal=proposal).values_list("signer_key", flat=True))
    assert len(keys) == len(set(keys))
    assert ProposalCase.objects.filter(proposal=proposal).count() == 1
    proposal.refresh_from_db()
    assert proposal.status == Status.THRESHOLD_REACHED
    assert set(outcomes) <= {services_signing.SIGNED, services_signing.ALREADY, services_signing.CLOSED}


def test_anonymous_rush_with_repeats_stores_each_address_once(proposal):
    collecting(proposal, threshold=10_000)
    emails = [f"person{number}@example.se" for number in range(THREADS - 10)]
    attempts = emails + [email.upper() for email in emails[:10]]

    def sign(email):
        return services_signing.signature_sign(proposal=proposal, name="Namn", email=email, ip="192.0.2.1")[0]

    outcomes = Counter(run_together(sign, attempts))
    assert outcomes == {services_signing.PENDING: len(emails), services_signing.CHECK_EMAIL: 10}
    rows = Signature.objects.filter(proposal=proposal)
    assert rows.count() == len(emails) == rows.filter(status=SignatureStatus.PENDING).count()
    assert rows.values("signer_key").distinct().count() == len(emails)
