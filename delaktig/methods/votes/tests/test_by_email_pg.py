"""The e-mail cast on PostgreSQL with the database task queue: the waiting ballot, its audit event and the mail's task
row in one statement, the task row as enqueue() writes it; re-casts by the same address at the same moment leave one
waiting ballot, and its latest link counts once.

Run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/delaktig .venv/bin/pytest <this file>.
"""

import threading

import pytest
from django.core import mail
from django.db import connection, connections

from delaktig.core.models import AuditEvent

from .. import by_email
from ..eligibility import Declared
from ..models import Ballot, PendingBallot
from .factories import vote_for, vote_module

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]
RACES = 6


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_racing_recasts_leave_one_waiting_ballot_each_with_its_task(municipality, database_queue):
    from django_tasks_db.models import DBTaskResult

    assert by_email._same_statement_task(connection)
    module = vote_module(municipality=municipality)
    vote = vote_for(module, voting_by="email_link")
    ids = list(vote.alternatives.values_list("pk", flat=True))
    barrier, tokens, errors = threading.Barrier(RACES), [], []

    def one(number):
        try:
            barrier.wait()
            done = by_email.pending_cast(
                municipality=municipality, vote_id=vote.pk, email="a@exempel.se",
                choices=[ids[number % len(ids)]], declared=Declared("", None), language="sv",
            )  # fmt: skip
            tokens.append(done.token)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one, args=(n,)) for n in range(RACES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert PendingBallot.objects.filter(vote=vote).count() == 1
    assert AuditEvent.objects.filter(action=by_email.MAILED).count() == RACES
    rows = list(DBTaskResult.objects.all())
    assert len(rows) == RACES and {row.status for row in rows} == {"READY"}
    found = [by_email.pending_confirm(token=token, municipality=municipality).state for token in tokens]
    assert found.count(by_email.DONE) == 1 and set(found) <= {by_email.DONE, by_email.NEWER, by_email.USED}
    assert Ballot.objects.filter(vote=vote).count() == 1 and not PendingBallot.objects.exists()
    row = rows[0]
    result = row.task_result
    row.task.call(*result.args, **result.kwargs)  # as the worker runs it
    assert "/bekrafta/" in mail.outbox[0].body
