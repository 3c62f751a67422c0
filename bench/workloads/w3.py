"""W3 busy proposal page: 100,000 signatures and 10,000 comments on one proposal. The real proposals:detail page
against a naive page (exact COUNT(*) and everything loaded, same template) under the same closed-loop load; and
the queries per request at 10 and at 10,000 comments, counted in-process."""

import asyncio

from bench.load import Clock, GetLoad, closed_loop
from bench.loadclient import Visitor
from bench.server import HOST, CpuMeter, PostgresDatabase, Server, bench_command, bench_env, manage

from .common import SLUG, check, cpu_row, log_problems

DEFAULT_SECONDS = 30.0
CLIENTS = 16
SIGNATURES, COMMENTS = 100_000, 10_000
SMALL_SIGNATURES, SMALL_COMMENTS = 100, 10
RATIO_GOAL = 2.5


def page_paths(pk):
    return {"real": f"/{SLUG}/forslag/{pk}/", "naive": f"/{SLUG}/bench/{pk}/naive-page/"}


def run(options):
    with PostgresDatabase() as database:
        env = bench_env(database.url)
        manage(env, "migrate", "-v0")
        bench_command(env, "seed")
        busy = _busy(env, SIGNATURES, COMMENTS)
        small = _busy(env, SMALL_SIGNATURES, SMALL_COMMENTS)
        figures = {"busy": busy, "small": small}
        figures["queries"] = bench_command(env, "queries", "--pk", str(busy), "--pk", str(small))
        log_path = f"{options.results_dir}/w3-server.log"
        with Server(env, options.workers, options.threads, options.worker_class, log_path) as server:
            for name, path in page_paths(busy).items():
                figures[name] = _load(server, path, options)
        figures["server_log"] = log_problems(server.log_text())
    return {"figures": figures, "checks": checks(figures)}


def _busy(env, signatures, comments):
    args = ("busy", "--signatures", str(signatures), "--comments", str(comments))
    return bench_command(env, *args)["pk"]


def _load(server, path, options):
    with CpuMeter(server) as meter:
        found = asyncio.run(_load_async(server.port, path, options))
    found["cpu_seconds"] = meter.figures
    return found


async def _load_async(port, path, options):
    visitors = [Visitor(HOST, port) for _ in range(min(CLIENTS, options.clients))]
    clock = Clock()
    end = options.warmup + options.seconds
    load = GetLoad("page", path, options.warmup, end, clock)
    try:
        await closed_loop(visitors, load, clock, end)
    finally:
        for visitor in visitors:
            visitor.close()
    return load.recorder.summary()


def checks(figures):
    real, naive = figures["real"], figures["naive"]
    ratio = round(real["per_second"] / naive["per_second"], 2) if naive["per_second"] else None
    queries = figures["queries"]
    busy, small = queries[str(figures["busy"])], queries[str(figures["small"])]
    same = busy["real"]["warm"] == small["real"]["warm"] and busy["real"]["cold"] == small["real"]["cold"]
    failures = sum(found["server_errors"] + sum(found["errors"].values()) for found in (real, naive))
    return [
        check("real page requests/s", real["per_second"], None, None),
        check("naive page requests/s", naive["per_second"], None, None),
        check("real / naive requests/s", ratio, f">= {RATIO_GOAL}", ratio is not None and ratio >= RATIO_GOAL),
        check("real p50 / p99 ms", f"{real['p50_ms']} / {real['p99_ms']}", None, None),
        check("naive p50 / p99 ms", f"{naive['p50_ms']} / {naive['p99_ms']}", None, None),
        check(
            "real queries at 10 / 10,000 comments (warm)",
            f"{small['real']['warm']} / {busy['real']['warm']}",
            "equal",
            busy["real"]["warm"] == small["real"]["warm"],
        ),
        check(
            "real queries at 10 / 10,000 comments (count not cached)",
            f"{small['real']['cold']} / {busy['real']['cold']}",
            "equal",
            same,
        ),
        check(
            "naive queries at 10 / 10,000 comments",
            f"{small['naive']['warm']} / {busy['naive']['warm']}",
            None,
            None,
        ),
        check("5xx + client errors", failures, "0", failures == 0),
        cpu_row("real", real.get("cpu_seconds")),
        cpu_row("naive", naive.get("cpu_seconds")),
    ]
