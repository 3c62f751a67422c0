"""How a vote is counted: plain Python with no Django, so anyone can recount from the anonymous ballot file.

    python delaktig/methods/votes/counting.py omrostning-12-rostsedlar.csv

Each ballot is what `Ballot.choices` holds, with alternatives as numbers:

- one choice ("single") and approval ("approval"): the alternatives chosen; each counts one vote for each;
- points ("points"): {alternative: points}; each alternative gets the sum of its points;
- ranking ("ranking"): the alternatives in order of preference, counted by instant-runoff (`instant_runoff`).

Ties are never broken by chance. With one choice, approval and points every alternative with the highest count
wins, and more than one is a tie, reported as such; whoever decides on the vote settles it (docs/votes.md).
Instant-runoff: in each round every ballot counts for its highest-ranked alternative still in the count; an
alternative with more than half of the ballots still counting wins, or the last one left. Otherwise the alternative
with the fewest votes is taken out. When several share the fewest, the one with fewer votes in the latest earlier
round where they differed goes; when they are equal in every round, all of them go together, unless they are all
that is left: then they are tied winners.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

SINGLE, APPROVAL, RANKING, POINTS = "single", "approval", "ranking", "points"


@dataclass(frozen=True)
class Round:
    counts: dict[int, int]  # alternative -> votes, for those still in the count
    exhausted: int  # ballots with no alternative left in the count
    eliminated: tuple[int, ...]  # taken out after this round


@dataclass(frozen=True)
class Outcome:
    totals: dict[int, int]  # alternative -> votes (points for points; first preferences for a ranking)
    winners: tuple[int, ...]  # more than one: a tie
    ballots: int
    rounds: tuple[Round, ...] = field(default=())  # instant-runoff only

    @property
    def tie(self) -> bool:
        return len(self.winners) > 1


def count(ballot_type: str, alternatives: Sequence[int], ballots: Iterable[object]) -> Outcome:
    """Count `ballots` (each as Ballot.choices holds it) among `alternatives`."""
    ballots = list(ballots)
    if ballot_type == RANKING:
        return instant_runoff(alternatives, [list(map(int, b)) for b in ballots])  # type: ignore[call-overload]
    totals = dict.fromkeys(alternatives, 0)
    for ballot in ballots:
        if ballot_type == POINTS:
            for alternative, points in dict(ballot).items():  # type: ignore[call-overload]
                totals[int(alternative)] += int(points)
        else:
            for alternative in ballot:  # type: ignore[attr-defined]
                totals[int(alternative)] += 1
    return Outcome(totals=totals, winners=_highest(totals), ballots=len(ballots))


def _highest(totals: Mapping[int, int]) -> tuple[int, ...]:
    best = max(totals.values(), default=0)
    return tuple(alternative for alternative, n in totals.items() if n == best) if best > 0 else ()


def instant_runoff(alternatives: Sequence[int], ballots: Sequence[Sequence[int]]) -> Outcome:
    """Instant-runoff with the tie rule of the module's docstring."""
    remaining = list(alternatives)
    rounds: list[Round] = []
    first = dict.fromkeys(alternatives, 0)
    for ballot in ballots:
        if ballot:
            first[ballot[0]] += 1
    while remaining:
        counts = dict.fromkeys(remaining, 0)
        exhausted = 0
        for ballot in ballots:
            top = next((a for a in ballot if a in counts), None)
            if top is None:
                exhausted += 1
            else:
                counts[top] += 1
        counting = sum(counts.values())
        leader = max(counts, key=lambda a: counts[a])
        if counting == 0:
            rounds.append(Round(counts, exhausted, ()))
            return Outcome(first, (), len(ballots), tuple(rounds))
        if counts[leader] * 2 > counting or len(remaining) == 1:
            rounds.append(Round(counts, exhausted, ()))
            return Outcome(first, (leader,), len(ballots), tuple(rounds))
        out = _to_eliminate(counts, rounds)
        if len(out) == len(remaining):  # all equal in every round: a tie between them
            rounds.append(Round(counts, exhausted, ()))
            return Outcome(first, tuple(remaining), len(ballots), tuple(rounds))
        rounds.append(Round(counts, exhausted, out))
        remaining = [a for a in remaining if a not in out]
    return Outcome(first, (), len(ballots), tuple(rounds))


def _to_eliminate(counts: Mapping[int, int], earlier: Sequence[Round]) -> tuple[int, ...]:
    """The alternatives with the fewest votes; among several, the fewest in the latest earlier round where they
    differ (backwards tie-breaking); all of them when they never differed."""
    fewest = min(counts.values())
    tied = [a for a, n in counts.items() if n == fewest]
    for past in reversed(earlier):
        if len(tied) == 1:
            break
        least = min(past.counts.get(a, 0) for a in tied)
        tied = [a for a in tied if past.counts.get(a, 0) == least]
    return tuple(tied)


# Recounting from the anonymous ballot file (views_results.ballots_csv writes it)


def ballots_from_csv(lines: Iterable[str]) -> tuple[str, list[int], list[object]]:
    """(ballot type, alternatives, ballots) of the ballot file: one row per ballot, a column per alternative headed
    "<number>. <title>"; the cell is 1 (chosen), the place in the ranking, or the points, and empty otherwise."""
    rows = list(csv.reader(lines, delimiter=";"))
    header, body = rows[0], rows[1:]
    type_column = header.index("ballot_type")
    columns = [(i, int(name.split(".", 1)[0])) for i, name in enumerate(header) if name.split(".", 1)[0].isdigit()]
    alternatives = [number for _i, number in columns]
    ballot_type = body[0][type_column] if body else SINGLE
    ballots: list[object] = []
    for row in body:
        filled = [(number, int(row[i])) for i, number in columns if row[i].strip()]
        if ballot_type == POINTS:
            ballots.append(dict(filled))
        elif ballot_type == RANKING:
            ballots.append([number for number, _place in sorted(filled, key=lambda item: item[1])])
        else:
            ballots.append([number for number, value in filled if value])
    return ballot_type, alternatives, ballots


def main(argv: Sequence[str]) -> int:
    if len(argv) != 2:
        print("usage: counting.py BALLOTS.csv", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8-sig", newline="") as file:
        ballot_type, alternatives, ballots = ballots_from_csv(file)
    outcome = count(ballot_type, alternatives, ballots)
    print(f"{ballot_type}: {outcome.ballots} ballots")
    for number, rnd in enumerate(outcome.rounds, 1):
        shown = ", ".join(f"{a}: {n}" for a, n in rnd.counts.items())
        print(f"round {number}: {shown}; exhausted {rnd.exhausted}; out {list(rnd.eliminated)}")
    for alternative, total in outcome.totals.items():
        print(f"alternative {alternative}: {total}")
    print(("tie: " if outcome.tie else "winner: ") + ", ".join(map(str, outcome.winners)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
