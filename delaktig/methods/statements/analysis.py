"""Opinion groups from the votes on statements, as Polis finds them: numpy, scipy and scikit-learn only, no Django.

The votes are a sparse matrix, participants × statements, agree +1, disagree -1, pass 0, and most cells missing
(nobody votes on everything). As Polis does:

1. Each statement's missing votes take the mean of the votes it got (mean imputation), and the matrix is centred
   on those means; a missing vote then sits at exactly 0, so the centred matrix stays sparse and nothing the size
   of participants × statements is ever made dense.
2. Principal component analysis of that matrix: the two leading eigenvectors of the statements' Gram matrix
   (statements × statements, small), or a randomised truncated SVD when there are very many statements. Each
   participant's two coordinates are then scaled by sqrt(statements / statements they voted on), so people who
   voted on little do not bunch up in the middle.
3. K-means on the participants who voted on at least 7 statements (all, when there are fewer), for k from 2 to 5;
   the k with the best silhouette wins. The silhouette is computed on a sample, so 100,000 participants cost what
   a few thousand do.
4. For each group, the statements that set it apart (representative statements: the group agrees, or disagrees,
   clearly more than the others, by Polis's two-proportion test), and the statements every group agrees on, or
   every group disagrees with (consensus).

`opinion_groups(...)` returns an `OpinionGroups`; its `result` is the JSON the analysis row stores and the pages
read (statement ids, never a participant's id; the map is a sample of at most MAP_POINTS points). With too few
votes `result["status"]` is "too_few" and there are no groups.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import sparse
from threadpoolctl import threadpool_limits

AGREE, DISAGREE, PASS = 1, -1, 0

VOTES_TO_CLUSTER = 7  # Polis: a participant is grouped once they voted on 7 statements (or on all, when fewer)
MIN_PARTICIPANTS = 5  # fewer grouped participants than this: no groups, "too few votes"
MIN_STATEMENTS = 2
MAX_GROUPS = 5
SILHOUETTE_SAMPLE = 3000  # participants the silhouette of each k is measured on
KMEANS_RUNS = 4  # k-means starts per k; the best is kept
GRAM_MAX_STATEMENTS = 3000  # above this, a randomised SVD instead of the statements' Gram matrix
MAP_POINTS = 600  # participants drawn on the map (a sample, the same for every run of the same votes)
WORKING_MEMORY_MB = 16  # scikit-learn's chunks of pairwise distances (the silhouette), instead of up to 1 GB
PICK = 5  # representative statements per group, consensus statements per direction
Z_90 = 1.2816  # one-sided 90 % (Polis's significance level)
GROUP_LETTERS = "ABCDEFGHIJ"
TOO_FEW = "too_few"
GROUPS = "groups"


@dataclass
class OpinionGroups:
    """The result as stored (`result`), and for measuring it: every participant's group (-1: not grouped)."""

    result: dict[str, Any]
    participant_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    labels: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))


def opinion_groups(participant_ids, statement_ids, choices, *, random_state: int = 0) -> OpinionGroups:
    """The opinion groups of the votes given as three equally long arrays: who, on which statement, and the vote
    (+1, -1 or 0). One vote per participant and statement (the database holds no more).

    Runs on one thread: it is background work, and a few hundred milliseconds for 10,000 people need no more."""
    from sklearn import config_context

    with threadpool_limits(limits=1), config_context(working_memory=WORKING_MEMORY_MB):
        return _opinion_groups(participant_ids, statement_ids, choices, random_state)


def _opinion_groups(participant_ids, statement_ids, choices, random_state):
    people, rows = np.unique(np.asarray(participant_ids, dtype=np.int64), return_inverse=True)
    statements, cols = np.unique(np.asarray(statement_ids, dtype=np.int64), return_inverse=True)
    values = np.asarray(choices, dtype=np.float64)
    n_people, n_statements = len(people), len(statements)
    counted = {"participants": n_people, "statements": n_statements, "votes": int(len(values))}
    votes_each = np.bincount(rows, minlength=n_people)
    grouped = votes_each >= min(VOTES_TO_CLUSTER, max(n_statements, 1))
    counted["grouped"] = int(grouped.sum())
    if n_statements < MIN_STATEMENTS or counted["grouped"] < MIN_PARTICIPANTS:
        return OpinionGroups({"status": TOO_FEW, **counted}, people, np.full(n_people, -1))

    coordinates = _projection(rows, cols, values, votes_each, n_people, n_statements, random_state)
    found = _clusters(coordinates[grouped], random_state)
    if found is None:
        return OpinionGroups({"status": TOO_FEW, **counted}, people, np.full(n_people, -1))
    silhouette, grouped_labels = found
    labels = np.full(n_people, -1)
    labels[grouped] = grouped_labels
    k = int(grouped_labels.max()) + 1
    tallies = _tallies(rows, cols, values, labels, k, n_statements)
    result = {
        "status": GROUPS,
        **counted,
        "silhouette": round(float(silhouette), 4),
        "groups": _groups(tallies, statements, coordinates, labels),
        "consensus": _consensus(tallies, statements),
        "points": _map_points(coordinates, labels, grouped, random_state),
    }
    return OpinionGroups(result, people, labels)


# 1 and 2: the participants' coordinates


def _projection(rows, cols, values, votes_each, n_people, n_statements, random_state):
    """Each participant's two principal-component coordinates, scaled for how much they voted on (Polis)."""
    mean = np.bincount(cols, weights=values, minlength=n_statements) / np.maximum(
        np.bincount(cols, minlength=n_statements), 1
    )
    centred = sparse.csr_matrix((values - mean[cols], (rows, cols)), shape=(n_people, n_statements))
    components = _components(centred, random_state)
    coordinates = np.asarray(centred @ components)
    scale = np.sqrt(n_statements / np.maximum(votes_each, 1))
    return coordinates * scale[:, np.newaxis]


def _components(centred, random_state, n_components=2):
    """The leading principal axes (statements × 2) of the centred matrix, with a sign fixed by the largest
    loading, so the same votes always give the same picture."""
    n_statements = centred.shape[1]
    if n_statements <= GRAM_MAX_STATEMENTS:
        gram = (centred.T @ centred).toarray()
        _eigenvalues, vectors = np.linalg.eigh(gram)
        axes = vectors[:, ::-1][:, :n_components]
    else:
        from sklearn.decomposition import TruncatedSVD

        svd = TruncatedSVD(n_components=n_components, algorithm="randomized", n_iter=7, random_state=random_state)
        axes = svd.fit(centred).components_.T
    if axes.shape[1] < n_components:  # a single statement would give one axis
        axes = np.hstack([axes, np.zeros((n_statements, n_components - axes.shape[1]))])
    largest = np.argmax(np.abs(axes), axis=0)
    signs = np.sign(axes[largest, range(axes.shape[1])])
    signs[signs == 0] = 1
    return axes * signs


# 3: groups


def _clusters(points, random_state):
    """(silhouette, labels) of the best k from 2 to MAX_GROUPS, labels numbered by group size, largest 0; None when
    the points cannot be split (all alike)."""
    from sklearn.cluster import KMeans
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.metrics import silhouette_score

    n = len(points)
    if len(np.unique(np.round(points, 9), axis=0)) < 2:
        return None
    sample = SILHOUETTE_SAMPLE if n > SILHOUETTE_SAMPLE else None
    best = None
    for k in range(2, min(MAX_GROUPS, n - 1) + 1):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            labels = KMeans(n_clusters=k, n_init=KMEANS_RUNS, random_state=random_state).fit(points).labels_
        if len(np.unique(labels)) < 2:
            continue
        score = silhouette_score(points, labels, sample_size=sample, random_state=random_state)
        if best is None or score > best[0]:
            best = (score, labels)
    if best is None:
        return None
    score, labels = best
    by_size = np.argsort(-np.bincount(labels), kind="stable")
    renumber = np.empty_like(by_size)
    renumber[by_size] = np.arange(len(by_size))
    return score, renumber[labels]


# 4: what characterises each group, and what all groups share


@dataclass
class _Tallies:
    agree: np.ndarray  # groups × statements
    disagree: np.ndarray
    seen: np.ndarray


def _tallies(rows, cols, values, labels, k, n_statements):
    """Agree, disagree and seen (passes included) per group and statement, of the grouped participants."""
    group = labels[rows]
    keep = group >= 0
    cell = group[keep] * n_statements + cols[keep]
    size = k * n_statements

    def count(weights=None):
        return np.bincount(cell, weights=weights, minlength=size).reshape(k, n_statements)

    kept = values[keep]
    return _Tallies(count((kept == AGREE).astype(float)), count((kept == DISAGREE).astype(float)), count())


def _prop_test(successes, n):
    """Polis's test that a share is above one half (a z score)."""
    return 2 * np.sqrt(n + 1) * ((successes + 1) / (n + 1) - 0.5)


def _two_prop_test(successes_in, n_in, successes_out, n_out):
    """Polis's test that the group's share is above the others' (a z score)."""
    s1, s2, n1, n2 = successes_in + 1, successes_out + 1, n_in + 1, n_out + 1
    pooled = (s1 + s2) / (n1 + n2)
    spread = np.sqrt(np.maximum(pooled * (1 - pooled) * (1 / n1 + 1 / n2), 1e-12))
    return np.where(pooled >= 1, 0.0, (s1 / n1 - s2 / n2) / spread)


def _share(successes, n):
    return np.divide(successes, n, out=np.zeros_like(successes, dtype=float), where=n > 0)


def _groups(tallies, statements, coordinates, labels):
    groups = []
    total_agree, total_disagree, total_seen = (tallies.agree.sum(0), tallies.disagree.sum(0), tallies.seen.sum(0))
    extent = _extent(coordinates[labels >= 0])
    for g in range(tallies.seen.shape[0]):
        members = labels == g
        centre = coordinates[members].mean(axis=0) / extent
        groups.append(
            {
                "label": GROUP_LETTERS[g],
                "size": int(members.sum()),
                "centre": [round(float(centre[0]), 4), round(float(centre[1]), 4)],
                "representative": _representative(tallies, g, statements, total_agree, total_disagree, total_seen),
            }
        )
    return groups


def _representative(tallies, g, statements, total_agree, total_disagree, total_seen):
    """Up to PICK statements that set group g apart, most telling first (Polis's repness)."""
    agree, disagree, seen = tallies.agree[g], tallies.disagree[g], tallies.seen[g]
    agree_out, disagree_out, seen_out = total_agree - agree, total_disagree - disagree, total_seen - seen
    candidates = []
    for direction, yes, yes_out in (("agree", agree, agree_out), ("disagree", disagree, disagree_out)):
        share, share_out = (yes + 1) / (seen + 2), (yes_out + 1) / (seen_out + 2)
        ratio, test = share / share_out, _prop_test(yes, seen)
        ratio_test = _two_prop_test(yes, seen, yes_out, seen_out)
        metric = ratio * ratio_test * share * test
        significant = (test > Z_90) & (ratio_test > Z_90) & (seen > 0)
        candidates.append((direction, metric, significant, ratio_test, _share(yes, seen), _share(yes_out, seen_out)))
    agree_side, disagree_side = candidates
    chosen = []
    for index in range(len(statements)):
        side = agree_side if agree_side[3][index] >= disagree_side[3][index] else disagree_side
        direction, metric, significant, _test, share, share_out = side
        if seen[index] > 0:
            chosen.append((bool(significant[index]), float(metric[index]), index, direction, share, share_out))
    significant_ones = sorted((c for c in chosen if c[0]), key=lambda c: -c[1])[:PICK]
    if not significant_ones and chosen:  # Polis shows the most telling one even when none is significant
        significant_ones = sorted(chosen, key=lambda c: -c[1])[:1]
    return [
        {
            "statement": int(statements[index]),
            "direction": direction,
            "share": round(float(share[index]), 3),
            "others_share": round(float(share_out[index]), 3),
            "significant": significant,
        }
        for significant, _metric, index, direction, share, share_out in significant_ones
    ]


def _consensus(tallies, statements):
    """Statements every group agrees on (or every group disagrees with): each group's share above one half, the
    whole significantly so, ranked by the product of the groups' shares (Polis's group-aware consensus)."""
    found = []
    for direction, yes in (("agree", tallies.agree), ("disagree", tallies.disagree)):
        shares = (yes + 1) / (tallies.seen + 2)
        consensus = shares.prod(axis=0)
        every_group = (shares > 0.5).all(axis=0) & (_prop_test(yes.sum(0), tallies.seen.sum(0)) > Z_90)
        order = [i for i in np.argsort(-consensus, kind="stable") if every_group[i]][:PICK]
        found += [
            {
                "statement": int(statements[i]),
                "direction": direction,
                "shares": [round(float(s), 3) for s in _share(yes[:, i], tallies.seen[:, i])],
            }
            for i in order
        ]
    return found


# The map


def _extent(points):
    if not len(points):
        return 1.0
    extent = float(np.abs(points).max())
    return extent if extent > 0 and math.isfinite(extent) else 1.0


def _map_points(coordinates, labels, grouped, random_state):
    """At most MAP_POINTS grouped participants as [x, y, group], x and y within -1..1: a fixed random sample, so a
    map of 100,000 people is as light as one of 600."""
    indices = np.flatnonzero(grouped)
    if len(indices) > MAP_POINTS:
        indices = np.sort(np.random.default_rng(random_state).choice(indices, MAP_POINTS, replace=False))
    extent = _extent(coordinates[grouped])
    return [
        [round(float(coordinates[i, 0] / extent), 3), round(float(coordinates[i, 1] / extent), 3), int(labels[i])]
        for i in indices
    ]
