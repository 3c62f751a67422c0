"""Registering a coming matter, answering whether a dialogue is planned, linking its dialogue, marking it decided.
Every change leaves an audit event."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from delaktig.core.audit import audit_record
from delaktig.dialogues.models import Dialogue
from delaktig.organisations import case_numbers

from .models import Matter, Planned

EDITABLE = ("case_number", "title", "description", "body", "department", "expected_decision_on")


class CaseNumberTaken(Exception):
    """Another matter of the municipality has this case number."""


def TAKEN_TEXT():  # noqa: N802
    return _("Another matter already has this case number. Open that matter instead, or check the number.")


def matter_register(*, municipality, actor, **values):
    try:
        with transaction.atomic():
            matter = Matter.objects.create(municipality=municipality, registered_by=actor, **values)
            audit_record(municipality=municipality, actor=actor, action="matters.register", target=matter)
    except IntegrityError:
        raise CaseNumberTaken() from None
    return matter


class OtherCaseNumber(Exception):
    """The dialogue has another case number than the matter: one matter keeps one number."""


def matter_update(*, matter, actor, reason="", **values):
    """Save the changes; a changed case number leaves its own event with the reason and follows to the dialogue."""
    before = matter.case_number
    changed = [name for name in EDITABLE if name in values and getattr(matter, name) != values[name]]
    for name in changed:
        setattr(matter, name, values[name])
    if not changed:
        return matter
    try:
        with transaction.atomic():
            matter.save()
            audit_record(
                municipality=matter.municipality, actor=actor, action="matters.update", target=matter,
                data={"fields": changed},
            )  # fmt: skip
            if "case_number" in changed:
                _number_changed(matter, actor, before, reason)
    except IntegrityError:
        raise CaseNumberTaken() from None
    return matter


def _number_changed(matter, actor, before, reason):
    case_numbers.case_number_change_record(
        municipality=matter.municipality, actor=actor, target=matter, action="matters.case_number_change",
        before=before, after=matter.case_number, reason=reason,
    )  # fmt: skip
    if matter.dialogue_id:
        _dialogue_number_set(matter, actor)


def _dialogue_number_set(matter, actor):
    """The linked dialogue carries the matter's number (one number from the initiative to the decision)."""
    dialogue = matter.dialogue
    if dialogue.case_number == matter.case_number:
        return
    Dialogue.objects.filter(pk=dialogue.pk).update(case_number=matter.case_number)
    audit_record(
        municipality=matter.municipality, actor=actor, action="dialogue.update", target=dialogue,
        data={"fields": ["case_number"], "from": dialogue.case_number, "to": matter.case_number},
    )  # fmt: skip
    dialogue.case_number = matter.case_number


def matter_answer(*, matter, actor, planned, reason):
    """Whether a dialogue is planned, and why or why not: the answer the officer's report quotes."""
    if planned not in (Planned.YES, Planned.NO):
        raise ValueError("planned must be yes or no")
    with transaction.atomic():
        matter.planned, matter.reason = planned, reason.strip()
        matter.answered_at, matter.answered_by = timezone.now(), actor
        matter.save(update_fields=["planned", "reason", "answered_at", "answered_by", "updated_at"])
        audit_record(
            municipality=matter.municipality, actor=actor, action="matters.answer", target=matter,
            data={"planned": planned},
        )  # fmt: skip
    return matter


def matter_link(*, matter, actor, dialogue):
    """Link the dialogue held for the matter (None removes the link). The dialogue is the municipality's."""
    if dialogue is not None and dialogue.municipality_id != matter.municipality_id:
        raise ValueError("the dialogue belongs to another municipality")
    if (
        dialogue is not None
        and dialogue.case_number
        and not case_numbers.same_number(dialogue.case_number, matter.case_number)
    ):
        raise OtherCaseNumber(
            _(
                "The dialogue has the case number %(dialogue)s and the matter %(matter)s. A matter keeps one number: "
                "correct the number of the one that is wrong first."
            )
            % {"dialogue": dialogue.case_number, "matter": matter.case_number}
        )
    with transaction.atomic():
        matter.dialogue = dialogue
        matter.save(update_fields=["dialogue", "updated_at"])
        if dialogue is not None:
            _dialogue_number_set(matter, actor)
        audit_record(
            municipality=matter.municipality, actor=actor, action="matters.link", target=matter,
            data={"dialogue": dialogue.pk if dialogue else None},
        )  # fmt: skip
    return matter


def matter_decided(*, matter, actor, decided_on):
    with transaction.atomic():
        matter.decided_on = decided_on
        matter.save(update_fields=["decided_on", "updated_at"])
        audit_record(
            municipality=matter.municipality, actor=actor, action="matters.decided", target=matter,
            data={"decided_on": decided_on.isoformat() if decided_on else None},
        )  # fmt: skip
    return matter
