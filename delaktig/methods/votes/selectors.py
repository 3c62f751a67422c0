"""Reads of a vote: whether it is closed, the results once it is (counted by counting.py), turnout with small cells
suppressed, the anonymous ballot file, and the manifest's stats, exports and personal data."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from delaktig.participation.demographics import AgeBand, suppress_counts
from delaktig.participation.models import Channel
from delaktig.participation.rules import allowed

from . import counting
from .ballots import choice_ids
from .by_email import email_ballots, email_ballots_erase
from .models import Alternative, Ballot, BallotType, Vote
from .services import ballots_erase
from .window import closes_at_of, vote_closed


def vote_of(module) -> Vote | None:
    return Vote.objects.filter(module=module).select_related("area").first()


def closes_at(module) -> datetime.datetime | None:
    return closes_at_of([(phase.phase_type, phase.ends_at) for phase in module.phases.all()])


def is_closed(module, now: datetime.datetime | None = None) -> bool:
    return vote_closed(module.dialogue.state, closes_at(module), now or timezone.now())


def results_visible(module, vote: Vote | None, user, *, staff: bool = False) -> bool:
    """Never before the vote closes; staff who may see results see them earlier only when the vote allows it."""
    if vote is None:
        return False
    if is_closed(module):
        return True
    return staff and vote.staff_see_early and bool(allowed(user, "results", module))


def my_ballot(vote: Vote | None, user) -> Ballot | None:
    if vote is None or not user.is_authenticated:
        return None
    return Ballot.objects.filter(vote=vote, voter=user).first()


# The results


@dataclass(frozen=True)
class Line:
    alternative: Alternative
    total: int
    share: float | None  # per cent of the ballots (points: of the points given)
    winner: bool


@dataclass(frozen=True)
class RoundShown:
    number: int
    counts: list[tuple[str, int]]
    exhausted: int
    eliminated: list[str]


@dataclass(frozen=True)
class Results:
    vote: Vote
    lines: list[Line]
    ballots: int
    online: int
    paper: int
    winners: list[Alternative]
    tie: bool
    rounds: list[RoundShown]
    turnout_age: list[tuple[str, Any]]
    turnout_area: list[tuple[str, Any]]


def results_of(vote: Vote) -> Results:
    alternatives = list(vote.alternatives.all())
    by_id = {alternative.pk: alternative for alternative in alternatives}
    rows = list(Ballot.objects.filter(vote=vote).values_list("choices", "channel", "age_band", "area_id"))
    outcome = counting.count(vote.ballot_type, list(by_id), [choices for choices, *_rest in rows])
    given = sum(outcome.totals.values()) if vote.ballot_type == BallotType.POINTS else len(rows)
    lines = [
        Line(
            alternative=by_id[pk],
            total=total,
            share=round(100 * total / given, 1) if given else None,
            winner=pk in outcome.winners,
        )
        for pk, total in outcome.totals.items()
    ]
    lines.sort(key=lambda line: (-line.total, line.alternative.order, line.alternative.pk))
    online = sum(1 for _c, channel, *_rest in rows if channel == Channel.ONLINE)
    return Results(
        vote=vote,
        lines=lines,
        ballots=len(rows),
        online=online,
        paper=len(rows) - online,
        winners=[by_id[pk] for pk in outcome.winners],
        tie=outcome.tie,
        rounds=_rounds(outcome, by_id),
        turnout_age=_turnout_age([band for _c, _ch, band, _a in rows]),
        turnout_area=_turnout_area(vote, [area for *_rest, area in rows]),
    )


def _rounds(outcome, by_id) -> list[RoundShown]:
    return [
        RoundShown(
            number=number,
            counts=[(by_id[pk].title, n) for pk, n in sorted(rnd.counts.items(), key=lambda item: -item[1])],
            exhausted=rnd.exhausted,
            eliminated=[by_id[pk].title for pk in rnd.eliminated],
        )
        for number, rnd in enumerate(outcome.rounds, 1)
    ]


def _suppressed(labels: list[str], counts: list[int]) -> list[tuple[str, Any]]:
    cells = suppress_counts(counts)
    return [(label, cell.shown()) for label, cell in zip(labels, cells, strict=True)]


def _turnout_age(bands: list[str]) -> list[tuple[str, Any]]:
    keys = [*AgeBand.values, ""]
    labels = [str(label) for label in AgeBand.labels] + [_("Not told")]
    return _suppressed(labels, [sum(1 for band in bands if (band or "") == key) for key in keys])


def _turnout_area(vote: Vote, areas: list[int | None]) -> list[tuple[str, Any]]:
    known = list(vote.municipality.areas.values_list("pk", "name"))
    if not known:
        return []
    labels = [name for _pk, name in known] + [_("Not told")]
    ids = {pk for pk, _name in known}
    counts = [sum(1 for area in areas if area == pk) for pk, _name in known]
    counts.append(sum(1 for area in areas if area not in ids))
    return _suppressed(labels, counts)


def ballot_file_rows(vote: Vote) -> list[list[Any]]:
    """The anonymous ballot file: a header, then one row per ballot with a column per alternative (numbered in the
    order shown on the vote's page): 1 when chosen, the place in a ranking, the points given. No voter, time, age
    or area, and the rows sorted by their content, so nothing ties a row to a person or to when it was cast."""
    alternatives = list(vote.alternatives.all())
    number = {alternative.pk: index for index, alternative in enumerate(alternatives, 1)}
    header = ["ballot", "channel", "ballot_type", *(f"{number[a.pk]}. {a.title}" for a in alternatives)]
    body = []
    for choices, channel in Ballot.objects.filter(vote=vote).values_list("choices", "channel"):
        cells: dict[int, int] = {}
        if vote.ballot_type == BallotType.POINTS:
            cells = {int(pk): int(points) for pk, points in choices.items()}
        elif vote.ballot_type == BallotType.RANKING:
            cells = {pk: place for place, pk in enumerate(choices, 1)}
        else:
            cells = dict.fromkeys(choices, 1)
        body.append([channel, vote.ballot_type, *(cells.get(a.pk, "") for a in alternatives)])
    body.sort(key=lambda row: [str(cell) for cell in row])
    return [header, *([index, *row] for index, row in enumerate(body, 1))]


# For the manifest


def stats(module) -> dict[str, int]:
    found = Ballot.objects.filter(vote__module=module).aggregate(
        ballots=Count("id"),
        paper=Count("id", filter=~Q(channel=Channel.ONLINE)),
        changed=Count("id", filter=Q(changes__gt=0)),
    )
    return {"ballots": found["ballots"], "paper_ballots": found["paper"], "changed_ballots": found["changed"]}


def export_rows(module) -> list[dict[str, Any]]:
    """One row per ballot: the channel and the day, never who or how (the choices are in the anonymous ballot
    file once the vote has closed)."""
    rows = Ballot.objects.filter(vote__module=module).order_by("cast_at", "id")
    return [
        {
            "reference": Ballot(pk=pk).reference,
            "channel": Channel(channel).label,
            "cast_on": timezone.localdate(cast_at).isoformat(),
            "received_on": received_on.isoformat() if received_on else "",
        }
        for pk, channel, cast_at, received_on in rows.values_list("pk", "channel", "cast_at", "received_on")
    ]


def _theirs(user):
    """The person's ballots: cast while logged in, and those cast with their account's e-mail address."""
    mine = Ballot.objects.filter(voter=user)
    if user.email:
        mine = mine | email_ballots(user.email)
    return mine


def personal_data(user) -> list[dict[str, Any]]:
    ballots = (
        _theirs(user)
        .select_related("vote__module__dialogue__municipality")
        .prefetch_related("vote__module__phases")
        .order_by("cast_at")
    )
    vote_ids = {ballot.vote_id for ballot in ballots}
    titles = dict(Alternative.objects.filter(vote_id__in=vote_ids).values_list("pk", "title"))
    now = timezone.now()
    return [
        {
            "type": "votes.ballot",
            "dialogue": ballot.vote.module.dialogue.title,
            "vote": ballot.vote.question,
            "title": ballot.vote.question,
            "url": _vote_url(ballot.vote),
            **_ballot_outcome(ballot.vote, now),
            "identity_level": ballot.identity_level,
            "reference": ballot.reference,
            "cast_at": ballot.cast_at.isoformat(),
            "changed_at": ballot.changed_at.isoformat() if ballot.changed_at else "",
            "ballot": ", ".join(titles.get(pk, "") for pk in choice_ids(ballot.vote.ballot_type, ballot.choices)),
            "age_band": ballot.age_band,
        }
        for ballot in ballots
    ]


def _vote_url(vote) -> str:
    module = vote.module
    return reverse("votes:index", args=[module.dialogue.municipality.slug, module.dialogue_id, module.pk])


def _ballot_outcome(vote, now) -> dict[str, str]:
    """What became of a ballot, for My pages: counted, and whether the vote has closed with its result."""
    module = vote.module
    closes_at = closes_at_of([(phase.phase_type, phase.ends_at) for phase in module.phases.all()])
    if vote_closed(module.dialogue.state, closes_at, now):
        return {"status_text": _("Counted"), "status_detail": _("The vote has closed: the result is on its page.")}
    return {"status_text": _("Counted"), "status_detail": _("You can change your ballot until the vote closes.")}


def erase(user) -> int:
    erased = ballots_erase(user=user)
    return erased + (email_ballots_erase(email=user.email) if user.email else 0)


def participant_ids(module) -> set[int]:
    return set(
        Ballot.objects.filter(vote__module=module, voter__isnull=False).values_list("voter_id", flat=True).distinct()
    )
