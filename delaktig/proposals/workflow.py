"""The public statuses of a proposal as one readable table, with a guard and an audit event per step.

Who takes a step: the proposer (withdraw), staff by role, or the system (threshold, expiry). The engine is
core/workflow.py; data given to transition() is merged into the step's audit event.
"""

from django.utils.translation import gettext_lazy, pgettext_lazy

from delaktig.core.workflow import SYSTEM, Lifecycle, Step
from delaktig.core.workflow import TransitionRefused as TransitionRefused  # callers catch workflow.TransitionRefused
from delaktig.organisations.models import Role

from . import guards
from .models import OPEN_FOR_WITHDRAWAL, Route, Status

EPETITION = frozenset({Route.EPETITION})
CITIZEN = frozenset({Route.CITIZEN_PROPOSAL})
BOTH = EPETITION | CITIZEN

MODERATORS = frozenset({Role.MODERATOR, Role.REGISTRAR, Role.DEMOCRACY_OFFICER})
HANDLERS = frozenset({Role.OFFICER, Role.REGISTRAR, Role.DEMOCRACY_OFFICER})
PROPOSER = "proposer"
BY_ITSELF = frozenset({SYSTEM})

TRANSITIONS = {
    (Status.SUBMITTED, Status.UNDER_REVIEW): Step(
        name="review",
        label=gettext_lazy("Start the review"),
        applies_to=BOTH,
        actors=MODERATORS,
        timeline=gettext_lazy("Under review"),
    ),
    (Status.UNDER_REVIEW, Status.COLLECTING): Step(
        name="approve",
        label=gettext_lazy("Publish for signing"),
        applies_to=EPETITION,
        actors=MODERATORS,
        guards=(guards.not_threshold_free,),
        timeline=gettext_lazy("Published for signing"),
    ),
    (Status.UNDER_REVIEW, Status.RECEIVED): Step(
        name="receive",
        label=gettext_lazy("Send to the body"),
        applies_to=BOTH,
        actors=MODERATORS,
        guards=(guards.goes_straight_to_body,),
        timeline=gettext_lazy("Received by the body"),
    ),
    (Status.UNDER_REVIEW, Status.REJECTED): Step(
        name="reject",
        label=gettext_lazy("Reject"),
        applies_to=BOTH,
        actors=MODERATORS,
        guards=(guards.rejection_reason_given,),
        timeline=gettext_lazy("Rejected"),
    ),
    (Status.SUBMITTED, Status.REJECTED): Step(
        name="reject",
        label=gettext_lazy("Reject"),
        applies_to=BOTH,
        actors=MODERATORS,
        guards=(guards.rejection_reason_given,),
        timeline=gettext_lazy("Rejected"),
    ),
    (Status.COLLECTING, Status.THRESHOLD_REACHED): Step(
        name="reach_threshold",
        label=gettext_lazy("Enough signatures"),
        applies_to=EPETITION,
        actors=BY_ITSELF,
        guards=(guards.threshold_met,),
        timeline=gettext_lazy("Reached enough signatures"),
    ),
    (Status.COLLECTING, Status.CLOSED_BELOW_THRESHOLD): Step(
        name="close_below_threshold",
        label=gettext_lazy("Close: too few signatures"),
        applies_to=EPETITION,
        actors=BY_ITSELF,
        guards=(guards.signing_period_over, guards.threshold_not_met),
        timeline=gettext_lazy("Closed with too few signatures"),
    ),
    (Status.COLLECTING, Status.IN_PREPARATION): Step(
        name="hand_to_officer",
        label=gettext_lazy("An officer answers"),
        applies_to=EPETITION,
        actors=BY_ITSELF,
        guards=(guards.signing_period_over, guards.threshold_not_met),
        timeline=gettext_lazy("An officer prepares an answer"),
    ),
    (Status.THRESHOLD_REACHED, Status.RECEIVED): Step(
        name="receive",
        label=gettext_lazy("Received by the body"),
        applies_to=EPETITION,
        actors=HANDLERS,
        timeline=gettext_lazy("Received by the body"),
    ),
    (Status.RECEIVED, Status.IN_PREPARATION): Step(
        name="prepare",
        label=gettext_lazy("Start preparing"),
        applies_to=BOTH,
        actors=HANDLERS,
        timeline=gettext_lazy("In preparation"),
    ),
    (Status.IN_PREPARATION, Status.DECIDED): Step(
        name="decide",
        label=gettext_lazy("Record the decision"),
        applies_to=BOTH,
        actors=HANDLERS,
        guards=(guards.decision_recorded,),
        timeline=pgettext_lazy("proposal", "Decided"),
    ),
    **{
        (source, Status.REFERRED): Step(
            name="refer",
            label=gettext_lazy("Refer to a board"),
            applies_to=CITIZEN,
            actors=HANDLERS,
            timeline=gettext_lazy("Referred to a board"),  # the public timeline names the board
        )
        for source in (Status.RECEIVED, Status.IN_PREPARATION)
    },
    (Status.REFERRED, Status.IN_PREPARATION): Step(
        name="referral_answer",
        label=gettext_lazy("Record the board's answer"),
        applies_to=CITIZEN,
        actors=HANDLERS,
        guards=(guards.referral_answered,),
        timeline=gettext_lazy("The board has answered"),  # the public timeline names the board
    ),
    **{
        (source, Status.WITHDRAWN): Step(
            name="withdraw",
            label=gettext_lazy("Withdraw"),
            applies_to=BOTH,
            actors=frozenset({PROPOSER}),
            timeline=gettext_lazy("Withdrawn"),
        )
        for source in sorted(OPEN_FOR_WITHDRAWAL)  # sorted: the table reads the same in every process
    },
}


# Steps whose timeline names the board (the board is in the step's audit data).
TIMELINE_WITH_BODY = {
    "refer": gettext_lazy("Referred to %(body)s"),
    "referral_answer": gettext_lazy("%(body)s has answered the referral"),
}


def timeline_words(step, data):
    """What the timeline says about a step taken, with the board named where the step has one."""
    if step.name in TIMELINE_WITH_BODY and data.get("body"):
        return str(TIMELINE_WITH_BODY[step.name]) % {"body": data["body"]}
    return step.timeline


def is_proposer(actor, proposal):
    return getattr(actor, "is_authenticated", False) and proposal.proposer_id == actor.pk


LIFECYCLE = Lifecycle(
    table=TRANSITIONS,
    action_prefix="proposal",
    state_field="status",
    variant_field="route",
    stamp_field="status_changed_at",
    pseudo_actors={PROPOSER: is_proposer},
    not_possible=gettext_lazy("This is not possible when the proposal is “%(status)s”."),
    role_refused=gettext_lazy("You may not do this."),
)

find = LIFECYCLE.find
next_steps = LIFECYCLE.next_steps
may_take = LIFECYCLE.may_take
refusals = LIFECYCLE.refusals
transition = LIFECYCLE.transition
