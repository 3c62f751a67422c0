"""A synthetic vote matrix with planted opinion groups, for the tests and the benchmark (bench/workloads/w5.py).

Each group has its own leaning on every statement (agree or disagree, with a clear majority); a participant
votes on a random share of the statements, mostly as their group leans, sometimes passing or going the other way.
"""

import math

import numpy as np


def planted_votes(*, participants, statements, groups=3, density=0.1, loyalty=0.8, seed=1):
    """(participant_ids, statement_ids, choices, planted group of each participant id 1..participants).

    `density` is the share of statements each participant votes on (at least 8), `loyalty` how often a vote follows
    the group's leaning (the rest are passes and votes the other way, half each)."""
    rng = np.random.default_rng(seed)
    planted = rng.integers(0, groups, size=participants)
    leaning = rng.choice([1, -1], size=(groups, statements))
    per_person = max(8, min(statements, round(density * statements)))
    people = np.repeat(np.arange(1, participants + 1), per_person)
    # Distinct statements for each person without a participants × statements array: a random start and a random
    # step that shares no factor with the number of statements, so the steps never come back to a statement
    coprime = np.array([step for step in range(1, statements + 1) if math.gcd(step, statements) == 1])
    start = rng.integers(0, statements, size=participants)
    step = rng.choice(coprime, size=participants)
    chosen = ((start[:, None] + np.arange(per_person)[None, :] * step[:, None]) % statements).ravel()
    lean = leaning[planted[people - 1], chosen]
    roll = rng.random(len(people))
    other = (1 - loyalty) / 2
    choices = np.where(roll < loyalty, lean, np.where(roll < loyalty + other, 0, -lean))
    return people, chosen + 1, choices.astype(np.int64), planted
