"""Before and after, in one run: `bench/compare.py BASE [w1 w3 …] [--seconds N]`.

Checks out BASE (a commit, tag or branch) into a temporary git worktree that shares this checkout's virtualenv,
then runs each workload there and here in turn (base, current, base, current …) on the same machine, and prints
every row of the workload's table for both beside each other. The machines are noisy, so a ratio within one side
(real / bare, real / naive) is the figure that counts, and the two sides alternate so drift hits both.
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("base", help="the commit to compare with, e.g. the one before a refactoring")
    parser.add_argument("workloads", nargs="*", default=["w1", "w3"])
    parser.add_argument("--seconds", type=float, default=0, help="seconds per measured part (default: each workload's)")
    parser.add_argument("--rounds", type=int, default=1, help="how many times each side runs each workload")
    return parser.parse_args(argv)


def worktree(base):
    path = Path(tempfile.mkdtemp(prefix="delaktig-base-"))
    path.rmdir()
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(path), base], check=True)
    (path / ".venv").symlink_to(ROOT / ".venv")
    subprocess.run(
        [str(ROOT / ".venv/bin/python"), "manage.py", "compilemessages", "-v0", "--ignore=.venv", "--ignore=var"],
        cwd=path,
        check=True,
    )
    return path


def run(checkout, workload, seconds):
    command = [str(ROOT / ".venv/bin/python"), "bench/run.py", workload]
    if seconds:
        command += ["--seconds", str(seconds)]
    subprocess.run(command, cwd=checkout, check=False)
    found = checkout / "bench" / "results" / f"{workload}.json"
    return json.loads(found.read_text()) if found.exists() else {"checks": []}


def table(workload, base_runs, current_runs):
    names = []
    for result in [*base_runs, *current_runs]:
        for row in result.get("checks", []):
            if row["check"] not in names:
                names.append(row["check"])
    lines = [f"\n{workload}: base | current (each run in order)"]
    for name in names:
        base = [_value(result, name) for result in base_runs]
        current = [_value(result, name) for result in current_runs]
        lines.append(f"  {name:<48} {' / '.join(base):>24} | {' / '.join(current)}")
    return "\n".join(lines)


def _value(result, name):
    for row in result.get("checks", []):
        if row["check"] == name:
            return str(row["value"])
    return "-"


def main(argv=None):
    args = parse(argv)
    base = worktree(args.base)
    try:
        tables = []
        for workload in args.workloads:
            base_runs, current_runs = [], []
            for _round in range(args.rounds):
                base_runs.append(run(base, workload, args.seconds))
                current_runs.append(run(ROOT, workload, args.seconds))
            tables.append(table(workload, base_runs, current_runs))
        print("\n".join(tables))
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
