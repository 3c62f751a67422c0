"""Stratified random sampling that mirrors the population: quotas, largest-remainder rounding and a seeded draw.

Strata are age band × gender (× area) as the population figures count residents (women and men, 18 and older).
Members who chose another gender or did not say are a stratum of their own ("other"), whose quota is their share
of the eligible active members: the population figures have no such group to mirror, and leaving them out would
make the panel's answers say nothing of them. The remaining places are shared by the population's strata in
proportion to their residents.

Quotas are whole numbers by the largest-remainder method (Hamilton): each stratum gets the whole part of its exact
share, and the places left go to the largest fractions (ties to the stratum first in order), so the quotas add up
to the size. The draw is `random.Random(seed)`, taking `rng.sample` of each stratum's members ordered by id, the
strata in their fixed order: the same seed and the same members give the same sample.
"""

import random
from collections.abc import Mapping, Sequence

OTHER = "other"


def stratum_key(band, gender, area_id=None):
    return f"{band}/{gender}" if area_id is None else f"{band}/{gender}/{area_id}"


def key_parts(key):
    """(band, gender) or (band, gender, area id) of a stratum key; None for OTHER."""
    if key == OTHER:
        return None
    parts = key.split("/")
    return (parts[0], parts[1], int(parts[2])) if len(parts) == 3 else (parts[0], parts[1])


def member_stratum(band, gender, area_id, *, by_area, sexes=("woman", "man")):
    """The stratum of a member, or None when by area and the member has no area."""
    if gender not in sexes:
        return OTHER
    if by_area:
        return stratum_key(band, gender, area_id) if area_id is not None else None
    return stratum_key(band, gender)


def largest_remainder(size: int, weights: Mapping[str, float]) -> dict[str, int]:
    """Whole quotas adding up to `size`, in proportion to `weights` (all zero: all zero)."""
    total = sum(weights.values())
    if size <= 0 or total <= 0:
        return dict.fromkeys(weights, 0)
    exact = {key: size * weight / total for key, weight in weights.items()}
    quotas = {key: int(value) for key, value in exact.items()}
    order = list(weights)
    left = size - sum(quotas.values())
    by_fraction = sorted(order, key=lambda key: (-(exact[key] - quotas[key]), order.index(key)))
    for key in by_fraction[:left]:
        quotas[key] += 1
    return quotas


def quotas_for(size: int, population: Mapping[str, int], *, other_members: int, eligible_members: int):
    """{stratum key: quota}: the population's strata in their order, then OTHER when there are such members."""
    weights: dict[str, float] = {}
    other_share = other_members / eligible_members if eligible_members else 0.0
    residents = sum(population.values())
    for key, count in population.items():
        weights[key] = (1 - other_share) * count / residents if residents else 0.0
    if other_members:
        weights[OTHER] = other_share
    return largest_remainder(size, weights)


def draw(members: Mapping[str, Sequence[int]], quotas: Mapping[str, int], seed: int) -> dict[str, list[int]]:
    """{stratum key: drawn member ids} for each stratum with a quota: at most the quota, from the members of the
    stratum (ids), seeded."""
    rng = random.Random(seed)
    drawn = {}
    for key, quota in quotas.items():
        pool = sorted(members.get(key, ()))
        drawn[key] = sorted(rng.sample(pool, min(quota, len(pool)))) if quota else []
    return drawn
