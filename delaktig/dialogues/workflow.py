"""The lifecycle of a dialogue as one readable table.

Each row: which kinds it applies to, who may take it, what must be in place (guards return the missing things
in words), what the public timeline says and what else happens (effects). transition() is the only way a
dialogue changes state; it writes an audit event in the same database transaction (core/workflow.py).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from delaktig.core.workflow import Lifecycle, Step
from delaktig.core.workflow import TransitionRefused as TransitionRefused  # callers catch workflow.TransitionRefused
from delaktig.dialogues import hookspecs as dialogue_hooks
from delaktig.organisations.models import Role

from . import guards
from .models import Kind, State
from .tasks import followers_notify

CITIZEN = frozenset({Kind.CITIZEN_DIALOGUE})
USER = frozenset({Kind.USER_DIALOGUE})
INFO = frozenset({Kind.INFORMATION})
DIALOGUES = CITIZEN | USER
ALL_KINDS = CITIZEN | USER | INFO

RUNNERS = frozenset({Role.OFFICER, Role.DEMOCRACY_OFFICER})
RECORDERS = frozenset({Role.REGISTRAR, Role.DEMOCRACY_OFFICER})
RECORDERS_AND_RUNNERS = RUNNERS | RECORDERS


# --- Effects: what a step changes besides the state, before the dialogue is saved ------------------------------


def attach_principles(dialogue, move):
    """The principles in force on the day of the decision go with the dialogue."""
    current = dialogue.municipality.principles_versions.filter(adopted_on__lte=dialogue.decision_to_hold.date).first()
    dialogue.principles = current


def stamp_opened(dialogue, move):
    dialogue.opened_at = timezone.now()


def stamp_closed(dialogue, move):
    dialogue.closed_at = timezone.now()
    dialogue.set_feedback_due(dialogue.closed_at)


def stamp_feedback(dialogue, move):
    dialogue.feedback_published_at = timezone.now()


def notify_followers(dialogue, move=None):
    event = str(dialogue.state)
    transaction.on_commit(lambda: followers_notify.enqueue(dialogue_id=dialogue.pk, event=event))


def feedback_published(dialogue, move):
    """Outer apps mail the feedback to followers and participants (hook `feedback_published`), so followers
    are mailed once; without such an app, followers get the usual notification."""
    registered = dialogue_hooks.feedback_published.implementations()
    if not registered:
        return notify_followers(dialogue)
    dialogue.save()  # the hooks see the published feedback in the database
    for hook in registered:
        hook(dialogue, move.actor)


# --- The table -----------------------------------------------------------------------------------------------

TRANSITIONS = {
    (State.INITIATIVE, State.ASSESSED): Step(
        name="assess",
        label=gettext_lazy("Mark the checklist as complete"),
        applies_to=CITIZEN,
        actors=RUNNERS,
        guards=(guards.checklist_complete, guards.question_influenceable),
    ),
    (State.ASSESSED, State.DECIDED): Step(
        name="decide",
        label=gettext_lazy("Record the decision to hold the dialogue"),
        applies_to=CITIZEN,
        actors=RECORDERS,
        guards=(guards.decision_recorded,),
        timeline=gettext_lazy("Decided to hold the dialogue"),
        effects=(attach_principles,),
    ),
    (State.ASSESSED, State.DECLINED): Step(
        name="decline",
        label=gettext_lazy("Record that the body declined"),
        applies_to=CITIZEN,
        actors=RECORDERS,
        guards=(guards.decision_recorded,),
    ),
    (State.DECIDED, State.PLANNED): Step(
        name="plan",
        label=gettext_lazy("Approve the plan"),
        applies_to=CITIZEN,
        actors=RUNNERS,
        guards=(guards.plan_complete,),
        timeline=gettext_lazy("Planned"),
    ),
    (State.INITIATIVE, State.PLANNED): Step(
        name="plan_directly",
        label=gettext_lazy("Approve the plan"),
        applies_to=USER | INFO,
        actors=RUNNERS,
        guards=(guards.plan_complete,),
        timeline=gettext_lazy("Planned"),
    ),
    (State.PLANNED, State.OPEN): Step(
        name="open",
        label=gettext_lazy("Open for participation"),
        applies_to=ALL_KINDS,
        actors=RUNNERS,
        guards=(guards.plan_complete, guards.has_participation_module),
        timeline=gettext_lazy("Opened"),
        effects=(stamp_opened,),
    ),
    (State.OPEN, State.CLOSED): Step(
        name="close",
        label=gettext_lazy("Close"),
        applies_to=ALL_KINDS,
        actors=RUNNERS,
        timeline=gettext_lazy("Closed"),
        effects=(stamp_closed,),
    ),
    (State.CLOSED, State.RESULTS_COMPILED): Step(
        name="compile_results",
        label=gettext_lazy("Publish the compiled results"),
        applies_to=DIALOGUES,
        actors=RUNNERS,
        guards=(guards.results_compiled,),
        timeline=gettext_lazy("Results compiled"),
        effects=(notify_followers,),
    ),
    (State.RESULTS_COMPILED, State.MATTER_DECIDED): Step(
        name="record_matter_decision",
        label=gettext_lazy("Record the decision in the matter"),
        applies_to=DIALOGUES,
        actors=RECORDERS_AND_RUNNERS,
        guards=(guards.matter_decision_recorded,),
        timeline=gettext_lazy("Decision in the matter"),
    ),
    (State.MATTER_DECIDED, State.FEEDBACK_PUBLISHED): Step(
        name="publish_feedback",
        label=gettext_lazy("Publish feedback"),
        applies_to=DIALOGUES,
        actors=RUNNERS,
        guards=(guards.feedback_written,),
        timeline=gettext_lazy("Feedback published"),
        effects=(stamp_feedback, feedback_published),
    ),
    (State.RESULTS_COMPILED, State.FEEDBACK_PUBLISHED): Step(
        name="publish_feedback_directly",
        label=gettext_lazy("Publish feedback"),
        applies_to=USER,
        actors=RUNNERS,
        guards=(guards.feedback_written,),
        timeline=gettext_lazy("Feedback published"),
        effects=(stamp_feedback, feedback_published),
    ),
    (State.FEEDBACK_PUBLISHED, State.EVALUATED): Step(
        name="evaluate",
        label=gettext_lazy("Record the evaluation"),
        applies_to=DIALOGUES,
        actors=RUNNERS,
        guards=(guards.evaluation_written,),
        timeline=gettext_lazy("Evaluated"),
    ),
    **{
        (source, State.CANCELLED): Step(
            name="cancel",
            label=gettext_lazy("Cancel"),
            applies_to=ALL_KINDS,
            actors=RUNNERS,
            guards=(guards.cancel_reason_given,),
            timeline=gettext_lazy("Cancelled") if source == State.PLANNED else "",
        )
        for source in (State.INITIATIVE, State.ASSESSED, State.DECIDED, State.PLANNED)
    },
}


def timeline_data(dialogue, move):
    """The audit event names the body and the date of a decision, and the note if one was written."""
    data = {}
    decision = None
    if move.target in (State.DECIDED, State.DECLINED):
        decision = dialogue.decision_to_hold
    elif move.target == State.MATTER_DECIDED:
        decision = dialogue.decision_in_matter
    if decision and decision.body:
        data.update(body=decision.body.name, date=decision.date.isoformat())
    if move.note:
        data["note"] = move.note
    return data


LIFECYCLE = Lifecycle(
    table=TRANSITIONS,
    action_prefix="dialogue",
    state_field="state",
    variant_field="kind",
    not_possible=gettext_lazy("This step is not possible when the dialogue is “%(state)s”."),
    role_refused=gettext_lazy("Your role does not allow this step."),
    audit_data=timeline_data,
)

find = LIFECYCLE.find
next_steps = LIFECYCLE.next_steps
may_take = LIFECYCLE.may_take
missing_for = LIFECYCLE.missing
refusals = LIFECYCLE.refusals
transition = LIFECYCLE.transition
