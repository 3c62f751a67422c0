"""The lifecycle of a dialogue as one readable table.

Each row: which kinds may take it, who may take it, what must be in place (guards return the
missing things in words), and what the public timeline says. transition() is the only way a
dialogue changes state; it writes an audit event in the same database transaction.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from delaktig.core.audit import audit_record
from delaktig.dialogues import hookspecs as dialogue_hooks
from delaktig.organisations.models import Role

from . import guards
from .models import Kind, State

CITIZEN = frozenset({Kind.CITIZEN_DIALOGUE})
USER = frozenset({Kind.USER_DIALOGUE})
INFO = frozenset({Kind.INFORMATION})
DIALOGUES = CITIZEN | USER
ALL_KINDS = CITIZEN | USER | INFO

RUNNERS = frozenset({Role.OFFICER, Role.DEMOCRACY_OFFICER})
RECORDERS = frozenset({Role.REGISTRAR, Role.DEMOCRACY_OFFICER})
RECORDERS_AND_RUNNERS = RUNNERS | RECORDERS


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    kinds: frozenset
    roles: frozenset
    guards: tuple = ()
    timeline: str = ""  # what the public timeline says; empty means not shown publicly
    effects: tuple = field(default_factory=tuple)


TRANSITIONS = {
    # (from, to): Transition
    (State.INITIATIVE, State.ASSESSED): Transition(
        "assess",
        gettext_lazy("Mark the checklist as complete"),
        CITIZEN,
        RUNNERS,
        (guards.checklist_complete, guards.question_influenceable),
    ),
    (State.ASSESSED, State.DECIDED): Transition(
        "decide",
        gettext_lazy("Record the decision to hold the dialogue"),
        CITIZEN,
        RECORDERS,
        (guards.decision_recorded,),
        gettext_lazy("Decided to hold the dialogue"),
        ("attach_principles",),
    ),
    (State.ASSESSED, State.DECLINED): Transition(
        "decline",
        gettext_lazy("Record that the body declined"),
        CITIZEN,
        RECORDERS,
        (guards.decision_recorded,),
    ),
    (State.DECIDED, State.PLANNED): Transition(
        "plan",
        gettext_lazy("Approve the plan"),
        CITIZEN,
        RUNNERS,
        (guards.plan_complete,),
        gettext_lazy("Planned"),
    ),
    (State.INITIATIVE, State.PLANNED): Transition(
        "plan_directly",
        gettext_lazy("Approve the plan"),
        USER | INFO,
        RUNNERS,
        (guards.plan_complete,),
        gettext_lazy("Planned"),
    ),
    (State.PLANNED, State.OPEN): Transition(
        "open",
        gettext_lazy("Open for participation"),
        ALL_KINDS,
        RUNNERS,
        (guards.plan_complete, guards.has_participation_module),
        gettext_lazy("Opened"),
        ("stamp_opened",),
    ),
    (State.OPEN, State.CLOSED): Transition(
        "close",
        gettext_lazy("Close"),
        ALL_KINDS,
        RUNNERS,
        (),
        gettext_lazy("Closed"),
        ("stamp_closed",),
    ),
    (State.CLOSED, State.RESULTS_COMPILED): Transition(
        "compile_results",
        gettext_lazy("Publish the compiled results"),
        DIALOGUES,
        RUNNERS,
        (guards.results_compiled,),
        gettext_lazy("Results compiled"),
        ("notify_followers",),
    ),
    (State.RESULTS_COMPILED, State.MATTER_DECIDED): Transition(
        "record_matter_decision",
        gettext_lazy("Record the decision in the matter"),
        DIALOGUES,
        RECORDERS_AND_RUNNERS,
        (guards.matter_decision_recorded,),
        gettext_lazy("Decision in the matter"),
    ),
    (State.MATTER_DECIDED, State.FEEDBACK_PUBLISHED): Transition(
        "publish_feedback",
        gettext_lazy("Publish feedback"),
        DIALOGUES,
        RUNNERS,
        (guards.feedback_written,),
        gettext_lazy("Feedback published"),
        ("stamp_feedback", "feedback_published"),
    ),
    (State.RESULTS_COMPILED, State.FEEDBACK_PUBLISHED): Transition(
        "publish_feedback_directly",
        gettext_lazy("Publish feedback"),
        USER,
        RUNNERS,
        (guards.feedback_written,),
        gettext_lazy("Feedback published"),
        ("stamp_feedback", "feedback_published"),
    ),
    (State.FEEDBACK_PUBLISHED, State.EVALUATED): Transition(
        "evaluate",
        gettext_lazy("Record the evaluation"),
        DIALOGUES,
        RUNNERS,
        (guards.evaluation_written,),
        gettext_lazy("Evaluated"),
    ),
    **{
        (source, State.CANCELLED): Transition(
            "cancel",
            gettext_lazy("Cancel"),
            ALL_KINDS,
            RUNNERS,
            (guards.cancel_reason_given,),
            gettext_lazy("Cancelled") if source == State.PLANNED else "",
        )
        for source in (State.INITIATIVE, State.ASSESSED, State.DECIDED, State.PLANNED)
    },
}


class TransitionRefused(Exception):
    def __init__(self, reasons):
        self.reasons = list(reasons)
        super().__init__("; ".join(str(r) for r in self.reasons))


def find(dialogue, name):
    """The transition called `name` that leaves the dialogue's current state, or None."""
    for (source, target), spec in TRANSITIONS.items():
        if source == dialogue.state and spec.name == name and dialogue.kind in spec.kinds:
            return target, spec
    return None


def next_steps(dialogue):
    """Transitions out of the current state for this kind of dialogue: [(target, spec)]."""
    return [
        (target, spec)
        for (source, target), spec in TRANSITIONS.items()
        if source == dialogue.state and dialogue.kind in spec.kinds
    ]


def missing_for(dialogue, spec):
    return [reason for guard in spec.guards for reason in guard(dialogue)]


def may_take(user, dialogue, spec):
    return user.is_authenticated and user.has_role(dialogue.municipality, *spec.roles)


def refusals(user, dialogue, name):
    """Everything that stops `user` from taking transition `name` now, in words; empty if allowed."""
    found = find(dialogue, name)
    if found is None:
        return [
            _("This step is not possible when the dialogue is “%(state)s”.") % {"state": dialogue.get_state_display()}
        ]
    _target, spec = found
    if not may_take(user, dialogue, spec):
        return [_("Your role does not allow this step.")]
    return missing_for(dialogue, spec)


@transaction.atomic
def transition(dialogue, name, *, actor, note=""):
    """Take transition `name`; raise TransitionRefused with the reasons if it is not allowed."""
    reasons = refusals(actor, dialogue, name)
    if reasons:
        raise TransitionRefused(reasons)
    target, spec = find(dialogue, name)
    source = dialogue.state
    dialogue.state = target
    for effect in spec.effects:
        EFFECTS[effect](dialogue, actor)
    dialogue.save()
    audit_record(
        municipality=dialogue.municipality,
        actor=actor,
        action=f"dialogue.{spec.name}",
        target=dialogue,
        data=_timeline_data(dialogue, source, target, spec, note),
        public=bool(spec.timeline) and dialogue.kind in ALL_KINDS,
    )
    return dialogue


def _timeline_data(dialogue, source, target, spec, note):
    data = {"from": source, "to": target, "label": str(spec.timeline or spec.label)}
    if target in (State.DECIDED, State.DECLINED) and dialogue.deciding_body:
        data.update(body=dialogue.deciding_body.name, date=dialogue.decision_date.isoformat())
    if target == State.MATTER_DECIDED and dialogue.matter_body:
        data.update(body=dialogue.matter_body.name, date=dialogue.matter_decision_date.isoformat())
    if note:
        data["note"] = note
    return data


def _attach_principles(dialogue, _actor=None):
    current = dialogue.municipality.principles_versions.filter(adopted_on__lte=dialogue.decision_date).first()
    dialogue.principles = current


def _stamp_opened(dialogue, _actor=None):
    dialogue.opened_at = timezone.now()


def _stamp_closed(dialogue, _actor=None):
    dialogue.closed_at = timezone.now()
    dialogue.set_feedback_due(dialogue.closed_at)


def _stamp_feedback(dialogue, _actor=None):
    dialogue.feedback_published_at = timezone.now()


def _notify_followers(dialogue, _actor=None):
    from .services import followers_notify_later

    transaction.on_commit(lambda: followers_notify_later(dialogue_id=dialogue.pk, event=dialogue.state))


def _feedback_published(dialogue, actor):
    """Outer apps mail the feedback to followers and participants (hook "feedback_published"), so followers
    are mailed once; without such an app, followers get the usual notification."""
    registered = dialogue_hooks.feedback_published.implementations()
    if not registered:
        return _notify_followers(dialogue)
    dialogue.save()  # the hooks see the published feedback in the database
    for hook in registered:
        hook(dialogue, actor)


EFFECTS = {
    "attach_principles": _attach_principles,
    "stamp_opened": _stamp_opened,
    "stamp_closed": _stamp_closed,
    "stamp_feedback": _stamp_feedback,
    "notify_followers": _notify_followers,
    "feedback_published": _feedback_published,
}
