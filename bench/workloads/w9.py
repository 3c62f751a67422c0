"""W9 the map's bounding-box query: 50,000 published map inputs in one map dialogue; the box the map asks for meets
about 5,000 of them and the answer holds at most 2,000 as GeoJSON. The real endpoint (map_input:features) against a
bench view that sends the same query in raw SQL and writes the same GeoJSON (the baseline), alternating in rounds
under a small closed-loop load, on PostgreSQL and on SQLite. Goals: time <= 1.5 x the baseline's, p95 <= 100 ms."""

import tempfile
import urllib.request
from pathlib import Path

from bench.server import HOST, PostgresDatabase, Server, bench_command, bench_env, manage

from .common import check, cpu_row, log_problems
from .w4 import _load, _merged

DEFAULT_SECONDS = 20.0  # per database and part, split over the rounds
DEFAULT_ROUNDS = 3
SERVER_WARMUP_SECONDS = 1.0  # each URL, unmeasured, before the rounds
INPUTS = 50_000
RATIO_GOAL = 1.5
P95_GOAL_MS = 100
PARTS = {"real": "the map's endpoint", "raw": "raw SQL (baseline)"}
DATABASES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}


def run(options):
    figures = {}
    with PostgresDatabase() as database:
        figures["postgresql"] = _measure(bench_env(database.url), "postgresql", options)
    with tempfile.TemporaryDirectory(prefix="delaktig-bench-") as folder:
        figures["sqlite"] = _measure(bench_env(f"sqlite:///{Path(folder) / 'bench.sqlite3'}"), "sqlite", options)
    tables = [(f"W9 map bounding box ({DATABASES[name]})", _rows(figures[name])) for name in figures]
    return {"figures": figures, "checks": [row for _title, rows in tables for row in rows], "tables": tables}


def _measure(env, name, options):
    manage(env, "migrate", "-v0")
    seeded = bench_command(env, "maps", "--slug", "kartkommun", "--code", "9201", "--count", str(INPUTS))
    urls = seeded["urls"]
    log_path = f"{options.results_dir}/w9-{name}-server.log"
    with Server(env, options.workers, options.threads, options.worker_class, log_path) as server:
        answers = {part: _fetch(server, path) for part, path in urls.items()}
        for path in urls.values():
            _load(server, path, None, SERVER_WARMUP_SECONDS)
        turn = options.seconds / max(1, options.rounds)
        turns = {part: [] for part in urls}
        for _round in range(max(1, options.rounds)):
            for part, path in urls.items():
                turns[part].append(_load(server, path, None, turn))
        latency = {part: _merged(found) for part, found in turns.items()}
    return {
        "seeded": {key: value for key, value in seeded.items() if key != "urls"},
        "urls": urls,
        "served": answers["real"]["features"],
        "bytes": answers["real"]["bytes"],
        "same_answer": answers["real"]["body"] == answers["raw"]["body"],
        "latency": latency,
        "server_log": log_problems(server.log_text()),
    }


def _fetch(server, path):
    with urllib.request.urlopen(f"http://{HOST}:{server.port}{path}", timeout=30) as response:  # noqa: S310 (loopback)
        body = response.read()
    return {"body": body, "bytes": len(body), "features": body.count(b'"type":"Feature"')}


def _rows(found):
    real, raw = found["latency"]["real"], found["latency"]["raw"]
    ratio = round(real["p50_ms"] / raw["p50_ms"], 2) if real["p50_ms"] and raw["p50_ms"] else None
    p95_ratio = round(real["p95_ms"] / raw["p95_ms"], 2) if real["p95_ms"] and raw["p95_ms"] else None
    failures = sum(part["non_2xx"] + part["errors"] for part in (real, raw))
    seeded = found["seeded"]
    return [
        check(
            "inputs stored / in the box / served",
            f"{seeded['inputs']:,} / {seeded['in_box']:,} / {found['served']:,}",
            f"{INPUTS:,} / - / <= 2,000",
            seeded["inputs"] == INPUTS and found["served"] <= 2000,
        ),
        check("same GeoJSON as the baseline", found["same_answer"], "True", found["same_answer"]),
        check("GeoJSON kB per answer", round(found["bytes"] / 1000, 1), None, None),
        check(f"p50 / p95 ms, {PARTS['real']}", f"{real['p50_ms']} / {real['p95_ms']}", None, None),
        check(f"p50 / p95 ms, {PARTS['raw']}", f"{raw['p50_ms']} / {raw['p95_ms']}", None, None),
        check(
            "time: p50(endpoint) / p50(raw SQL)", ratio, f"<= {RATIO_GOAL}", ratio is not None and ratio <= RATIO_GOAL
        ),
        check("p95(endpoint) / p95(raw SQL)", p95_ratio, None, None),
        check("p95 ms of the endpoint", real["p95_ms"], f"<= {P95_GOAL_MS}", (real["p95_ms"] or 1e9) <= P95_GOAL_MS),
        check(
            "CPU ms per request (server + db), endpoint / raw SQL",
            f"{real['cpu_ms_per_request']} / {raw['cpu_ms_per_request']}",
            None,
            None,
        ),
        check("requests measured, endpoint / raw SQL", f"{real['requests']} / {raw['requests']}", None, None),
        check("non-2xx + client errors", failures, "0", failures == 0),
        check(
            "tracebacks in the server log",
            found["server_log"]["tracebacks"],
            "0",
            found["server_log"]["tracebacks"] == 0,
        ),
        cpu_row("endpoint", real["cpu_seconds"]),
    ]
