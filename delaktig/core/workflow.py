"""The one engine behind every lifecycle: a table of steps you can read, and one way to take a step.

A lifecycle (dialogues, proposals, measures, …) declares its table `{(from_state, to_state): Step(...)}` and a
`Lifecycle` that says how its model is read: which field holds the state, which field a step's `applies_to`
reads, who the actors are, how the audit event looks. The engine finds a step, lists the next steps with the
reasons each is refused now, refuses with reasons, and takes a step atomically with its audit event.

Guards take `(obj, note)` and return what is missing, in words (empty: nothing is missing). Effects and
`after_save` hooks take `(obj, move)`, where `move` says which step is taken, by whom, with which note.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, NamedTuple

from django.db import transaction
from django.utils import timezone

from .audit import audit_record

SYSTEM = "system"  # the actor of a step that happens by itself (a periodic job); its audit event names nobody


@dataclass(frozen=True, kw_only=True)
class Step:
    """One row of a lifecycle table."""

    name: str
    label: str  # what staff see on the button
    actors: frozenset  # staff roles, SYSTEM, or pseudo-actors the lifecycle resolves
    applies_to: frozenset | None = None  # the kinds (routes, …) the step applies to; None: all
    guards: tuple = ()  # guard(obj, note) -> [what is missing, in words]
    effects: tuple = ()  # effect(obj, move): changes to the object before it is saved
    timeline: str = ""  # what the public timeline says; empty: the audit event is not public


class Found(NamedTuple):
    target: str
    step: Step


class Move(NamedTuple):
    """A step being taken: what effects and after_save hooks are told."""

    step: Step
    source: str
    target: str
    actor: Any
    note: str
    data: dict


@dataclass(frozen=True)
class Option:
    """A step out of the current state, with what refuses it now (empty: the actor may take it)."""

    target: str
    step: Step
    reasons: list

    @property
    def allowed(self):
        return not self.reasons


class TransitionRefused(Exception):
    def __init__(self, reasons):
        self.reasons = [str(reason) for reason in reasons]
        super().__init__("; ".join(self.reasons))


def _no_audit_data(obj, move):
    return {}


def _public_when_on_the_timeline(obj, move):
    return bool(move.step.timeline)


@dataclass(frozen=True, kw_only=True, eq=False)
class Lifecycle:
    """How one model moves through its table. See docs/architecture.md, "The lifecycle"."""

    table: dict  # {(from_state, to_state): Step}
    action_prefix: str  # audit action "<prefix>.<step name>"
    not_possible: str  # refusal in the wrong state; may use %(<state_field>)s, the state in words
    role_refused: str  # refusal when the actor may not take the step
    state_field: str = "state"
    variant_field: str | None = None  # the field Step.applies_to is matched against ("kind", "route")
    stamp_field: str | None = None  # set to now on every step ("status_changed_at")
    municipality: Callable = attrgetter("municipality")
    pseudo_actors: dict = field(default_factory=dict)  # name -> check(actor, obj) -> bool
    audit_data: Callable = _no_audit_data  # (obj, move) -> more data for the audit event
    public: Callable = _public_when_on_the_timeline  # (obj, move) -> whether the audit event is public
    after_save: tuple = ()  # hook(obj, move) after the object is saved, in the same transaction

    def applies(self, obj, step):
        if step.applies_to is None or self.variant_field is None:
            return True
        return getattr(obj, self.variant_field) in step.applies_to

    def next_steps(self, obj):
        """The steps out of the object's current state that apply to it: [Found(target, step)]."""
        state = getattr(obj, self.state_field)
        return [
            Found(target, step)
            for (source, target), step in self.table.items()
            if source == state and self.applies(obj, step)
        ]

    def find(self, obj, name):
        """The step called `name` out of the current state as Found(target, step), or None."""
        return next((found for found in self.next_steps(obj) if found.step.name == name), None)

    def may_take(self, actor, obj, step):
        """Whether `actor` is one who takes `step`: SYSTEM, a pseudo-actor the lifecycle resolves, or a role."""
        checks = {SYSTEM: lambda who, _obj: who == SYSTEM, **self.pseudo_actors}
        if any(checks[name](actor, obj) for name in step.actors if name in checks):
            return True
        roles = [name for name in step.actors if name not in checks]
        signed_in = getattr(actor, "is_authenticated", False)
        return bool(roles) and signed_in and actor.has_role(self.municipality(obj), *roles)

    def missing(self, obj, step, note=""):
        """What the step's guards miss, in words."""
        return [reason for guard in step.guards for reason in guard(obj, note)]

    def refusals(self, actor, obj, name, note=""):
        """Everything that stops `actor` from taking step `name` now, in words; empty if allowed."""
        found = self.find(obj, name)
        if found is None:
            shown = getattr(obj, f"get_{self.state_field}_display")()
            return [str(self.not_possible) % {self.state_field: shown}]
        if not self.may_take(actor, obj, found.step):
            return [str(self.role_refused)]
        return self.missing(obj, found.step, note)

    def next_steps_for(self, actor, obj, note=""):
        """Every step out of the current state, each with the reasons it is refused to `actor` now."""
        return [
            Option(target, step, self.refusals(actor, obj, step.name, note)) for target, step in self.next_steps(obj)
        ]

    @transaction.atomic
    def transition(self, obj, name, *, actor, note="", data=None):
        """Take step `name`; raise TransitionRefused with the reasons if it is not allowed. The change, its
        effects, the after_save hooks and the audit event are one database transaction."""
        reasons = self.refusals(actor, obj, name, note)
        if reasons:
            raise TransitionRefused(reasons)
        target, step = self.find(obj, name)
        move = Move(step, getattr(obj, self.state_field), target, actor, note, data or {})
        setattr(obj, self.state_field, target)
        if self.stamp_field:
            setattr(obj, self.stamp_field, timezone.now())
        for effect in step.effects:
            effect(obj, move)
        obj.save()
        for hook in self.after_save:
            hook(obj, move)
        self._audit(obj, move)
        return obj

    def _audit(self, obj, move):
        label = str(move.step.timeline or move.step.label)
        data = {"from": move.source, "to": move.target, "label": label, **self.audit_data(obj, move), **move.data}
        audit_record(
            municipality=self.municipality(obj),
            actor=None if move.actor == SYSTEM else move.actor,
            action=f"{self.action_prefix}.{move.step.name}",
            target=obj,
            data=data,
            public=self.public(obj, move),
        )
