"""Create a mailing and follow its progress; `sending` sends it in batches in the worker, safe to run again after a
crash (see models.py for the guarantee)."""

from django.db import transaction
from django.db.models import Count, Q

from .models import Mailing, Recipient
from .sending import mailing_send  # noqa: F401  (what the task does; tests and the demo call it directly)
from .tasks import mailing_send_task


@transaction.atomic
def mailing_create(*, municipality, purpose, subject, body, recipients, target=None, actor=None):
    """recipients: iterable of (email, name) or (email, name, values), where values are the recipient's own texts
    for `{key}` in the body (a personal link, say); each address gets the message once."""
    mailing = Mailing.objects.create(
        municipality=municipality,
        purpose=purpose,
        subject=subject,
        body=body,
        target=target,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    unique: dict[str, tuple[str, dict]] = {}
    for email, name, *values in recipients:
        if email:
            unique.setdefault(email.strip().lower(), (name or "", dict(values[0]) if values else {}))
    Recipient.objects.bulk_create(
        (Recipient(mailing=mailing, email=email, name=name, values=values) for email, (name, values) in unique.items()),
        batch_size=1000,
    )
    mailing.total = len(unique)
    mailing.save(update_fields=["total"])
    transaction.on_commit(lambda: _enqueue(mailing.pk))
    return mailing


def _enqueue(mailing_id):
    mailing_send_task.enqueue(mailing_id=mailing_id)


def mailing_progress(mailing):
    """Sent counts recipients the mail server has taken the message for; maybe_twice those that were
    claimed again after a worker stopped mid-message."""
    counts = mailing.recipients.aggregate(
        sent=Count("pk", filter=Q(sent_at__isnull=False)),
        maybe_twice=Count("pk", filter=Q(sent_at__isnull=False, attempts__gt=1)),
        failed=Count("pk", filter=~Q(error="")),
    )
    total = mailing.total
    return {
        **counts,
        "total": total,
        "percent": round(100 * counts["sent"] / total) if total else 100,
    }
