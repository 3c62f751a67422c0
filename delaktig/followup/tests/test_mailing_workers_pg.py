"""Several workers send the same feedback mailing at once (PostgreSQL): everyone exactly once.

Run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/delaktig_followup .venv/bin/pytest <this file>.
"""

import threading
import time
from collections import Counter

import pytest
from django.db import connection, connections

from delaktig.accounts.tests.factories import UserFactory
from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.followup.services import feedback_mailing_create
from delaktig.mailings.models import Mailing
from delaktig.mailings.services import mailing_send
from delaktig.organisations.models import Role

from .support import follow

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks and concurrency"),
    pytest.mark.django_db(transaction=True),
]
WORKERS = 4
PEOPLE = 40


def test_four_workers_on_one_mailing_mail_everyone_once(municipality, staff, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # the workers are ours
    dialogue = dialogue_in_state(State.FEEDBACK_PUBLISHED, municipality=municipality)
    follow(dialogue, *[UserFactory(email=f"p{i}@example.se") for i in range(PEOPLE)])
    mailing = feedback_mailing_create(dialogue=dialogue, actor=staff[Role.OFFICER])
    delivered, errors = [], []
    barrier = threading.Barrier(WORKERS)

    def send(mailing, recipient):
        time.sleep(0.002)  # long enough for the workers to meet on the same rows
        delivered.append(recipient.email)

    def worker():
        try:
            barrier.wait()
            mailing_send(mailing_id=mailing.pk, batch_size=5, send=send)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert Counter(delivered) == Counter(f"p{i}@example.se" for i in range(PEOPLE))
    assert Mailing.objects.get(pk=mailing.pk).status == Mailing.Status.DONE
