#!/usr/bin/env python
"""Delaktig's benchmarks: `bench/run.py w1|w2|w3|w4|w5|w6|w7|w8|w9|all [--seconds N]`; tables, and
bench/results/<w>.json.

Every server it starts listens on 127.0.0.1 only and is stopped at the end; every load loop stops by itself.
"""

import argparse
import importlib
import json
import sys
import time
import traceback
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.workloads.common import Options  # noqa: E402

WORKLOADS = {
    "w1": "W1 sign burst (PostgreSQL)",
    "w2": "W2 count storm (PostgreSQL)",
    "w3": "W3 busy proposal page (PostgreSQL)",
    "w4": "W4 lists that stay flat (PostgreSQL)",
    "w5": "W5 opinion groups: 10,000 participants × 500 statements against red-dwarf",
    "w6": "W6 ballot casting (PostgreSQL)",
    "w7": "W7 surveys: answering and results (PostgreSQL)",
    "w8": "W8 embedded default (SQLite)",
    "w9": "W9 map bounding box (PostgreSQL and SQLite)",
}


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("workload", nargs="?", default="all", choices=[*WORKLOADS, "all"])
    defaults = Options()
    parser.add_argument(
        "--seconds",
        type=float,
        default=None,
        help="length of each measured part (default per workload; W1, W6, W7: 60; W4: per list and size, 12; W9: 20)",
    )
    parser.add_argument("--warmup", type=float, default=defaults.warmup)
    parser.add_argument("--clients", type=int, default=defaults.clients)
    parser.add_argument("--workers", type=int, default=defaults.workers, help="gunicorn workers (2 x cores)")
    parser.add_argument("--threads", type=int, default=defaults.threads)
    parser.add_argument("--worker-class", default=defaults.worker_class)
    parser.add_argument(
        "--rounds",
        type=int,
        default=None,
        help=(
            "W1, W2 (wrk), W4, W6, W7 and W9: interleave the parts in rounds "
            "(default: W1 4, W2 2, W4 3, W6 4, W7 4, W9 3)"
        ),
    )
    parser.add_argument("--parts", default="", help="W1: e.g. real,bare; W7: flow, submit")
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=300.0,
        help="before each workload, wait up to this many seconds for other processes to leave the CPU alone",
    )
    return parser.parse_args(argv)


def main(argv=None):
    args = parse(argv)
    results_dir = ROOT / "bench" / "results"
    results_dir.mkdir(parents=True, exist_ok=True)
    names = list(WORKLOADS) if args.workload == "all" else [args.workload]
    tables = []
    failed = False
    for name in names:
        wait_quiet(args.wait_quiet)
        module = importlib.import_module(f"bench.workloads.{name}")
        options = Options(
            seconds=args.seconds or module.DEFAULT_SECONDS,
            warmup=args.warmup,
            clients=args.clients,
            workers=args.workers,
            threads=args.threads,
            worker_class=args.worker_class,
            parts=args.parts,
            rounds=args.rounds or getattr(module, "DEFAULT_ROUNDS", 2),
            results_dir=str(results_dir),
        )
        try:
            tables.append(run_one(name, module, options, results_dir))
        except Exception as exc:  # one workload failing must not stop the others; its servers are already gone
            traceback.print_exc()
            tables.append(f"{WORKLOADS[name]}: FAILED ({type(exc).__name__}: {exc})\n")
            failed = True
    print()
    for table in tables:
        print(table)
    return 1 if failed else 0


def wait_quiet(limit, allowed=0.3, sample=3.0):
    """Benchmarks on a shared machine: wait (bounded) until other processes use less than `allowed` cores."""
    from bench.server import _busy

    deadline = time.monotonic() + limit
    while True:
        before = _busy()
        time.sleep(sample)
        cores = (_busy() - before) / sample
        if cores < allowed or time.monotonic() > deadline:
            print(f"   other processes use {cores:.2f} cores now", flush=True)
            return cores
        print(f"   waiting: other processes use {cores:.2f} cores", flush=True)


def run_one(name, module, options, results_dir):
    print(f"== {WORKLOADS[name]}: running ({options.seconds:g} s per measured part)", flush=True)
    started = time.time()
    result = module.run(options)
    result.update(workload=name, title=WORKLOADS[name], options=asdict(options), wall_seconds=time.time() - started)
    (results_dir / f"{name}.json").write_text(json.dumps(result, indent=2, default=str))
    if "tables" in result:  # one table per part (W4: per list)
        table = "\n".join(render(title, rows) for title, rows in result["tables"])
    else:
        table = render(WORKLOADS[name], result["checks"])
    print(table, flush=True)
    return table


def render(title, rows):
    """A plain table: check | value | goal | met."""
    lines = [["check", "value", "goal", "met"]]
    for row in rows:
        met = {True: "yes", False: "NO", None: ""}[row["ok"]]
        lines.append([row["check"], str(row["value"]), row["goal"] or "", met])
    widths = [max(len(line[column]) for line in lines) for column in range(4)]
    out = [title, "-" * len(title)]
    for index, line in enumerate(lines):
        out.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())
        if index == 0:
            out.append("  ".join("-" * width for width in widths))
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main())
