"""Reminders the day before: once per registration with a place, safe to run again, through the periodic runner."""

import datetime
import smtplib

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from delaktig.core.periodic import registered_jobs

from ..models import Registration
from ..reminders import reminders_send
from ..services import meeting_register, registration_cancel
from .factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tomorrow(module):
    """A meeting the day after tomorrow with two places: two registered a week ago, one waiting, one cancelled."""
    starts = timezone.now() + datetime.timedelta(days=2)
    meeting = MeetingFactory(module=module, starts_at=starts, capacity=2)
    with time_machine.travel(timezone.now() - datetime.timedelta(days=7)):
        for name in ("anna", "bo", "cilla", "david"):
            meeting_register(meeting=meeting, name=name.title(), email=f"{name}@example.se")
    registration_cancel(registration=Registration.objects.get(email="david@example.se"))
    mail.outbox.clear()
    return meeting


def test_the_day_before_each_registered_person_gets_one_reminder(tomorrow):
    assert reminders_send() == "0 reminders sent"  # two days before: too early
    with time_machine.travel(tomorrow.starts_at - datetime.timedelta(hours=20)):
        assert reminders_send() == "2 reminders sent"
        assert reminders_send() == "0 reminders sent"  # again: nobody gets two
    assert sorted(message.to[0] for message in mail.outbox) == ["anna@example.se", "bo@example.se"]
    reminder = mail.outbox[0]
    assert "Påminnelse" in reminder.subject and "/anmalan/" in reminder.body and "avboka" in reminder.body.lower()


def test_no_reminder_after_the_meeting_has_begun_or_for_a_cancelled_meeting(tomorrow, staff):
    from ..services_meetings import meeting_cancel

    with time_machine.travel(tomorrow.starts_at + datetime.timedelta(minutes=1)):
        assert reminders_send() == "0 reminders sent"
    meeting_cancel(meeting=tomorrow, actor=staff["officer"], reason="Sjukdom.")
    mail.outbox.clear()
    with time_machine.travel(tomorrow.starts_at - datetime.timedelta(hours=20)):
        assert reminders_send() == "0 reminders sent"
    assert mail.outbox == []


def test_someone_who_registers_the_evening_before_has_the_receipt_and_no_reminder(module):
    meeting = MeetingFactory(module=module, starts_at=timezone.now() + datetime.timedelta(hours=12))
    meeting_register(meeting=meeting, name="Sen", email="sen@example.se")
    assert reminders_send() == "0 reminders sent"


def test_a_mail_server_that_is_away_leaves_the_reminder_for_the_next_run(tomorrow, monkeypatch):
    from .. import reminders

    def away(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("away")

    with time_machine.travel(tomorrow.starts_at - datetime.timedelta(hours=20)):
        monkeypatch.setattr(reminders, "deliver", away)
        assert reminders_send() == "0 reminders sent"
        monkeypatch.undo()
        assert reminders_send() == "2 reminders sent"


def test_the_periodic_runner_has_the_job():
    assert "dialogue_meeting_reminders" in {job.name for job in registered_jobs()}
