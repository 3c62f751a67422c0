"""The counting rules (counting.py): hand-checked cases, ties, and agreement with pabutools, the reference
implementation of participatory budgeting rules."""

import random

import pytest
from pabutools.election import ApprovalBallot, ApprovalProfile, Cost_Sat, Instance
from pabutools.election import Project as PabuProject
from pabutools.fractions import frac
from pabutools.rules import completion_by_rule_combination, greedy_utilitarian_welfare, method_of_equal_shares
from pabutools.tiebreaking import TieBreakingRule

from ..counting import (
    COMPLETION_STEPS,
    count,
    equal_shares,
    equal_shares_completed,
    greedy,
    tie_key,
    votes_of,
)

# Greedy by votes


def test_greedy_takes_the_most_voted_and_skips_what_does_not_fit():
    # 1 (60 kr, 3 votes) first; 2 and 3 have 2 votes each: 3 is cheaper, so it comes first and fits; 2 no longer fits
    costs = {1: 60, 2: 50, 3: 40}
    ballots = [[1, 2], [1, 3], [1, 2, 3]]
    result = greedy(100, costs, ballots)
    assert result.selected == (1, 3)
    assert result.votes == {1: 3, 2: 2, 3: 2}
    assert result.spent == 100


def test_greedy_goes_on_down_the_list_when_a_project_does_not_fit():
    costs = {1: 80, 2: 50, 3: 20}
    ballots = [[1, 2, 3], [1, 2], [2]]  # 2 has 3 votes, 1 has 2, 3 has 1
    assert greedy(100, costs, ballots).selected == (2, 3)


def test_greedy_ties_go_to_the_cheaper_project_then_the_one_proposed_first():
    assert greedy(50, {7: 50, 5: 50}, [[5, 7], [5, 7]]).selected == (5,)  # same votes, same cost: lower id
    assert greedy(50, {5: 50, 7: 40}, [[5, 7]]).selected == (7,)  # same votes: cheaper


def test_a_project_nobody_voted_for_is_never_chosen():
    assert greedy(100, {1: 10, 2: 10}, [[1]]).selected == (1,)
    assert equal_shares_completed(100, {1: 10, 2: 10}, [[1]]).selected == (1,)


def test_no_ballots_choose_nothing():
    assert greedy(100, {1: 10}, []).selected == ()
    assert equal_shares(100, {1: 10}, []).selected == ()
    assert equal_shares_completed(100, {1: 10}, []).selected == ()


def test_ids_not_in_the_budget_are_not_counted():
    assert votes_of({1: 10}, [[1, 99], [1, 1]]) == {1: 2}


# Method of Equal Shares


def test_equal_shares_gives_the_minority_its_share():
    """10 voters with 10 kr each. Six want A1, A2, A3 (30 kr each), four want B (30 kr). Greedy gives the majority
    everything it can (90 kr); Equal Shares: A1 costs each of the six 5 kr (ρ = 1/6), B each of the four 7,50 kr
    (ρ = 1/4): A1, then A2 (tied with A3 on ρ, votes and cost: the lower id) empties the six; A3 is unaffordable;
    B is paid by the four."""
    costs = {1: 30, 2: 30, 3: 30, 4: 30}
    ballots = [[1, 2, 3]] * 6 + [[4]] * 4
    assert greedy(100, costs, ballots).selected == (1, 2, 3)
    assert equal_shares(100, costs, ballots).selected == (1, 2, 4)
    assert equal_shares_completed(100, costs, ballots).selected == (1, 2, 4)  # 10 kr left: nothing more fits


def test_equal_shares_pays_with_what_the_supporters_have_left():
    """4 voters with 25 kr. X (60 kr) by 0, 1, 2: 20 kr each, ρ = 1/3; Z (30 kr) by 2, 3: 15 kr each, ρ = 1/2;
    Y (40 kr) by 3 alone: unaffordable. X first; then Z: voter 2 has 5 kr left and pays it, voter 3 pays 25 kr."""
    costs = {1: 60, 2: 40, 3: 30}
    ballots = [[1], [1], [1, 3], [2, 3]]
    assert equal_shares(100, costs, ballots).selected == (1, 3)


def test_the_completion_raises_the_shares_until_the_budget_is_used():
    """2 voters with 50 kr. P (60 kr) by both: 30 kr each. Q (40 kr) by voter 0, who has 20 kr left: Equal Shares
    alone leaves 40 kr unused. Raised to 70 kr each, voter 0 has the 40 kr for Q after P, and the budget is used."""
    costs = {1: 60, 2: 40}
    ballots = [[1, 2], [1]]
    assert equal_shares(100, costs, ballots).selected == (1,)
    assert equal_shares_completed(100, costs, ballots).selected == (1, 2)


def test_the_completion_keeps_the_last_outcome_within_the_budget_and_fills_the_rest_by_votes():
    """2 voters with 50 kr. R (40 kr) by both: 20 kr each. P (60 kr) by voter 0 and Q (60 kr) by voter 1 are
    unaffordable. Raising the shares makes P and Q affordable at the same step (80 kr each), which would spend 160
    kr: the last outcome within the budget, {R}, is kept. The 60 kr left go by votes: P and Q tie on votes and cost,
    and P was proposed first."""
    costs = {1: 40, 2: 60, 3: 60}
    ballots = [[1, 2], [1, 3]]
    assert equal_shares(100, costs, ballots).selected == (1,)
    assert equal_shares_completed(100, costs, ballots).selected == (1, 2)


def test_count_uses_the_rule_by_name():
    costs = {1: 30, 2: 30, 3: 30, 4: 30}
    ballots = [[1, 2, 3]] * 6 + [[4]] * 4
    assert count("greedy", 100, costs, ballots).selected == (1, 2, 3)
    assert count("equal_shares", 100, costs, ballots).selected == (1, 2, 4)


# Agreement with pabutools


def pabutools_instance(budget, costs, ballots):
    """The same election in pabutools, with our tie-break as its tie-breaking rule. Projects nobody voted for are
    left out: pabutools' greedy would fund them, ours never does."""
    voted = {p for ballot in ballots for p in ballot}
    projects = {p: PabuProject(f"p{p:04d}", cost) for p, cost in costs.items() if p in voted}
    instance = Instance(projects.values(), budget_limit=budget)
    profile = ApprovalProfile([ApprovalBallot([projects[p] for p in ballot if p in projects]) for ballot in ballots])
    votes = votes_of(costs, ballots)
    tie_breaking = TieBreakingRule(lambda _instance, _profile, project: tie_key(int(project.name[1:]), votes, costs))
    return instance, profile, tie_breaking


def ids(allocation):
    return sorted(int(project.name[1:]) for project in allocation)


def pabutools_results(budget, costs, ballots):
    """(Equal Shares, Equal Shares completed as ours is, greedy by votes) computed by pabutools."""
    instance, profile, tie_breaking = pabutools_instance(budget, costs, ballots)
    mes = method_of_equal_shares(instance, profile, sat_class=Cost_Sat, tie_breaking=tie_breaking)
    step = frac(budget, len(ballots) * COMPLETION_STEPS)
    completed = completion_by_rule_combination(
        instance,
        profile,
        [method_of_equal_shares, greedy_utilitarian_welfare],
        [
            {"sat_class": Cost_Sat, "voter_budget_increment": step, "tie_breaking": tie_breaking},
            {"sat_class": Cost_Sat, "tie_breaking": tie_breaking},
        ],
    )
    greedy_votes = greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat, tie_breaking=tie_breaking)
    return ids(mes), ids(completed), ids(greedy_votes)


def ours(budget, costs, ballots):
    return (
        sorted(equal_shares(budget, costs, ballots).selected),
        sorted(equal_shares_completed(budget, costs, ballots).selected),
        sorted(greedy(budget, costs, ballots).selected),
    )


# pabutools' own test instances for Equal Shares with Cost_Sat (tests/rules/test_rule.py), costs in hundredths so
# that they are whole kronor (the rule does not change when every cost and the budget are scaled alike)
PABUTOOLS_CASES = [
    # "AppEx_2": costs 1, 0.9, 2, 1.09, budget 4; pabutools expects [p0, p2]
    (400, {0: 100, 1: 90, 2: 200, 3: 109}, [[0], [1, 2, 3], [1, 2, 3], [2]], [0, 2]),
    # "AppEx_3": as AppEx_2 with three more projects nobody approves
    (400, {0: 100, 1: 90, 2: 200, 3: 109, 4: 109, 5: 109}, [[0], [1, 2, 3], [1, 2, 3], [2]], [0, 2]),
    # "AllAfford": one voter approves every project and all fit
    (7, {0: 1, 1: 3, 2: 2, 3: 1}, [[0, 1, 2, 3]], [0, 1, 2, 3]),
    # "RunningEx LackSkow23" (Lackner & Skowron 2023): pabutools expects [a]
    (
        4,
        dict.fromkeys(range(7), 1),
        [[0, 1]] * 3 + [[0, 2]] * 3 + [[0, 3]] * 2 + [[1, 2, 5], [4], [5], [6]],
        [0],
    ),
]


@pytest.mark.parametrize(("budget", "costs", "ballots", "expected"), PABUTOOLS_CASES)
def test_equal_shares_agrees_with_pabutools_on_its_test_instances(budget, costs, ballots, expected):
    assert sorted(equal_shares(budget, costs, ballots).selected) == expected
    assert ours(budget, costs, ballots) == pabutools_results(budget, costs, ballots)


def test_all_three_agree_with_pabutools_on_random_elections():
    generator = random.Random(2026)
    for _ in range(150):
        projects = generator.randint(1, 7)
        costs = {p: generator.choice([10, 20, 25, 30, 50, 60, 100]) for p in range(1, projects + 1)}
        ballots = [
            generator.sample(sorted(costs), generator.randint(0, projects)) for _ in range(generator.randint(1, 12))
        ]
        budget = generator.choice([50, 100, 150, 200])
        assert ours(budget, costs, ballots) == pabutools_results(budget, costs, ballots), (budget, costs, ballots)
