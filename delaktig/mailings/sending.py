"""Sending a mailing in batches, in the worker; safe to run again after a crash (see models.py for the guarantee)."""

import logging
import smtplib
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import F, Q
from django.utils import timezone

from .models import Mailing, Recipient

logger = logging.getLogger(__name__)
BATCH_SIZE = 100


def mailing_send(*, mailing_id, batch_size=BATCH_SIZE, send=None, on_pause=None):
    """Send to every recipient not yet sent to. Returns how many were sent in this run.

    Safe to run again, and by several workers at once: each recipient is claimed with one conditional
    UPDATE before its message goes out. If the mail server cannot be reached, the claim is given back,
    the mailing says why it paused, and the task is queued again to go on in a minute.
    """
    if send is None:
        return _send_through_one_session(mailing_id, batch_size, on_pause)
    mailing = Mailing.objects.get(pk=mailing_id)
    Mailing.objects.filter(pk=mailing.pk, started_at__isnull=True).update(
        started_at=timezone.now(), status=Mailing.Status.SENDING
    )
    Mailing.objects.filter(pk=mailing.pk).exclude(last_error="").update(last_error="")  # going on again
    sent = 0
    while ids := _next_batch(mailing, batch_size):
        for recipient_id in ids:
            outcome = _send_claimed(recipient_id, mailing, send, on_pause)
            if outcome is None:
                return sent
            sent += outcome
    _finish_if_done(mailing)
    return sent


def _next_batch(mailing, batch_size):
    """Recipients to claim next. One claimed by another worker is left to it: that worker stamps it and
    marks the mailing done, or it died, and its task, taken up again after the lease, finds the claim stale
    (a lease outlives a claim) and sends it."""
    return list(_claimable(mailing).order_by("id").values_list("id", flat=True)[:batch_size])


def claim_seconds():
    """A claim older than this belongs to a worker that died: half a task lease, more than EMAIL_TIMEOUT."""
    return settings.TASK_LEASE_SECONDS / 2


def _claimable(mailing, now=None):
    stale = (now or timezone.now()) - timedelta(seconds=claim_seconds())
    return mailing.recipients.filter(sent_at__isnull=True, error="").filter(
        Q(claimed_at__isnull=True) | Q(claimed_at__lt=stale)
    )


def _send_claimed(recipient_id, mailing, send, on_pause):
    """Claim one recipient, send, stamp it. 1 sent, 0 skipped or refused, None when the server is away."""
    now = timezone.now()
    if not _claimable(mailing, now).filter(pk=recipient_id).update(claimed_at=now, attempts=F("attempts") + 1):
        return 0  # another worker has it
    recipient = Recipient.objects.get(pk=recipient_id)
    try:
        send(mailing, recipient)
    except smtplib.SMTPRecipientsRefused as error:
        Recipient.objects.filter(pk=recipient_id).update(error=_reason(error))
        return 0
    except OSError as error:  # smtplib.SMTPException included: nothing was handed over
        Recipient.objects.filter(pk=recipient_id).update(claimed_at=None, attempts=F("attempts") - 1)
        _pause(mailing.pk, error, on_pause)
        return None
    Recipient.objects.filter(pk=recipient_id).update(sent_at=timezone.now())
    return 1


def _send_through_one_session(mailing_id, batch_size, on_pause):
    connection = get_connection()
    try:
        connection.open()
    except OSError as error:
        _pause(mailing_id, error, on_pause)
        return 0
    try:
        return mailing_send(
            mailing_id=mailing_id, batch_size=batch_size, send=partial(_send_one, connection), on_pause=on_pause
        )
    finally:
        connection.close()


def _pause(mailing_id, error, on_pause):
    """The mail server is away: say so on the progress page; on_pause(mailing_id) (the task) goes on later."""
    Mailing.objects.filter(pk=mailing_id).update(last_error=_reason(error), last_error_at=timezone.now())
    logger.warning("Mailing %s paused: %s", mailing_id, error)
    if on_pause:
        on_pause(mailing_id)


def _reason(error):
    return (f"{type(error).__name__}: {error}")[:300]


def _finish_if_done(mailing):
    """Done when every recipient is sent or refused; a worker still sending its last one finishes it instead."""
    if not mailing.recipients.filter(sent_at__isnull=True, error="").exists():
        Mailing.objects.filter(pk=mailing.pk).exclude(status=Mailing.Status.DONE).update(
            status=Mailing.Status.DONE, finished_at=timezone.now(), last_error=""
        )


def message_body(mailing, recipient) -> str:
    """The body with the recipient's name and own values put in."""
    body = mailing.body.replace("{name}", recipient.name or "")
    for key, value in (recipient.values or {}).items():
        body = body.replace("{" + key + "}", str(value))
    return body


def _send_one(connection, mailing, recipient):
    unsubscribe = (recipient.values or {}).get("unsubscribe")
    headers = {"List-Unsubscribe": f"<{unsubscribe}>"} if unsubscribe else None
    message = EmailMessage(
        mailing.subject,
        message_body(mailing, recipient),
        settings.DEFAULT_FROM_EMAIL,
        [recipient.email],
        connection=connection,
        headers=headers,
    )
    message.send()
