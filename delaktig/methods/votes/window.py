"""What the cast of a ballot needs to know about its vote, kept by each process for a few seconds.

A rush of voters all ask the same questions (is the vote open, which alternatives, who may vote), so the cast
reads them from this copy instead of the database: the module, its dialogue's kind and state, its phases, the
ballot's rules and who may vote. The clock is compared at every request, so the closing time is exact; a change
staff make reaches this process at once (services call `window_forget`) and others within WINDOW_SECONDS.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS

from delaktig.core.memo import LocalMemo
from delaktig.dialogues.models import Dialogue, State
from delaktig.organisations.models import Area
from delaktig.participation.models import Module, Phase

from .ballots import BallotRules
from .models import Vote

WINDOW_SECONDS = 5
_windows = LocalMemo(seconds=WINDOW_SECONDS)  # module id -> VoteWindow
OPEN_STATES = frozenset({State.PLANNED, State.OPEN})


@dataclass(frozen=True)
class VoteWindow:
    module_id: int
    dialogue_id: int
    municipality_id: int
    module_name: str
    dialogue_kind: str
    dialogue_state: str
    phases: tuple[tuple[int, str, str, datetime.datetime, datetime.datetime], ...]  # id, type, name, start, end
    vote_id: int
    rules: BallotRules
    identity_level: int
    voting_by: str
    residents_only: bool
    area_id: int | None
    age_min: int | None
    age_max: int | None
    area_ids: frozenset[int]  # the municipality's areas, which a voter may say they live in

    def module(self, municipality) -> Module:
        """A Module (with its dialogue and phases, no query) for participation.rules.allowed()."""
        dialogue = Dialogue.from_db(
            DEFAULT_DB_ALIAS,
            ["id", "municipality_id", "kind", "state"],
            [self.dialogue_id, self.municipality_id, self.dialogue_kind, self.dialogue_state],
        )
        dialogue.municipality = municipality
        module = Module.from_db(
            DEFAULT_DB_ALIAS, ["id", "dialogue_id", "method", "name"], [self.module_id, self.dialogue_id, "votes", ""]
        )
        module.dialogue = dialogue
        module.name = self.module_name
        phases = Phase.objects.none()
        phases._result_cache = [
            Phase(pk=pk, module_id=self.module_id, phase_type=kind, name=name, starts_at=start, ends_at=end)
            for pk, kind, name, start, end in self.phases
        ]
        phases._prefetch_done = True
        module._prefetched_objects_cache = {"phases": phases}
        return module

    @property
    def closes_at(self) -> datetime.datetime | None:
        return closes_at_of([(kind, end) for _pk, kind, _name, _start, end in self.phases])

    def closed(self, now: datetime.datetime) -> bool:
        return vote_closed(self.dialogue_state, self.closes_at, now)


def closes_at_of(phases) -> datetime.datetime | None:
    """The end of the last voting phase: [(phase type, ends at)]."""
    ends = [end for kind, end in phases if kind == "voting"]
    return max(ends) if ends else None


def vote_closed(dialogue_state: str, closes_at: datetime.datetime | None, now: datetime.datetime) -> bool:
    """Closed once its last voting phase has ended, or once the dialogue itself has closed."""
    if dialogue_state not in OPEN_STATES:
        return True
    return closes_at is not None and now >= closes_at


def vote_window(*, municipality, dialogue_id: int, module_id: int) -> VoteWindow | None:
    """The window of this municipality's vote module, or None (no such module, or no vote set up yet)."""
    key = module_id
    found = _windows.get(key)
    if found is None:
        found = _read(module_id)
        if found is None:
            return None
        _windows.set(key, found, float(getattr(settings, "VOTES_WINDOW_SECONDS", WINDOW_SECONDS)))
    if found.municipality_id != municipality.pk or found.dialogue_id != dialogue_id:
        return None
    return found


def _read(module_id: int) -> VoteWindow | None:
    vote = (
        Vote.objects.filter(module_id=module_id, module__method="votes")
        .select_related("module__dialogue")
        .prefetch_related("alternatives")
        .first()
    )
    if vote is None:
        return None
    module, dialogue = vote.module, vote.module.dialogue
    phases = tuple(
        module.phases.order_by("starts_at", "id").values_list("id", "phase_type", "name", "starts_at", "ends_at")
    )
    rules = BallotRules(
        ballot_type=vote.ballot_type,
        alternatives=tuple(alternative.pk for alternative in vote.alternatives.all()),
        max_choices=vote.max_choices,
        points_total=vote.points_total,
    )
    return VoteWindow(
        module_id=module.pk,
        dialogue_id=dialogue.pk,
        municipality_id=dialogue.municipality_id,
        module_name=module.name,
        dialogue_kind=dialogue.kind,
        dialogue_state=dialogue.state,
        phases=phases,
        vote_id=vote.pk,
        rules=rules,
        identity_level=vote.identity_level,
        voting_by=vote.voting_by,
        residents_only=vote.residents_only or vote.area_id is not None,
        area_id=vote.area_id,
        age_min=vote.age_min,
        age_max=vote.age_max,
        area_ids=frozenset(Area.objects.filter(municipality_id=vote.municipality_id).values_list("pk", flat=True)),
    )


def window_forget(module_id: int) -> None:
    _windows.forget(module_id)
