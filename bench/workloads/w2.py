"""W2 count storm: 1,000 count reads/s (open loop) while logged-in signers sign at 200/s, against the real count
endpoint and then a no-database ping view in the same run; the count lag; and (with wrk) the most reads/s each
serves while the signing goes on."""

import asyncio
import json
import re
import shutil
import subprocess

from bench.load import Clock, GetLoad, Signers, SignLoad, open_loop, visitors_ready
from bench.loadclient import Visitor
from bench.server import HOST, CpuMeter, PostgresDatabase, Server, bench_command, bench_env, manage
from bench.stats import count_lag

from .common import (
    SLUG,
    accepted_by_real,
    check,
    cpu_row,
    cpu_sum,
    form_path,
    log_problems,
    new_proposal,
    sign_path,
)

DEFAULT_SECONDS = 60.0
READ_RATE = 1000
SIGN_RATE = 200
READ_CONNECTIONS = 64
SIGN_CONNECTIONS = 32
LAG_GOAL = 60


def count_path(pk):
    return f"/{SLUG}/forslag/{pk}/antal.json"


def count_value(body):
    try:
        return int(json.loads(body)["count"])
    except (ValueError, KeyError, TypeError):
        return None


def run(options):
    saturation_seconds = min(20.0, options.seconds)
    phases = 2 + (len(SATURATION) if wrk_available() else 0)
    per_phase = int(SIGN_RATE * (options.seconds + options.warmup) * 1.2) + 200
    with PostgresDatabase() as database:
        env = bench_env(database.url)
        manage(env, "migrate", "-v0")
        bench_command(env, "seed")
        sessions_file = f"{options.results_dir}/w2-sessions.txt"
        bench_command(env, "signers", "--count", str(per_phase * phases), "--prefix", "w2-", "--out", sessions_file)
        with open(sessions_file) as keys:
            sessions = keys.read().split()
        batches = [sessions[i * per_phase : (i + 1) * per_phase] for i in range(phases)]
        log_path = f"{options.results_dir}/w2-server.log"
        figures = {}
        with Server(env, options.workers, options.threads, options.worker_class, log_path) as server:
            for name, batch in (("count", batches[0]), ("ping", batches[1])):
                figures[name] = _phase(server, env, options, name, batch)
            if len(batches) > 2:
                figures.update(_saturations(server, env, options, batches[2:], saturation_seconds))
        figures["count_queries"] = bench_command(env, "count-queries", "--pk", str(new_proposal(env, 10**9)))
        figures["server_log"] = log_problems(server.log_text())
    return {"figures": figures, "checks": checks(figures)}


SATURATION = ("count", "ping")


def _read_path(name, pk):
    return count_path(pk) if name == "count" else "/bench/ping/"


def _phase(server, env, options, name, sessions):
    pk = new_proposal(env, 10**9)
    with CpuMeter(server) as meter:
        found = asyncio.run(_phase_async(server.port, pk, options, name, sessions))
    found["cpu_seconds"] = meter.figures
    return found


async def _phase_async(port, pk, options, name, sessions):
    signing = await visitors_ready(HOST, port, SIGN_CONNECTIONS, form_path(pk))
    readers = [Visitor(HOST, port) for _ in range(READ_CONNECTIONS)]
    clock = Clock()
    end = options.warmup + options.seconds
    sign_load = SignLoad(sign_path(pk), Signers("w2-", 0.0, sessions), accepted_by_real, options.warmup, end, clock)
    parse = count_value if name == "count" else None
    read_load = GetLoad(name, _read_path(name, pk), options.warmup, end, clock, parse)
    try:
        await asyncio.gather(
            open_loop(signing, sign_load, clock, SIGN_RATE, 0.0, end),
            open_loop(readers, read_load, clock, READ_RATE, 0.0, end),
        )
    finally:
        for visitor in signing + readers:
            visitor.close()
    found = {"reads": read_load.recorder.summary(), "signing": sign_load.summary()}
    if parse:
        found["count_lag_s"] = round(count_lag(sorted(sign_load.acceptance_times), read_load.values), 2)
        found["last_count"] = read_load.values[-1][1] if read_load.values else None
    return found


def wrk_available():
    if shutil.which("wrk"):
        return True
    print("wrk is missing: trying apt-get install wrk (the saturation part is skipped if that fails)", flush=True)
    try:
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], capture_output=True, timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return shutil.which("wrk") is not None


def _saturations(server, env, options, batches, seconds):
    """wrk on count and on ping in turn, in --rounds rounds of seconds/rounds each (the machine's speed drifts;
    alternating keeps the two side by side); requests and seconds are summed over the rounds."""
    rounds = max(1, options.rounds)
    found = {}
    for name in SATURATION[: len(batches)]:
        found[name] = {"requests": 0, "seconds": 0.0, "p99_ms": [], "cpu": [], "non_2xx": 0}
    for index in range(rounds):
        for name, batch in zip(SATURATION, batches, strict=False):
            part = batch[index * len(batch) // rounds : (index + 1) * len(batch) // rounds]
            one = _saturation(server, env, options, name, part, seconds / rounds)
            total = found[name]
            total["requests"] += one["wrk"].get("requests") or 0
            total["seconds"] += one["wrk"].get("seconds") or 0.0
            total["non_2xx"] += one["wrk"]["non_2xx"]
            total["p99_ms"].append(one["wrk"].get("p99_ms"))
            total["cpu"].append(one["cpu_seconds"])
    return {f"{name}_saturation": _summed(total) for name, total in found.items()}


def _summed(total):
    per_second = round(total["requests"] / total["seconds"], 1) if total["seconds"] else None
    p99 = [value for value in total["p99_ms"] if value is not None]
    wrk = {"per_second": per_second, "p99_ms": max(p99) if p99 else None, "non_2xx": total["non_2xx"]}
    return {"wrk": wrk, "cpu_seconds": cpu_sum(total["cpu"])}


def _saturation(server, env, options, name, sessions, seconds):
    pk = new_proposal(env, 10**9)
    with CpuMeter(server) as meter:
        found = asyncio.run(_saturation_async(server.port, pk, options, name, sessions, seconds))
    found["cpu_seconds"] = meter.figures
    return found


async def _saturation_async(port, pk, options, name, sessions, seconds):
    """wrk as many reads as it gets (2 threads, 64 connections) while the signing goes on at 200/s."""
    signing = await visitors_ready(HOST, port, SIGN_CONNECTIONS, form_path(pk))
    clock = Clock()
    sign_load = SignLoad(sign_path(pk), Signers("w2-", 0.0, sessions), accepted_by_real, 0.0, seconds, clock)
    url = f"http://{HOST}:{port}{_read_path(name, pk)}"
    command = ["wrk", "-t2", "-c64", f"-d{int(seconds)}s", "--latency", url]
    process = await asyncio.create_subprocess_exec(*command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        _done, (output, _err) = await asyncio.gather(
            open_loop(signing, sign_load, clock, SIGN_RATE, 0.0, seconds + 1), process.communicate()
        )
    finally:
        for visitor in signing:
            visitor.close()
    return {"wrk": parse_wrk(output.decode()), "signing": sign_load.summary()}


def parse_wrk(text):
    found = {"raw": text[-1500:]}
    rate = re.search(r"Requests/sec:\s+([\d.]+)", text)
    found["per_second"] = float(rate.group(1)) if rate else None
    done = re.search(r"(\d+) requests in ([\d.]+)(ms|s|m)\b", text)
    if done:
        scale = {"ms": 0.001, "s": 1.0, "m": 60.0}[done.group(3)]
        found["requests"], found["seconds"] = int(done.group(1)), float(done.group(2)) * scale
    for label, key in (("50%", "p50"), ("99%", "p99")):
        match = re.search(rf"{label}\s+([\d.]+)(us|ms|s)\b", text)
        if match:
            scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[match.group(2)]
            found[f"{key}_ms"] = round(float(match.group(1)) * scale, 2)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    found["non_2xx"] = int(non_2xx.group(1)) if non_2xx else 0
    return found


def checks(figures):
    count, ping = figures["count"], figures["ping"]
    ratio = round(count["reads"]["per_second"] / ping["reads"]["per_second"], 3) if ping["reads"]["per_second"] else 0
    rows = [
        check("count reads/s (offered 1000)", count["reads"]["per_second"], None, None),
        check("ping reads/s (offered 1000)", ping["reads"]["per_second"], None, None),
        check("count / ping reads/s", ratio, ">= 0.9 or cached", ratio >= 0.9 or _from_cache(figures)),
        _cache_row(figures),
        check("count p50 / p99 ms", f"{count['reads']['p50_ms']} / {count['reads']['p99_ms']}", None, None),
        check("ping p50 / p99 ms", f"{ping['reads']['p50_ms']} / {ping['reads']['p99_ms']}", None, None),
        check(
            "signatures/s during count / ping",
            f"{count['signing']['accepted_per_second']} / {ping['signing']['accepted_per_second']}",
            "200",
            None,
        ),
        check("count lag s", count["count_lag_s"], f"<= {LAG_GOAL}", count["count_lag_s"] <= LAG_GOAL),
    ]
    failures = sum(
        phase[part]["server_errors"] + sum(phase[part]["errors"].values())
        for phase in (count, ping)
        for part in ("reads", "signing")
    )
    rows.append(check("5xx + client errors", failures, "0", failures == 0))
    rows += [cpu_row(name, figures[name].get("cpu_seconds")) for name in ("count", "ping")]
    if "count_saturation" in figures:
        rows += _saturation_rows(figures["count_saturation"]["wrk"], figures["ping_saturation"]["wrk"])
        rows += [
            cpu_row(f"wrk {name}", figures[f"{name}_saturation"].get("cpu_seconds"))
            for name in SATURATION
            if f"{name}_saturation" in figures
        ]
    return rows


def _from_cache(figures):
    found = figures.get("count_queries")
    return bool(found) and found["warm"] == 0


def _cache_row(figures):
    found = figures.get("count_queries") or {}
    value = f"{found.get('cold')} / {found.get('warm')}"
    return check("count queries per read: cold / warm (served from cache)", value, "warm 0", _from_cache(figures))


def _saturation_rows(count, ping):
    ratio = _wrk_ratio(count, ping)
    return [
        check("wrk max count reads/s (signing on)", count["per_second"], None, None),
        check("wrk max ping reads/s (signing on)", ping["per_second"], None, None),
        check("wrk count / ping", ratio, ">= 0.9", None if ratio is None else ratio >= 0.9),
    ]


def _wrk_ratio(top, bottom):
    if top["per_second"] and bottom["per_second"]:
        return round(top["per_second"] / bottom["per_second"], 3)
    return None
