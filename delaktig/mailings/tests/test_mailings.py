import pytest
from django.core import mail

from delaktig.mailings.models import Mailing
from delaktig.mailings.services import mailing_create, mailing_progress, mailing_send


def recipients(n):
    return [(f"p{i}@example.se", f"Person {i}") for i in range(n)]


@pytest.mark.django_db(transaction=True)
def test_each_recipient_gets_the_message_once(municipality):
    mailing_create(
        municipality=municipality, purpose="test", subject="Hej", body="Hej {name}", recipients=recipients(5)
    )
    assert len(mail.outbox) == 5
    assert mail.outbox[0].body == "Hej Person 0"
    mailing = Mailing.objects.get()
    assert mailing.status == Mailing.Status.DONE and mailing_progress(mailing)["percent"] == 100


@pytest.mark.django_db
def test_duplicate_addresses_are_mailed_once(municipality):
    mailing = mailing_create(
        municipality=municipality,
        purpose="t",
        subject="S",
        body="B",
        recipients=[("A@example.se", "A"), ("a@example.se", "A"), ("", "nobody")],
    )
    assert mailing.total == 1


@pytest.mark.django_db
def test_a_crash_midway_then_a_restart_sends_nobody_twice_and_skips_nobody(municipality, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    mailing = mailing_create(municipality=municipality, purpose="t", subject="S", body="B", recipients=recipients(7))
    delivered = []

    def crash_after_three(mailing, recipient):
        if len(delivered) == 3:
            raise RuntimeError("worker killed")
        delivered.append(recipient.email)

    with pytest.raises(RuntimeError):
        mailing_send(mailing_id=mailing.pk, batch_size=2, send=crash_after_three)
    assert mailing_progress(mailing)["sent"] == 3
    mailing_send(mailing_id=mailing.pk, batch_size=2, send=lambda m, r: delivered.append(r.email))
    assert sorted(delivered) == sorted(email for email, _ in recipients(7))
    assert mailing_send(mailing_id=mailing.pk, send=lambda m, r: delivered.append(r.email)) == 0
