"""Reminders the day before: every registration with a place gets one, once (a periodic job, safe to run again)."""

import datetime
import logging
import smtplib

from django.db.models import F
from django.utils import timezone

from .mail import deliver, registration_get
from .models import MeetingStatus, Registration, RegistrationStatus

logger = logging.getLogger(__name__)
AHEAD = datetime.timedelta(hours=24)  # a meeting starting within this gets its reminders


def reminders_due(now=None):
    """Registrations with a place at a meeting that starts within a day, not yet reminded, and made before the
    reminder was due (someone who registers the evening before has just had the receipt)."""
    now = now or timezone.now()
    return Registration.objects.filter(
        status=RegistrationStatus.REGISTERED,
        reminded_at__isnull=True,
        meeting__status=MeetingStatus.SCHEDULED,
        meeting__starts_at__gt=now,
        meeting__starts_at__lte=now + AHEAD,
        created_at__lte=F("meeting__starts_at") - AHEAD,
    ).order_by("meeting__starts_at", "id")


def reminders_send(now=None):
    """Claim each registration (a conditional update) before its reminder goes out, so a second run or a second
    process sends nobody two; a mail server that is away gives the claim back for the next run."""
    sent = 0
    for registration_id in list(reminders_due(now).values_list("pk", flat=True)):
        claimed = timezone.now()
        if not Registration.objects.filter(pk=registration_id, reminded_at__isnull=True).update(reminded_at=claimed):
            continue
        registration = registration_get(registration_id)
        if registration is None or not registration.email:
            continue
        try:
            deliver(registration, "reminder")
        except smtplib.SMTPRecipientsRefused:
            logger.warning("Reminder refused for registration %s", registration_id)
        except OSError:
            Registration.objects.filter(pk=registration_id, reminded_at=claimed).update(reminded_at=None)
            logger.warning("Reminders paused: the mail server is away", exc_info=True)
            break
        else:
            sent += 1
    return f"{sent} reminders sent"
