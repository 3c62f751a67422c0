"""Many people register for one meeting at the same moment (PostgreSQL): the places are never more than the
capacity, the rest wait in line, each address once; and cancellations at the same moment promote each waiting
person once.

Run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/delaktig .venv/bin/pytest <this file>.
"""

import threading
from collections import Counter

import pytest
from django.db import connection, connections

from ..models import Registration, RegistrationStatus
from ..services import AlreadyRegistered, meeting_register, registration_cancel
from .factories import MeetingFactory, meetings_module

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks and concurrency"),
    pytest.mark.django_db(transaction=True),
]
THREADS = 24
CAPACITY = 10


def run_together(work, items):
    """Call work(item) for every item, each in its own thread, all released at once."""
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


@pytest.fixture
def meeting(municipality):
    return MeetingFactory(module=meetings_module(municipality=municipality), capacity=CAPACITY)


def test_registering_together_never_exceeds_the_capacity(meeting):
    emails = [f"person{n}@example.se" for n in range(THREADS - 4)]
    attempts = emails + [email.upper() for email in emails[:4]]  # four try twice at the same moment

    def register(email):
        try:
            return meeting_register(meeting=meeting, name="Namn", email=email).status
        except AlreadyRegistered:
            return "already"

    outcomes = Counter(run_together(register, attempts))
    assert outcomes == {
        RegistrationStatus.REGISTERED: CAPACITY,
        RegistrationStatus.WAITING: len(emails) - CAPACITY,
        "already": 4,
    }
    rows = Registration.objects.filter(meeting=meeting)
    assert rows.filter(status=RegistrationStatus.REGISTERED).count() == CAPACITY
    assert rows.values("email_key").distinct().count() == rows.count() == len(emails)


def test_cancelling_together_promotes_each_in_line_once(meeting):
    people = [meeting_register(meeting=meeting, name="Namn", email=f"p{n}@example.se") for n in range(CAPACITY + 6)]
    leaving = people[:6]
    promoted = run_together(lambda registration: len(registration_cancel(registration=registration)), leaving)
    assert sum(promoted) == 6
    rows = Registration.objects.filter(meeting=meeting)
    assert rows.filter(status=RegistrationStatus.REGISTERED).count() == CAPACITY
    assert not rows.filter(status=RegistrationStatus.WAITING).exists()
    assert rows.filter(promoted_at__isnull=False).count() == 6


def test_cancelling_and_registering_at_the_same_moment_keep_the_line_in_order(meeting):
    people = [meeting_register(meeting=meeting, name="Namn", email=f"p{n}@example.se") for n in range(CAPACITY + 4)]
    leaving = people[:4]
    newcomers = [f"ny{n}@example.se" for n in range(8)]

    def act(item):
        if isinstance(item, Registration):
            return len(registration_cancel(registration=item))
        return meeting_register(meeting=meeting, name="Ny", email=item).status

    run_together(act, [*leaving, *newcomers])
    rows = Registration.objects.filter(meeting=meeting)
    assert rows.filter(status=RegistrationStatus.REGISTERED).count() == CAPACITY
    assert rows.filter(status=RegistrationStatus.WAITING).count() == 8  # 4 + 8 in line, 4 of them got places
    first_in_line = people[CAPACITY:]
    assert all(Registration.objects.get(pk=r.pk).status == RegistrationStatus.REGISTERED for r in first_in_line)
