"""E-mail to a dialogue's followers: one Notification per follower and event, each sent at most once (the task)."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import Follower, Notification

NOTIFICATION_BATCH_SIZE = 100


def notifications_create(*, dialogue_id, event):
    """One Notification per follower and event; running it again adds nobody twice."""
    user_ids = Follower.objects.filter(dialogue_id=dialogue_id).values_list("user_id", flat=True)
    rows = [Notification(dialogue_id=dialogue_id, user_id=user_id, event=event) for user_id in user_ids]
    Notification.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)


def notifications_send(*, dialogue_id, event, batch_size=NOTIFICATION_BATCH_SIZE):
    """Send every unsent notification for the event, in batches; returns how many were sent now."""
    sent, last_pk = 0, 0
    while True:
        batch = list(_unsent(dialogue_id, event).filter(pk__gt=last_pk).values_list("pk", flat=True)[:batch_size])
        if not batch:
            return sent
        for pk in batch:
            sent += notification_send(pk=pk)
        last_pk = batch[-1]


def _unsent(dialogue_id, event):
    return Notification.objects.filter(dialogue_id=dialogue_id, event=event, sent_at__isnull=True).order_by("pk")


def notification_send(*, pk):
    """Send one notification and mark it sent in the same short transaction.

    The row is locked while it is sent (other workers skip it), and sent_at is committed right
    after the e-mail leaves, so a worker that dies sends nobody twice when the task runs again.
    """
    with transaction.atomic():
        qs = Notification.objects.filter(pk=pk, sent_at__isnull=True)
        if connection.features.has_select_for_update_skip_locked:
            qs = qs.select_for_update(skip_locked=True, of=("self",))
        notification = qs.select_related("dialogue__municipality", "user").first()
        if notification is None:
            return 0
        if notification.user.is_active and notification.user.email:
            _mail(notification)
        notification.sent_at = timezone.now()
        notification.save(update_fields=["sent_at"])
    return 1


def _mail(notification):
    dialogue = notification.dialogue
    context = {
        "dialogue": dialogue,
        "event": notification.event,
        "user": notification.user,
        "url": settings.SITE_URL.rstrip("/") + dialogue.get_absolute_url(),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("dialogues/emails/follower_subject.txt", context).strip()
        body = render_to_string("dialogues/emails/follower_notification.txt", context)
    send_mail(" ".join(subject.split()), body, None, [notification.user.email])
