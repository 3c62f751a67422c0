import smtplib
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

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


@pytest.mark.django_db(transaction=True)
def test_each_recipient_gets_their_own_values_and_unsubscribe_header(municipality):
    mailing_create(
        municipality=municipality,
        purpose="test",
        subject="Hej",
        body="Din länk: {link}\n{footer}",
        recipients=[
            (
                "a@example.se",
                "",
                {"link": "https://x/a/", "footer": "Lämna: https://x/l/a/", "unsubscribe": "https://x/l/a/"},
            ),
            ("b@example.se", "B", {"link": "https://x/b/", "footer": ""}),
        ],
    )
    first, second = sorted(mail.outbox, key=lambda m: m.to[0])
    assert first.body == "Din länk: https://x/a/\nLämna: https://x/l/a/"
    assert first.extra_headers == {"List-Unsubscribe": "<https://x/l/a/>"}
    assert second.body == "Din länk: https://x/b/\n" and not second.extra_headers


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
    """The message in flight stays claimed until the claim is stale (after half a lease): a restart sooner
    leaves it to the worker that may still be sending it; the task taken up after the lease sends it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.TASK_LEASE_SECONDS = 60
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
    assert len(delivered) == 6 and Mailing.objects.get().status == Mailing.Status.SENDING  # one still claimed
    with time_machine.travel(timezone.now() + timedelta(seconds=31)):
        mailing_send(mailing_id=mailing.pk, batch_size=2, send=lambda m, r: delivered.append(r.email))
    assert sorted(delivered) == sorted(email for email, _ in recipients(7))
    assert mailing_send(mailing_id=mailing.pk, send=lambda m, r: delivered.append(r.email)) == 0
    progress = mailing_progress(Mailing.objects.get())
    assert progress["sent"] == 7 and progress["maybe_twice"] == 1
    assert Mailing.objects.get().status == Mailing.Status.DONE


@pytest.mark.django_db
def test_a_refused_address_is_noted_and_the_rest_are_sent(municipality, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    mailing = mailing_create(municipality=municipality, purpose="t", subject="S", body="B", recipients=recipients(3))

    def refuse_p1(mailing, recipient):
        if recipient.email == "p1@example.se":
            raise smtplib.SMTPRecipientsRefused({recipient.email: (550, b"No such user")})

    assert mailing_send(mailing_id=mailing.pk, send=refuse_p1) == 2
    progress = mailing_progress(mailing)
    assert progress["sent"] == 2 and progress["failed"] == 1
    assert Mailing.objects.get().status == Mailing.Status.DONE


@pytest.mark.django_db
def test_an_unreachable_mail_server_pauses_the_mailing_and_loses_nothing(municipality, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    mailing = mailing_create(municipality=municipality, purpose="t", subject="S", body="B", recipients=recipients(3))

    def server_down(mailing, recipient):
        raise ConnectionRefusedError("Connection refused")

    assert mailing_send(mailing_id=mailing.pk, send=server_down) == 0
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENDING and "ConnectionRefusedError" in mailing.last_error
    assert mailing.recipients.filter(claimed_at__isnull=True, attempts=0).count() == 3  # nothing lost
    assert mailing_send(mailing_id=mailing.pk, send=lambda m, r: None) == 3
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.DONE and mailing.last_error == ""


@pytest.mark.django_db
def test_the_progress_page_says_what_happens_and_has_no_empty_progress_bar(client, municipality, staff, settings):
    from django.urls import reverse

    from delaktig.organisations.models import Role

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    empty = mailing_create(municipality=municipality, purpose="t", subject="Tomt", body="B", recipients=[])
    client.force_login(staff[Role.OFFICER])
    page = client.get(reverse("mailings:detail", args=[municipality.slug, empty.pk])).content.decode()
    assert "<progress" not in page and "Det fanns ingen att skicka mejlet till." in page
    full = mailing_create(municipality=municipality, purpose="t", subject="Fullt", body="B", recipients=recipients(2))
    page = client.get(reverse("mailings:detail", args=[municipality.slug, full.pk])).content.decode()
    assert 'max="2"' in page and "högst ett mejl per avbrott" in page


@pytest.mark.django_db
def test_a_mail_server_that_refuses_the_connection_pauses_the_mailing(municipality, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # nothing listens
    mailing = mailing_create(municipality=municipality, purpose="t", subject="S", body="B", recipients=recipients(2))
    assert mailing_send(mailing_id=mailing.pk) == 0
    mailing.refresh_from_db()
    assert mailing.status != Mailing.Status.DONE and mailing.last_error
    assert mailing_progress(mailing)["sent"] == 0
