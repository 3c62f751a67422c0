"""Every ballot type and counting rule on cases counted by hand, ties included, and a recount from the ballot file."""

import io

from ..counting import ballots_from_csv, count, instant_runoff

A, B, C, D = 1, 2, 3, 4


def test_one_choice_counts_each_ballot_once_and_the_most_wins():
    outcome = count("single", [A, B, C], [[A], [B], [A], [C], [A]])
    assert outcome.totals == {A: 3, B: 1, C: 1}
    assert outcome.winners == (A,) and not outcome.tie and outcome.ballots == 5


def test_one_choice_tie_is_reported_not_drawn():
    outcome = count("single", [A, B, C], [[A], [B], [C], [B], [A]])
    assert outcome.winners == (A, B) and outcome.tie


def test_no_ballots_no_winner():
    assert count("single", [A, B], []).winners == ()


def test_approval_counts_every_alternative_chosen():
    outcome = count("approval", [A, B, C], [[A, B], [B, C], [B], [A, C]])
    assert outcome.totals == {A: 2, B: 3, C: 2}
    assert outcome.winners == (B,)


def test_approval_tie():
    outcome = count("approval", [A, B, C], [[A, B], [A, B], [C]])
    assert outcome.totals == {A: 2, B: 2, C: 1} and outcome.winners == (A, B)


def test_points_sum_per_alternative():
    outcome = count("points", [A, B, C], [{"1": 5, "2": 5}, {"3": 10}, {"1": 2, "3": 1}])
    assert outcome.totals == {A: 7, B: 5, C: 11} and outcome.winners == (C,)


def test_points_tie():
    outcome = count("points", [A, B], [{"1": 3}, {"2": 3}])
    assert outcome.winners == (A, B) and outcome.tie


def test_ranking_majority_in_the_first_round():
    outcome = instant_runoff([A, B, C], [[A, B], [A], [A, C], [B], [C, B]])
    assert outcome.winners == (A,) and len(outcome.rounds) == 1
    assert outcome.rounds[0].counts == {A: 3, B: 1, C: 1}


def test_ranking_transfers_until_a_majority():
    # Round 1: A 4, B 3, C 2 (of 9) -> C out; C's ballots go to B: A 4, B 5 -> B wins (first preferences led by A)
    ballots = [[A]] * 4 + [[B, A]] * 3 + [[C, B]] * 2
    outcome = instant_runoff([A, B, C], ballots)
    assert [r.counts for r in outcome.rounds] == [{A: 4, B: 3, C: 2}, {A: 4, B: 5}]
    assert outcome.rounds[0].eliminated == (C,)
    assert outcome.winners == (B,)
    assert outcome.totals == {A: 4, B: 3, C: 2}


def test_ranking_exhausted_ballots_leave_the_count():
    # Round 1: A 3, B 2, C 2, D 1 -> D out (its ballot ranks nothing else: exhausted). Round 2: A 3, B 2, C 2 of 7:
    # B and C tie for fewest; in round 1 they were equal too -> both out. Round 3: A 3 of 3 -> A.
    ballots = [[A]] * 3 + [[B]] * 2 + [[C]] * 2 + [[D]]
    outcome = instant_runoff([A, B, C, D], ballots)
    assert outcome.rounds[0].eliminated == (D,)
    assert outcome.rounds[1].exhausted == 1 and outcome.rounds[1].eliminated == (B, C)
    assert outcome.winners == (A,)


def test_ranking_tie_for_fewest_broken_by_the_earlier_round():
    # Round 1: A 4, B 3, C 2, D 2 (of 11): C and D tie for fewest and never differed -> both out.
    # C's go to B, D's to C (out) then B: round 2 A 4, B 7 -> B.
    ballots = [[A]] * 4 + [[B]] * 3 + [[C, B]] * 2 + [[D, C, B]] * 2
    outcome = instant_runoff([A, B, C, D], ballots)
    assert outcome.rounds[0].eliminated == (C, D)
    assert outcome.winners == (B,)
    # Backwards tie-break: in round 2 B and C tie for fewest (3 each); in round 1 B had 2 and C 3, so B goes alone.
    # Round 3: A 5, C 3 of 8 (B's three ballots rank nothing else) -> A.
    ballots = [[A]] * 5 + [[B]] * 2 + [[C]] * 3 + [[D, B]] * 1
    outcome = instant_runoff([A, B, C, D], ballots)
    assert outcome.rounds[0].counts == {A: 5, B: 2, C: 3, D: 1} and outcome.rounds[0].eliminated == (D,)
    assert outcome.rounds[1].counts == {A: 5, B: 3, C: 3}
    assert outcome.rounds[1].eliminated == (B,)
    assert outcome.rounds[2].counts == {A: 5, C: 3} and outcome.rounds[2].exhausted == 3
    assert outcome.winners == (A,)


def test_ranking_all_equal_is_a_tie():
    outcome = instant_runoff([A, B], [[A, B], [B, A]])
    assert outcome.winners == (A, B) and outcome.tie


def test_recount_from_the_ballot_file(capsys):
    text = "ballot;channel;ballot_type;1. Ljusets bro;2. Älvens röst;3. Mötet\n"
    text += "1;online;ranking;1;2;\n2;online;ranking;;1;\n3;paper;ranking;;2;1\n4;online;ranking;1;;\n"
    ballot_type, alternatives, ballots = ballots_from_csv(io.StringIO(text))
    assert ballot_type == "ranking" and alternatives == [1, 2, 3]
    assert ballots == [[1, 2], [2], [3, 2], [1]]
    # Round 1: 1: 2, 2: 1, 3: 1 -> 2 and 3 tie and never differed -> both out; round 2: 1: 2 of 2 -> 1
    assert count(ballot_type, alternatives, ballots).winners == (1,)
