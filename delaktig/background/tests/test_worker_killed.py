"""A real worker process killed with SIGKILL mid-mailing: another takes the task up and everyone gets the mail.

The guarantee (mailings/models.py): nobody is skipped, and each crash costs at most one extra mail.
"""

from collections import Counter

import pytest
from django.core import mail

from delaktig.mailings.models import Mailing
from delaktig.mailings.services import mailing_create
from delaktig.mailings.smtp_sink import SmtpSink

from .support import SharedDatabase, kill, start_worker, stop, wait_for

pytestmark = pytest.mark.django_db(transaction=True)
PEOPLE = 60
KILLS = 2


def test_a_mailing_survives_two_killed_workers(municipality, settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    emails = [f"p{i}@example.se" for i in range(PEOPLE)]
    mailing = mailing_create(
        municipality=municipality, purpose="t", subject="S", body="B", recipients=[(e, "") for e in emails]
    )
    assert not mail.outbox  # queued for a worker, not sent here
    database = SharedDatabase(tmp_path)
    env = {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": "127.0.0.1"}
    env |= {"TASK_LEASE_SECONDS": 2}
    workers = []
    try:
        with SmtpSink(delay=0.01) as sink:
            env["EMAIL_PORT"] = sink.port
            for kill_at in (PEOPLE // 3, 2 * PEOPLE // 3):
                workers.append(start_worker(database, **env))
                wait_for(lambda at=kill_at: sink.count >= at, timeout=60, what=f"{kill_at} mails")
                kill(workers[-1])
            workers.append(start_worker(database, **env))
            done = "SELECT COUNT(*) FROM mailings_mailing WHERE id = %s AND status = 'done'"
            wait_for(lambda: database.value(done, (mailing.pk,)), timeout=90, what="the mailing to finish")
            received = Counter(sink.recipients)
    finally:
        for worker in workers:
            stop(worker)
        database.close()
    assert set(received) == set(emails), "somebody was skipped"
    extra = sum(received.values()) - PEOPLE
    assert extra <= KILLS, f"{extra} extra mails after {KILLS} kills"
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.DONE
    assert mailing.recipients.filter(sent_at__isnull=True).count() == 0
    assert mailing.recipients.filter(attempts__gt=1).count() >= extra  # the page names those who may have had it twice
