"""The opinion-group analysis on synthetic vote matrices: planted groups are found again, too few votes give no
groups, and the result holds statement ids and a bounded sample of the map, never a participant's id."""

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from ..analysis import MAP_POINTS, TOO_FEW, opinion_groups
from ..synthetic import planted_votes


@pytest.fixture(scope="module")
def planted():
    people, statements, choices, groups = planted_votes(participants=900, statements=40, groups=3, density=0.5, seed=3)
    return people, statements, choices, groups, opinion_groups(people, statements, choices)


def test_planted_groups_are_found_again(planted):
    people, _statements, _choices, groups, found = planted
    assert found.result["status"] == "groups"
    assert len(found.result["groups"]) == 3
    assert (found.labels >= 0).all()
    assert adjusted_rand_score(groups[found.participant_ids - 1], found.labels) > 0.95
    assert sum(group["size"] for group in found.result["groups"]) == 900


def test_each_group_has_statements_that_set_it_apart(planted):
    _people, statements, _choices, _groups, found = planted
    for group in found.result["groups"]:
        assert group["representative"] and all(item["significant"] for item in group["representative"])
        assert {item["statement"] for item in group["representative"]} <= set(statements.tolist())
        item = group["representative"][0]
        assert item["share"] > item["others_share"]


def test_groups_are_labelled_by_size_and_the_map_is_a_bounded_sample(planted):
    *_rest, found = planted
    sizes = [group["size"] for group in found.result["groups"]]
    assert sizes == sorted(sizes, reverse=True)
    assert [group["label"] for group in found.result["groups"]] == ["A", "B", "C"]
    points = found.result["points"]
    assert len(points) == MAP_POINTS
    assert all(-1 <= x <= 1 and -1 <= y <= 1 and group in (0, 1, 2) for x, y, group in points)


def test_a_statement_every_group_agrees_on_is_consensus():
    people, statements, choices, _groups = planted_votes(participants=300, statements=20, groups=2, density=1, seed=5)
    shared = 21  # a new statement everyone agrees with
    everyone = np.unique(people)
    found = opinion_groups(
        np.concatenate([people, everyone]),
        np.concatenate([statements, np.full(len(everyone), shared)]),
        np.concatenate([choices, np.ones(len(everyone), dtype=np.int64)]),
    )
    consensus = [item for item in found.result["consensus"] if item["direction"] == "agree"]
    assert consensus[0]["statement"] == shared and all(share == 1 for share in consensus[0]["shares"])


def test_too_few_votes_give_no_groups():
    # four people who voted on everything, and a fifth who voted on too little to be grouped
    people = np.repeat([1, 2, 3, 4], 8).tolist() + [5] * 3
    statements = list(range(1, 9)) * 4 + [1, 2, 3]
    choices = [1, -1, 0, 1, 1, -1, 1, 0] * 4 + [1, 1, 1]
    found = opinion_groups(people, statements, choices)
    assert found.result["status"] == TOO_FEW
    assert "groups" not in found.result and found.result["grouped"] == 4
    assert found.result["votes"] == len(choices)


def test_no_votes_at_all():
    assert opinion_groups([], [], []).result["status"] == TOO_FEW


def test_five_people_are_enough_and_identical_votes_are_not_split():
    statements = list(range(1, 8))
    alike = opinion_groups(np.repeat(np.arange(1, 6), 7), statements * 5, [1] * 35)
    assert alike.result["status"] == TOO_FEW  # nothing to tell them apart
    two_sides = [1] * 7 + [1] * 7 + [1] * 7 + [-1] * 7 + [-1] * 7
    found = opinion_groups(np.repeat(np.arange(1, 6), 7), statements * 5, two_sides)
    assert found.result["status"] == "groups"
    assert sorted(group["size"] for group in found.result["groups"]) == [2, 3]


def test_the_same_votes_give_the_same_result(planted):
    people, statements, choices, _groups, found = planted
    again = opinion_groups(people[::-1], statements[::-1], choices[::-1])
    assert again.result == found.result


def test_a_large_sparse_matrix_is_analysed_without_a_dense_copy():
    """30,000 people × 1,000 statements would be 240 MB dense; the analysis stays far below it."""
    import tracemalloc

    people, statements, choices, groups = planted_votes(participants=30_000, statements=1_000, groups=3, density=0.01)
    tracemalloc.start()
    found = opinion_groups(people, statements, choices)
    _now, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert found.result["status"] == "groups" and found.result["grouped"] == 30_000
    assert peak < 40 * 2**20, f"{peak / 2**20:.0f} MB"
