"""Create a mailing and send it in batches; safe to run again after a crash."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import connection, transaction
from django.utils import timezone

from .models import Mailing, Recipient

logger = logging.getLogger(__name__)
BATCH_SIZE = 100


@transaction.atomic
def mailing_create(*, municipality, purpose, subject, body, recipients, target=None, actor=None):
    """recipients: iterable of (email, name); each address gets the message once."""
    mailing = Mailing.objects.create(
        municipality=municipality,
        purpose=purpose,
        subject=subject,
        body=body,
        target=target,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    unique = {}
    for email, name in recipients:
        if email:
            unique.setdefault(email.strip().lower(), name or "")
    Recipient.objects.bulk_create(
        (Recipient(mailing=mailing, email=email, name=name) for email, name in unique.items()), batch_size=1000
    )
    mailing.total = len(unique)
    mailing.save(update_fields=["total"])
    transaction.on_commit(lambda: _enqueue(mailing.pk))
    return mailing


def _enqueue(mailing_id):
    from .tasks import mailing_send_task

    mailing_send_task.enqueue(mailing_id=mailing_id)


def mailing_send(*, mailing_id, batch_size=BATCH_SIZE, send=None):
    """Send to every recipient not yet sent to. Returns how many were sent in this run."""
    send = send or _send_one
    mailing = Mailing.objects.get(pk=mailing_id)
    Mailing.objects.filter(pk=mailing.pk, started_at__isnull=True).update(
        started_at=timezone.now(), status=Mailing.Status.SENDING
    )
    sent = 0
    while True:
        ids = list(
            mailing.recipients.filter(sent_at__isnull=True).order_by("id").values_list("id", flat=True)[:batch_size]
        )
        if not ids:
            break
        sent += sum(_send_claimed(recipient_id, mailing, send) for recipient_id in ids)
    Mailing.objects.filter(pk=mailing.pk).update(status=Mailing.Status.DONE, finished_at=timezone.now())
    return sent


def _send_claimed(recipient_id, mailing, send):
    """Lock one recipient, send, stamp it: one short transaction per message."""
    with transaction.atomic():
        rows = Recipient.objects.filter(pk=recipient_id, sent_at__isnull=True)
        if connection.features.has_select_for_update_skip_locked:
            rows = rows.select_for_update(skip_locked=True)
        recipient = rows.first()
        if recipient is None:
            return 0
        send(mailing, recipient)
        recipient.sent_at = timezone.now()
        recipient.save(update_fields=["sent_at"])
        return 1


def _send_one(mailing, recipient):
    body = mailing.body.replace("{name}", recipient.name or "")
    send_mail(mailing.subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.email])


def mailing_progress(mailing):
    sent = mailing.recipients.filter(sent_at__isnull=False).count()
    return {
        "sent": sent,
        "total": mailing.total,
        "percent": round(100 * sent / mailing.total) if mailing.total else 100,
    }
