"""W5 opinion groups: the statements method's analysis (delaktig/methods/statements/analysis.py, the code the
background task runs) against red-dwarf's Polis pipeline (reddwarf.implementations.polis.run_pipeline) on the same
synthetic sparse vote matrix: 10,000 participants × 500 statements, four planted opinion groups, each participant
voting on a tenth of the statements (500,000 votes).

Each side runs in a subprocess of its own, in alternating order over the rounds (our side first in odd rounds),
so neither inherits the other's memory or warm caches. A side loads the votes, imports its library and runs once
on a small slice unmeasured (imports and first-call set-up are not what is compared), then times one call on the
whole matrix. The parent reads each child's peak resident memory from os.wait4 (its own rusage, not the maximum
over all children). Goals: our median time ≥ 5× faster than red-dwarf's, and the same grouping (adjusted Rand index
≥ 0.9 against red-dwarf's, over the participants both group). No server, no database.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from .common import check

DEFAULT_SECONDS = 0.0  # not time-boxed: each round is one run of each side
DEFAULT_ROUNDS = 3
PARTICIPANTS, STATEMENTS, GROUPS, DENSITY, LOYALTY, SEED = 10_000, 500, 4, 0.1, 0.85, 1
WARMUP_PARTICIPANTS = 300
SIDES = ("delaktig", "reddwarf")
ROOT = Path(__file__).resolve().parents[2]


def run(options):
    from delaktig.methods.statements.synthetic import planted_votes

    rounds = max(1, options.rounds)
    people, statements, choices, planted = planted_votes(
        participants=PARTICIPANTS, statements=STATEMENTS, groups=GROUPS, density=DENSITY, loyalty=LOYALTY, seed=SEED
    )
    runs = {side: [] for side in SIDES}
    with tempfile.TemporaryDirectory(prefix="delaktig-w5-") as folder:
        votes = Path(folder) / "votes.npz"
        np.savez(votes, people=people, statements=statements, choices=choices)
        for index in range(rounds):
            order = SIDES if index % 2 == 0 else SIDES[::-1]
            for side in order:
                runs[side].append(_side_run(side, votes, Path(folder) / f"{side}-{index}.npz"))
                print(f"   round {index + 1}/{rounds} {side}: {runs[side][-1]['seconds']:.2f} s", flush=True)
    figures = _figures(runs, planted)
    figures.update(
        participants=PARTICIPANTS, statements=STATEMENTS, votes=int(len(choices)), planted_groups=GROUPS, rounds=rounds
    )
    return {"figures": figures, "checks": checks(figures)}


def _side_run(side, votes, out):
    """One side in its own process: its time, its peak memory and its grouping."""
    command = [sys.executable, "-m", "bench.workloads.w5", side, str(votes), str(out)]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"W5 side {side} failed with exit code {process.returncode}")
    found = np.load(out)
    return {
        "seconds": float(found["seconds"]),
        "process_seconds": time.perf_counter() - started,
        "peak_rss_mb": usage.ru_maxrss / 1024,  # kilobytes on Linux
        "rss_before_call_mb": float(found["rss_before_kb"]) / 1024,
        "participant_ids": found["participant_ids"],
        "labels": found["labels"],
    }


def _figures(runs, planted):
    from sklearn.metrics import adjusted_rand_score

    ours, theirs = runs["delaktig"], runs["reddwarf"]
    agreement, versus_planted = [], {side: [] for side in SIDES}
    for mine, other in zip(ours, theirs, strict=True):
        both = _common(mine, other)
        agreement.append(adjusted_rand_score(other["labels"][both[1]], mine["labels"][both[0]]))
        for side, found in (("delaktig", mine), ("reddwarf", other)):
            grouped = found["labels"] >= 0
            truth = planted[found["participant_ids"][grouped] - 1]
            versus_planted[side].append(adjusted_rand_score(truth, found["labels"][grouped]))
    median = {side: statistics.median(run["seconds"] for run in runs[side]) for side in SIDES}
    return {
        "seconds": {side: [round(run["seconds"], 3) for run in runs[side]] for side in SIDES},
        "median_seconds": {side: round(median[side], 3) for side in SIDES},
        "speedup": round(median["reddwarf"] / median["delaktig"], 1),
        "peak_rss_mb": {side: round(max(run["peak_rss_mb"] for run in runs[side]), 1) for side in SIDES},
        "rss_before_call_mb": {side: round(max(run["rss_before_call_mb"] for run in runs[side]), 1) for side in SIDES},
        "groups": {side: int(runs[side][0]["labels"].max()) + 1 for side in SIDES},
        "ari_against_reddwarf": round(min(agreement), 4),
        "ari_against_planted": {side: round(min(values), 4) for side, values in versus_planted.items()},
    }


def _common(mine, other):
    """Index arrays into each side's participants for those both sides grouped."""
    ours = {pid: i for i, pid in enumerate(mine["participant_ids"].tolist()) if mine["labels"][i] >= 0}
    pairs = [
        (ours[pid], j)
        for j, pid in enumerate(other["participant_ids"].tolist())
        if other["labels"][j] >= 0 and pid in ours
    ]
    return np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])


def checks(found):
    seconds, rss, before = found["median_seconds"], found["peak_rss_mb"], found["rss_before_call_mb"]
    return [
        check(
            "matrix (participants × statements, votes)",
            f"{found['participants']:,} × {found['statements']}, {found['votes']:,}",
            None,
            None,
        ),
        check("rounds (alternating order)", found["rounds"], None, None),
        check("median s: delaktig / red-dwarf", f"{seconds['delaktig']} / {seconds['reddwarf']}", None, None),
        check("speed-up (red-dwarf ÷ delaktig)", f"{found['speedup']}×", ">= 5×", found["speedup"] >= 5),
        check(
            "ARI against red-dwarf's groups (worst round)",
            found["ari_against_reddwarf"],
            ">= 0.9",
            found["ari_against_reddwarf"] >= 0.9,
        ),
        check(
            "ARI against planted: delaktig / red-dwarf",
            f"{found['ari_against_planted']['delaktig']} / {found['ari_against_planted']['reddwarf']}",
            None,
            None,
        ),
        check(
            "groups found: delaktig / red-dwarf",
            f"{found['groups']['delaktig']} / {found['groups']['reddwarf']}",
            None,
            None,
        ),
        check("peak RSS MB: delaktig / red-dwarf", f"{rss['delaktig']} / {rss['reddwarf']}", None, None),
        check(
            "RSS MB before the call: delaktig / red-dwarf", f"{before['delaktig']} / {before['reddwarf']}", None, None
        ),
    ]


# A side, in its own process: python -m bench.workloads.w5 delaktig|reddwarf votes.npz out.npz


def _side_main(side, votes_path, out_path):
    import resource

    votes = np.load(votes_path)
    people, statements, choices = votes["people"], votes["statements"], votes["choices"]
    warm = people <= WARMUP_PARTICIPANTS
    analyse = _delaktig if side == "delaktig" else _reddwarf
    analyse(people[warm], statements[warm], choices[warm])  # imports and first-call set-up, unmeasured
    prepared = _prepare(side, people, statements, choices)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    participant_ids, labels = analyse(*prepared)
    seconds = time.perf_counter() - started
    np.savez(out_path, seconds=seconds, rss_before_kb=rss_before, participant_ids=participant_ids, labels=labels)


def _prepare(side, people, statements, choices):
    """Each library's own input: arrays for ours, the list of vote dicts red-dwarf takes (made before timing)."""
    if side == "delaktig":
        return people, statements, choices
    return (_reddwarf_votes(people, statements, choices),)


def _reddwarf_votes(people, statements, choices):
    return [
        {"participant_id": int(p), "statement_id": int(s), "vote": int(c), "modified": 0}
        for p, s, c in zip(people, statements, choices, strict=True)
    ]


def _delaktig(people, statements, choices):
    from delaktig.methods.statements.analysis import opinion_groups

    found = opinion_groups(people, statements, choices)
    return found.participant_ids, found.labels


def _reddwarf(*arguments):
    from reddwarf.implementations.polis import run_pipeline

    votes = arguments[0] if len(arguments) == 1 else _reddwarf_votes(*arguments)
    result = run_pipeline(votes=votes, random_state=0)
    clusters = result.participants_df["cluster_id"]
    ids = np.asarray(clusters.index, dtype=np.int64)
    return ids, np.asarray(clusters.fillna(-1).astype(int), dtype=np.int64)


if __name__ == "__main__":
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    _side_main(*sys.argv[1:4])
