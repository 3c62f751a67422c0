"""The public statuses of a proposal as one readable table, with a guard and an audit event per step.

Who takes a step: the proposer (withdraw), staff by role, or the system (threshold, expiry).
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from delaktig.core.audit import audit_record
from delaktig.organisations.models import Role

from . import guards
from .models import OPEN_FOR_WITHDRAWAL, Route, Status

EPETITION = frozenset({Route.EPETITION})
CITIZEN = frozenset({Route.CITIZEN_PROPOSAL})
BOTH = EPETITION | CITIZEN

MODERATORS = frozenset({Role.MODERATOR, Role.REGISTRAR, Role.DEMOCRACY_OFFICER})
HANDLERS = frozenset({Role.OFFICER, Role.REGISTRAR, Role.DEMOCRACY_OFFICER})
SYSTEM = "system"
PROPOSER = "proposer"


@dataclass(frozen=True)
class Step:
    name: str
    label: str
    routes: frozenset
    actors: frozenset  # staff roles, or {PROPOSER} or {SYSTEM}
    guards: tuple = ()
    public_label: str = ""


TRANSITIONS = {
    (Status.SUBMITTED, Status.UNDER_REVIEW): Step(
        "review", gettext_lazy("Start the review"), BOTH, MODERATORS, (), gettext_lazy("Under review")
    ),
    (Status.UNDER_REVIEW, Status.COLLECTING): Step(
        "approve",
        gettext_lazy("Publish for signing"),
        EPETITION,
        MODERATORS,
        (guards.not_threshold_free,),
        gettext_lazy("Published for signing"),
    ),
    (Status.UNDER_REVIEW, Status.RECEIVED): Step(
        "receive",
        gettext_lazy("Send to the body"),
        BOTH,
        MODERATORS,
        (guards.goes_straight_to_body,),
        gettext_lazy("Received by the body"),
    ),
    (Status.UNDER_REVIEW, Status.REJECTED): Step(
        "reject",
        gettext_lazy("Reject"),
        BOTH,
        MODERATORS,
        (guards.rejection_reason_given,),
        gettext_lazy("Rejected"),
    ),
    (Status.SUBMITTED, Status.REJECTED): Step(
        "reject",
        gettext_lazy("Reject"),
        BOTH,
        MODERATORS,
        (guards.rejection_reason_given,),
        gettext_lazy("Rejected"),
    ),
    (Status.COLLECTING, Status.THRESHOLD_REACHED): Step(
        "reach_threshold",
        gettext_lazy("Enough signatures"),
        EPETITION,
        frozenset({SYSTEM}),
        (guards.threshold_met,),
        gettext_lazy("Reached enough signatures"),
    ),
    (Status.COLLECTING, Status.CLOSED_BELOW_THRESHOLD): Step(
        "close_below_threshold",
        gettext_lazy("Close: too few signatures"),
        EPETITION,
        frozenset({SYSTEM}),
        (guards.signing_period_over, guards.threshold_not_met),
        gettext_lazy("Closed with too few signatures"),
    ),
    (Status.COLLECTING, Status.IN_PREPARATION): Step(
        "hand_to_officer",
        gettext_lazy("An officer answers"),
        EPETITION,
        frozenset({SYSTEM}),
        (guards.signing_period_over, guards.threshold_not_met),
        gettext_lazy("An officer prepares an answer"),
    ),
    (Status.THRESHOLD_REACHED, Status.RECEIVED): Step(
        "receive",
        gettext_lazy("Received by the body"),
        EPETITION,
        HANDLERS,
        (),
        gettext_lazy("Received by the body"),
    ),
    (Status.RECEIVED, Status.IN_PREPARATION): Step(
        "prepare",
        gettext_lazy("Start preparing"),
        BOTH,
        HANDLERS,
        (),
        gettext_lazy("In preparation"),
    ),
    (Status.IN_PREPARATION, Status.DECIDED): Step(
        "decide",
        gettext_lazy("Record the decision"),
        BOTH,
        HANDLERS,
        (guards.decision_recorded,),
        gettext_lazy("Decided"),
    ),
    **{
        (source, Status.WITHDRAWN): Step(
            "withdraw", gettext_lazy("Withdraw"), BOTH, frozenset({PROPOSER}), (), gettext_lazy("Withdrawn")
        )
        for source in sorted(OPEN_FOR_WITHDRAWAL)  # sorted: the table reads the same in every process
    },
}


class StepRefused(Exception):
    def __init__(self, reasons):
        self.reasons = list(reasons)
        super().__init__("; ".join(str(r) for r in self.reasons))


def find(proposal, name):
    for (source, target), step in TRANSITIONS.items():
        if source == proposal.status and step.name == name and proposal.route in step.routes:
            return target, step
    return None


def next_steps(proposal):
    return [
        (target, step)
        for (source, target), step in TRANSITIONS.items()
        if source == proposal.status and proposal.route in step.routes
    ]


def may_take(actor, proposal, step):
    if SYSTEM in step.actors:
        return actor == SYSTEM
    if PROPOSER in step.actors:
        return getattr(actor, "is_authenticated", False) and proposal.proposer_id == actor.pk
    return getattr(actor, "is_authenticated", False) and actor.has_role(proposal.municipality, *step.actors)


def refusals(actor, proposal, name):
    found = find(proposal, name)
    if found is None:
        return [
            _("This is not possible when the proposal is “%(status)s”.") % {"status": proposal.get_status_display()}
        ]
    _target, step = found
    if not may_take(actor, proposal, step):
        return [_("You may not do this.")]
    return [reason for guard in step.guards for reason in guard(proposal)]


@transaction.atomic
def transition(proposal, name, *, actor, data=None):
    """Take step `name`; raise StepRefused with the reasons if it is not allowed."""
    reasons = refusals(actor, proposal, name)
    if reasons:
        raise StepRefused(reasons)
    target, step = find(proposal, name)
    source = proposal.status
    proposal.status = target
    proposal.status_changed_at = timezone.now()
    proposal.save()
    audit_record(
        municipality=proposal.municipality,
        actor=None if actor == SYSTEM else actor,
        action=f"proposal.{step.name}",
        target=proposal,
        data={"from": source, "to": target, "label": str(step.public_label or step.label), **(data or {})},
        public=bool(step.public_label),
    )
    return proposal
