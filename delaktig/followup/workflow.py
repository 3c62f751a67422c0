"""The status of a measure as one readable table, with a guard and a public audit event per step.

Refused steps (for example from done straight to cancelled, or anything out of cancelled) are simply not
in the table. Every step adds a line to the measure's public history (MeasureUpdate). The engine is
core/workflow.py.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from delaktig.core.workflow import Lifecycle, Step
from delaktig.core.workflow import TransitionRefused as TransitionRefused  # callers catch workflow.TransitionRefused
from delaktig.organisations.models import Role

from .models import MeasureStatus, MeasureUpdate

TRACKERS = frozenset({Role.OFFICER, Role.DEMOCRACY_OFFICER})


def reason_given(measure, note):
    return [] if note.strip() else [_("Write why the measure is cancelled. Residents see the reason.")]


def mark_done(measure, move):
    """Done means all done, today unless a done date was given."""
    measure.progress = 100
    measure.done_on = measure.done_on or timezone.localdate()


def mark_in_progress(measure, move):
    """Work in progress is not done; a missing start date becomes today, but never after the due date."""
    today = timezone.localdate()
    measure.done_on = None
    if measure.starts_on is None and (measure.due_on is None or measure.due_on >= today):
        measure.starts_on = today


TRANSITIONS = {
    (MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS): Step(
        name="start",
        label=gettext_lazy("Start the work"),
        actors=TRACKERS,
        effects=(mark_in_progress,),
        timeline=gettext_lazy("The work has started"),
    ),
    (MeasureStatus.IN_PROGRESS, MeasureStatus.DONE): Step(
        name="complete",
        label=gettext_lazy("Mark as done"),
        actors=TRACKERS,
        effects=(mark_done,),
        timeline=gettext_lazy("The measure is done"),
    ),
    (MeasureStatus.IN_PROGRESS, MeasureStatus.PLANNED): Step(
        name="pause",
        label=gettext_lazy("Back to planned"),
        actors=TRACKERS,
        timeline=gettext_lazy("The work is paused"),
    ),
    (MeasureStatus.DONE, MeasureStatus.IN_PROGRESS): Step(
        name="reopen",
        label=gettext_lazy("Reopen"),
        actors=TRACKERS,
        effects=(mark_in_progress,),
        timeline=gettext_lazy("The work was taken up again"),
    ),
    **{
        (source, MeasureStatus.CANCELLED): Step(
            name="cancel",
            label=gettext_lazy("Cancel the measure"),
            actors=TRACKERS,
            guards=(reason_given,),
            timeline=gettext_lazy("The measure was cancelled"),
        )
        for source in (MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS)
    },
}


def write_history(measure, move):
    """The public history line: what happened, with the note; it shows the progress when the work is done."""
    note = move.note.strip()
    text = str(move.step.timeline) + (f": {note}" if note else "")
    progress = measure.progress if move.target == MeasureStatus.DONE else None
    MeasureUpdate.objects.create(measure=measure, date=timezone.localdate(), text=text, progress=progress)


def with_note(measure, move):
    return {"note": move.note.strip()}


LIFECYCLE = Lifecycle(
    table=TRANSITIONS,
    action_prefix="measure",
    state_field="status",
    stamp_field="status_changed_at",
    municipality=lambda measure: measure.dialogue.municipality,
    not_possible=gettext_lazy("This is not possible when the measure is “%(status)s”."),
    role_refused=gettext_lazy("Your role does not allow this step."),
    audit_data=with_note,
    public=lambda measure, move: True,
    after_save=(write_history,),
)

find = LIFECYCLE.find
next_steps = LIFECYCLE.next_steps
refusals = LIFECYCLE.refusals
transition = LIFECYCLE.transition
