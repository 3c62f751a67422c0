"""Writes for dialogues other than state changes (those are in workflow.py)."""

from django.db import IntegrityError, transaction

from delaktig.core.audit import audit_record
from delaktig.organisations import case_numbers
from delaktig.organisations.services import decision_record

from . import public_identity, workflow
from .models import DECISION_FIELDS, ChecklistAnswer, Dialogue, Follower
from .notifying import notifications_create, notifications_send  # noqa: F401  (what the task does)
from .tasks import followers_notify

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
    followers_notify.enqueue(dialogue_id=dialogue_id, event=str(event))


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
def dialogue_update(*, dialogue, actor, changes, action="dialogue.update", elsewhere=()):
    """Save the given fields (many-to-many ones included) and record which fields changed.

    `elsewhere`: [(StepFields, values)] that outer apps keep (hook `dialogue_step_fields`), saved by them here and
    listed in the same change-log entry.

    A change of how participants appear publicly must keep its rule (public_identity.py) and is recorded on its own.
    """
    changes = dict(changes)
    number_reason = changes.pop(case_numbers.REASON_FIELD, "")
    number_before = _stored(dialogue, "case_number")
    identity_before = _stored_public_identity(dialogue)
    identity_after = changes.get("public_identity", identity_before)
    if reason := public_identity.refusal(dialogue, identity_before, identity_after):
        raise ValueError(reason)
    many = {field.name for field in Dialogue._meta.many_to_many}
    decided = {name for fields in DECISION_FIELDS.values() for name in fields}
    for name, value in changes.items():
        if name not in many | decided:
            setattr(dialogue, name, value)
    _decisions_record(dialogue, changes)
    dialogue.save()
    for name in many & changes.keys():
        getattr(dialogue, name).set(changes[name])
    for part, values in elsewhere:
        part.save(values)
    audit_record(
        municipality=dialogue.municipality,
        actor=actor,
        action=action,
        target=dialogue,
        data={"fields": sorted([*changes, *(name for _part, values in elsewhere for name in values)])},
    )
    if identity_after != identity_before:
        public_identity.changed(dialogue=dialogue, actor=actor, before=identity_before)
    if "case_number" in changes:
        _case_number_carry(dialogue, actor, number_before, number_reason)
    return dialogue


def _case_number_carry(dialogue, actor, before, reason):
    """A changed number follows the matter: the linked coming matters take it, and a change leaves its event."""
    after = dialogue.case_number
    if before == after:
        return
    dialogue.matters.exclude(case_number=after).update(case_number=after)  # the reverse link: no import of matters
    if before:
        case_numbers.case_number_change_record(
            municipality=dialogue.municipality,
            actor=actor,
            target=dialogue,
            action="dialogue.case_number_change",
            before=before,
            after=after,
            reason=reason,
        )


def _stored(dialogue, name):
    if dialogue.pk is None:
        return ""
    return Dialogue.objects.filter(pk=dialogue.pk).values_list(name, flat=True).first() or ""


DECISION_PARTS = ("body", "date", "minute_item", "number", "text")


def _decisions_record(dialogue, changes):
    """Put the decision fields among `changes` (DECISION_FIELDS) into the dialogue's Decisions."""
    for attr, fields in DECISION_FIELDS.items():
        given = {part: changes[name] for name, part in fields.items() if name in changes}
        if not given:
            continue
        existing = getattr(dialogue, attr)
        kept = {part: getattr(existing, part) for part in DECISION_PARTS} if existing else {}
        recorded = decision_record(municipality=dialogue.municipality, existing=existing, **{**kept, **given})
        setattr(dialogue, attr, recorded)


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
    dialogue_update(dialogue=dialogue, actor=actor, changes={"cancel_reason": reason})
    return workflow.transition(dialogue, "cancel", actor=actor, note=reason)
