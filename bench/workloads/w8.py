"""W8 embedded default: the real sign endpoint on SQLite (a temporary WAL file, the default settings) with 2-4
gunicorn worker processes. Goal: >= 300 signatures/s, no "database is locked", an exact count."""

import tempfile
from pathlib import Path

from bench.server import Server, bench_command, bench_env, manage

from .common import (
    Burst,
    accepted_by_real,
    check,
    cpu_row,
    form_path,
    log_problems,
    new_proposal,
    rounds_figures,
    sign_path,
    verify,
)

DEFAULT_SECONDS = 30.0


def run(options):
    workers = min(4, max(2, options.workers))
    with tempfile.TemporaryDirectory(prefix="delaktig-bench-") as folder:
        env = bench_env(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        manage(env, "migrate", "-v0")
        bench_command(env, "seed")
        pk = new_proposal(env, 10**9)
        log_path = f"{options.results_dir}/w8-server.log"
        with Server(env, workers, options.threads, options.worker_class, log_path) as server:
            burst = Burst(
                server.port,
                sign_path(pk),
                form_path(pk),
                accepted_by_real,
                prefix="sqlite-",
                clients=options.clients,
                seconds=options.seconds,
                warmup=options.warmup,
            )
            figures = rounds_figures([(burst.run(server), verify(env, pk))])
        journal = _journal_mode(Path(folder) / "bench.sqlite3")
    figures.update(workers=workers, journal_mode=journal, server_log=log_problems(server.log_text()))
    return {"figures": figures, "checks": checks(figures)}


def _journal_mode(path):
    import sqlite3

    with sqlite3.connect(path) as connection:
        return connection.execute("PRAGMA journal_mode").fetchone()[0]


def checks(found):
    failures = found["server_errors"] + sum(found["errors"].values())
    locked = found["server_log"]["database_is_locked"]
    return [
        check("workers / journal mode", f"{found['workers']} / {found['journal_mode']}", "2-4 / wal", None),
        check("accepted signatures/s", found["accepted_per_second"], ">= 300", found["accepted_per_second"] >= 300),
        check("p50 / p99 ms", f"{found['p50_ms']} / {found['p99_ms']}", None, None),
        cpu_row("sign", found.get("cpu_seconds")),
        check("CPU ms per request (server)", found.get("cpu_ms_per_request"), None, None),
        check("'database is locked' in server log", locked, "0", locked == 0),
        check("5xx + client errors", failures, "0", failures == 0),
        check(
            "stored = accepted",
            f"{found['stored']['rows']} = {found['accepted_signers']}",
            "equal",
            found["stored_equals_accepted"],
        ),
        check("duplicates stored", found["duplicates_stored"], "0", found["duplicates_stored"] == 0),
        check(
            "duplicate attempts / answered as accepted",
            f"{found['duplicate_attempts']} / {found['signers_accepted_twice']}",
            None,
            None,
        ),
    ]
