"""Writes for dialogues other than state changes (those are in workflow.py)."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from delaktig.core.audit import audit_record

from . import public_identity
from .models import ChecklistAnswer, Dialogue, Follower, Notification

NOTIFICATION_BATCH_SIZE = 100


# --- Following a dialogue --------------------------------------------------------------------


def follower_add(*, dialogue, user):
    """Follow `dialogue`; following twice is harmless."""
    try:
        with transaction.atomic():
            follower, _created = Follower.objects.get_or_create(dialogue=dialogue, user=user)
    except IntegrityError:  # a double submit won the race
        follower = Follower.objects.get(dialogue=dialogue, user=user)
    return follower


def follower_remove(*, dialogue, user):
    """Stop following `dialogue`; stopping twice is harmless."""
    deleted, _rows = Follower.objects.filter(dialogue=dialogue, user=user).delete()
    return deleted


def followers_notify_later(*, dialogue_id, event):
    """Queue e-mail to every follower that `event` (the dialogue's new state) has happened."""
    from .tasks import followers_notify

    followers_notify.enqueue(dialogue_id=dialogue_id, event=str(event))


# --- Notifications: created once, each sent at most once ------------------------------------


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


# --- Staff workspace: creating and filling in a dialogue --------------------------------------


@transaction.atomic
def dialogue_create(*, municipality, actor, **fields):
    """A new initiative (the first state of every kind of dialogue)."""
    dialogue = Dialogue.objects.create(municipality=municipality, **fields)
    audit_record(
        municipality=municipality,
        actor=actor,
        action="dialogue.create",
        target=dialogue,
        data={"kind": dialogue.kind, "title": dialogue.title},
    )
    return dialogue


@transaction.atomic
def dialogue_update(*, dialogue, actor, changes, action="dialogue.update"):
    """Save the given fields (many-to-many ones included) and record which fields changed.

    A change of how participants appear publicly must keep its rule (public_identity.py) and is recorded on its own.
    """
    identity_before = _stored_public_identity(dialogue)
    identity_after = changes.get("public_identity", identity_before)
    if reason := public_identity.refusal(dialogue, identity_before, identity_after):
        raise ValueError(reason)
    many = {field.name for field in Dialogue._meta.many_to_many}
    for name, value in changes.items():
        if name not in many:
            setattr(dialogue, name, value)
    dialogue.save()
    for name in many & changes.keys():
        getattr(dialogue, name).set(changes[name])
    audit_record(
        municipality=dialogue.municipality,
        actor=actor,
        action=action,
        target=dialogue,
        data={"fields": sorted(changes)},
    )
    if identity_after != identity_before:
        public_identity.changed(dialogue=dialogue, actor=actor, before=identity_before)
    return dialogue


def _stored_public_identity(dialogue):
    """As saved: a model form has already put the new value on the instance."""
    stored = Dialogue.objects.filter(pk=dialogue.pk).values_list("public_identity", flat=True).first()
    return stored or dialogue.public_identity


@transaction.atomic
def checklist_save(*, dialogue, actor, answers, is_influenceable):
    """Store the checklist answers ({question: text}) and whether the question is open to influence."""
    existing = {answer.question_id: answer for answer in dialogue.checklist_answers.all()}
    for question, text in answers.items():
        answer = existing.get(question.pk) or ChecklistAnswer(dialogue=dialogue, question=question)
        if answer.pk is None or answer.answer != text:
            answer.answer = text
            answer.save()
    dialogue.is_influenceable = is_influenceable
    dialogue.save(update_fields=["is_influenceable", "updated_at"])
    audit_record(
        municipality=dialogue.municipality,
        actor=actor,
        action="dialogue.checklist",
        target=dialogue,
        data={"answered": sum(1 for text in answers.values() if text.strip())},
    )
    return dialogue


@transaction.atomic
def dialogue_cancel(*, dialogue, actor, reason):
    """Give the reason and cancel in one step: a refused cancellation keeps nothing."""
    from . import workflow

    dialogue_update(dialogue=dialogue, actor=actor, changes={"cancel_reason": reason})
    return workflow.transition(dialogue, "cancel", actor=actor, note=reason)
