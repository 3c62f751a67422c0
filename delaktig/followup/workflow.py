"""The status of a measure as one readable table, with a guard and a public audit event per step.

Refused steps (for example from done straight to cancelled, or anything out of cancelled) are simply not
in the table.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from delaktig.core.audit import audit_record
from delaktig.organisations.models import Role

from .models import MeasureStatus, MeasureUpdate

TRACKERS = frozenset({Role.OFFICER, Role.DEMOCRACY_OFFICER})


def reason_given(measure, note):
    return [] if note.strip() else [_("Write why the measure is cancelled. Residents see the reason.")]


def nothing(measure, note):
    return []


@dataclass(frozen=True)
class Step:
    name: str
    label: str
    public_label: str
    guard: object = nothing


TRANSITIONS = {
    (MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS): Step(
        "start", gettext_lazy("Start the work"), gettext_lazy("The work has started")
    ),
    (MeasureStatus.PLANNED, MeasureStatus.CANCELLED): Step(
        "cancel", gettext_lazy("Cancel the measure"), gettext_lazy("The measure was cancelled"), reason_given
    ),
    (MeasureStatus.IN_PROGRESS, MeasureStatus.DONE): Step(
        "complete", gettext_lazy("Mark as done"), gettext_lazy("The measure is done")
    ),
    (MeasureStatus.IN_PROGRESS, MeasureStatus.PLANNED): Step(
        "pause", gettext_lazy("Back to planned"), gettext_lazy("The work is paused")
    ),
    (MeasureStatus.IN_PROGRESS, MeasureStatus.CANCELLED): Step(
        "cancel", gettext_lazy("Cancel the measure"), gettext_lazy("The measure was cancelled"), reason_given
    ),
    (MeasureStatus.DONE, MeasureStatus.IN_PROGRESS): Step(
        "reopen", gettext_lazy("Reopen"), gettext_lazy("The work was taken up again")
    ),
}


class StepRefused(Exception):
    def __init__(self, reasons):
        self.reasons = [str(reason) for reason in reasons]
        super().__init__("; ".join(self.reasons))


def find(measure, name):
    for (source, target), step in TRANSITIONS.items():
        if source == measure.status and step.name == name:
            return target, step
    return None


def next_steps(measure):
    return [(target, step) for (source, target), step in TRANSITIONS.items() if source == measure.status]


def refusals(actor, measure, name, note=""):
    found = find(measure, name)
    if found is None:
        return [_("This is not possible when the measure is “%(status)s”.") % {"status": measure.get_status_display()}]
    if not (getattr(actor, "is_authenticated", False) and actor.has_role(measure.dialogue.municipality, *TRACKERS)):
        return [_("Your role does not allow this step.")]
    return found[1].guard(measure, note)


def _apply(measure, target):
    today = timezone.localdate()
    if target == MeasureStatus.DONE:
        measure.progress = 100
        measure.done_on = measure.done_on or today
    elif target == MeasureStatus.IN_PROGRESS:
        measure.done_on = None
        if measure.starts_on is None and (measure.due_on is None or measure.due_on >= today):
            measure.starts_on = today


@transaction.atomic
def transition(measure, name, *, actor, note=""):
    """Take step `name`; raise StepRefused with the reasons if it is not allowed."""
    reasons = refusals(actor, measure, name, note)
    if reasons:
        raise StepRefused(reasons)
    target, step = find(measure, name)
    source = measure.status
    measure.status = target
    measure.status_changed_at = timezone.now()
    _apply(measure, target)
    measure.save()
    text = str(step.public_label) + (f": {note.strip()}" if note.strip() else "")
    progress = measure.progress if target == MeasureStatus.DONE else None  # the line shows progress when it moved
    MeasureUpdate.objects.create(measure=measure, date=timezone.localdate(), text=text, progress=progress)
    audit_record(
        municipality=measure.dialogue.municipality,
        actor=actor,
        action=f"measure.{step.name}",
        target=measure,
        data={"from": source, "to": target, "label": str(step.public_label), "note": note.strip()},
        public=True,
    )
    return measure
