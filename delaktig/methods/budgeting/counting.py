"""Counting a budget: which projects win, by the rule the municipality chose. Pure functions on plain values, with
exact arithmetic (fractions), so the result never depends on rounding and the tests compare it with pabutools.

The input is the budget, each project's cost and each ballot's set of chosen projects. Both rules break ties the
same way (`tie_key`): more votes first, then the cheaper project, then the project proposed first (lower id).

Greedy by votes (`greedy`): projects in order of votes; each is chosen if it fits in the money left, else skipped
(a cheaper project further down may still fit).

Method of Equal Shares with cost utilities (`equal_shares`, https://equalshares.net): the budget is split equally
among the voters. In each round, for each project whose supporters together still have enough money, find the
smallest ρ such that the supporters, each paying min(what they have left, ρ · the project's cost), pay its cost
exactly; choose the project with the smallest ρ (ties as above) and take the payments. Stop when no project is
affordable. A voter's utility from a project is its cost ("cost utilities", pabutools' Cost_Sat), so each voter
pays for what they chose in proportion to the money it puts to use.

The completion (`equal_shares_completed`), the usual one (equalshares.net, "completion"): Equal Shares alone
often leaves money unused, so each voter's share is raised in steps of one per cent of the budget divided among the
voters, the method run again, for as long as the outcome stays within the real budget; the last outcome within it
is kept (pabutools' `voter_budget_increment`). Whatever money is then left goes to the remaining projects greedily
by votes (pabutools' `completion_by_rule_combination` with greedy utilitarian welfare and cost utilities, which
orders by votes per krona times cost, that is by votes).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

COMPLETION_STEPS = 100  # each voter's share rises by budget / (voters · 100): one per cent of the budget in all


@dataclass(frozen=True)
class Count:
    """What counting gives: the winning projects in the order they were chosen, the votes of each project and the
    money the winners cost."""

    selected: tuple[int, ...]
    votes: Mapping[int, int]
    spent: int


def votes_of(costs: Mapping[int, int], ballots: Iterable[Iterable[int]]) -> dict[int, int]:
    votes = dict.fromkeys(costs, 0)
    for ballot in ballots:
        for project in set(ballot):
            if project in votes:
                votes[project] += 1
    return votes


def tie_key(project: int, votes: Mapping[int, int], costs: Mapping[int, int]) -> tuple[int, int, int]:
    """Sort key: more votes first, then cheaper, then the lower id (proposed first)."""
    return (-votes[project], costs[project], project)


def greedy(budget: int, costs: Mapping[int, int], ballots: Sequence[Iterable[int]]) -> Count:
    votes = votes_of(costs, ballots)
    chosen = _greedy_fill(budget, costs, votes, chosen=())
    return Count(selected=chosen, votes=votes, spent=sum(costs[p] for p in chosen))


def _greedy_fill(budget: int, costs: Mapping[int, int], votes: Mapping[int, int], *, chosen: Sequence[int]):
    """`chosen` plus, in order of votes, every project with at least one vote that fits in the money left."""
    left = budget - sum(costs[p] for p in chosen)
    result = list(chosen)
    for project in sorted(costs, key=lambda p: tie_key(p, votes, costs)):
        if project in result or votes[project] == 0:
            continue
        if costs[project] <= left:
            result.append(project)
            left -= costs[project]
    return tuple(result)


def equal_shares(budget: int, costs: Mapping[int, int], ballots: Sequence[Iterable[int]]) -> Count:
    """Equal Shares without completion (as pabutools' method_of_equal_shares with Cost_Sat and its defaults)."""
    votes = votes_of(costs, ballots)
    approvals = [set(ballot) & set(costs) for ballot in ballots]
    if not approvals:
        return Count(selected=(), votes=votes, spent=0)
    chosen = _equal_shares_run(Fraction(budget, len(approvals)), costs, approvals, votes)
    return Count(selected=chosen, votes=votes, spent=sum(costs[p] for p in chosen))


def equal_shares_completed(budget: int, costs: Mapping[int, int], ballots: Sequence[Iterable[int]]) -> Count:
    """Equal Shares with the usual completion (see the module's docstring)."""
    votes = votes_of(costs, ballots)
    approvals = [set(ballot) & set(costs) for ballot in ballots]
    if not approvals:
        return Count(selected=(), votes=votes, spent=0)
    chosen = _equal_shares_raised(budget, costs, approvals, votes)
    chosen = _greedy_fill(budget, costs, votes, chosen=chosen)
    return Count(selected=chosen, votes=votes, spent=sum(costs[p] for p in chosen))


def _equal_shares_raised(budget, costs, approvals, votes):
    """Raise each voter's share step by step while the outcome stays within the budget; the last one within it."""
    share = Fraction(budget, len(approvals))
    step = Fraction(budget, len(approvals) * COMPLETION_STEPS)
    supported = {p for p in costs if votes[p] > 0}
    previous: tuple[int, ...] = ()
    while True:
        chosen = _equal_shares_run(share, costs, approvals, votes)
        spent = sum(costs[p] for p in chosen)
        if spent > budget:
            return previous
        if all(costs[p] > budget - spent for p in supported - set(chosen)):  # nothing more would fit: exhaustive
            return chosen
        previous, share = chosen, share + step


def _equal_shares_run(share: Fraction, costs, approvals, votes) -> tuple[int, ...]:
    money = [share] * len(approvals)
    supporters = {p: [i for i, ballot in enumerate(approvals) if p in ballot] for p in costs}
    candidates = {p for p in costs if supporters[p] and costs[p] > 0}
    chosen: list[int] = []
    while candidates:
        best = None
        for project in sorted(candidates, key=lambda p: tie_key(p, votes, costs)):
            rho = _price(costs[project], [money[i] for i in supporters[project]])
            if rho is None:
                candidates.discard(project)
            elif best is None or rho < best[0]:
                best = (rho, project)
        if best is None:
            break
        rho, project = best
        for i in supporters[project]:
            money[i] -= min(money[i], rho * costs[project])
        chosen.append(project)
        candidates.discard(project)
    return tuple(chosen)


def _price(cost: int, money: list[Fraction]) -> Fraction | None:
    """The smallest ρ with Σ min(m, ρ · cost) = cost over the supporters' money `money` (each supporter's utility is
    the cost); None when they cannot afford it together."""
    if sum(money) < cost:
        return None
    paid, payers = Fraction(0), len(money)
    for m in sorted(money):
        rho = (cost - paid) / (payers * cost)
        if m >= rho * cost:
            return rho
        paid += m
        payers -= 1
    return None  # not reached: the supporters had enough money


RULES = {"greedy": greedy, "equal_shares": equal_shares_completed}


def count(rule: str, budget: int, costs: Mapping[int, int], ballots: Sequence[Iterable[int]]) -> Count:
    """Count with the rule of that name (models.Rule)."""
    return RULES[rule](budget, costs, ballots)
