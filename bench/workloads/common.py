"""Shared by the workloads: options, the sign burst, and result checks."""

import asyncio
import os
from dataclasses import dataclass, field

from bench.load import Clock, Signers, SignLoad, closed_loop, open_loop, visitors_ready
from bench.server import HOST, CpuMeter, bench_command
from bench.stats import percentile

SLUG = "benchkommun"


@dataclass
class Options:
    seconds: float = 60.0
    warmup: float = 3.0
    clients: int = 64
    workers: int = field(default_factory=lambda: 2 * (os.cpu_count() or 1))
    threads: int = 1
    # sync workers take connections in arrival order from one queue: latency is fair to every client. gthread
    # keeps each keep-alive connection on the worker that accepted it, so an unlucky worker's clients queue
    # (p99 several times higher in the same run). Every server here is started the same way for every target.
    worker_class: str = "sync"
    results_dir: str = "bench/results"
    parts: str = ""  # W1: a comma-separated subset of real,bare,naive,identified
    rounds: int = 1  # W1/W2: split each target's time into rounds, interleaved with the other targets


def sign_path(pk):
    return f"/{SLUG}/forslag/{pk}/underteckna/"


def form_path(pk):
    return sign_path(pk)


ACCEPTED_OUTCOMES = ("?status=pending", "?status=valid")  # signatures/_signing.py: PENDING and SIGNED


def accepted_by_real(response):
    """The real endpoint redirects (PRG) to its thank-you page with the outcome: a new signature is pending (to be
    confirmed by e-mail) or valid (logged in); a repeat gets check_email or already, a closed proposal a page."""
    location = response.header("location") or ""
    return response.status in (302, 303) and "/underteckna/tack/" in location and location.endswith(ACCEPTED_OUTCOMES)


def accepted_by_baseline(response):
    return response.status == 200


@dataclass
class Burst:
    """One sign burst against one URL: closed loop (clients as fast as answered) or open loop at `rate`."""

    server_port: int
    post_path: str
    form: str
    accepted: object
    prefix: str
    clients: int
    seconds: float
    warmup: float
    duplicate_share: float = 0.05
    sessions: list | None = None
    rate: float | None = None

    def run(self, server=None):
        """The load; with `server`, also the CPU seconds the server, PostgreSQL and this client used."""
        if server is None:
            return asyncio.run(self._run())
        with CpuMeter(server) as meter:
            load = asyncio.run(self._run())
        load.cpu = meter.figures
        return load

    async def _run(self):
        visitors = await visitors_ready(HOST, self.server_port, self.clients, self.form)
        clock = Clock()
        end = self.warmup + self.seconds
        signers = Signers(self.prefix, self.duplicate_share, self.sessions)
        load = SignLoad(self.post_path, signers, self.accepted, self.warmup, end, clock)
        try:
            if self.rate:
                await open_loop(visitors, load, clock, self.rate, 0.0, end)
            else:
                await closed_loop(visitors, load, clock, end)
        finally:
            for visitor in visitors:
                visitor.close()
        return load


def burst_figures(load, stored):
    """Throughput, latency and the consistency checks of one burst, from the client's and the database's view."""
    figures = load.summary()
    figures["cpu_seconds"] = getattr(load, "cpu", None)
    figures["stored"] = stored
    figures["proposal"] = stored.get("proposal")
    figures["stored_equals_accepted"] = stored["rows"] == figures["accepted_signers"]
    figures["duplicates_stored"] = stored["rows"] - stored["distinct_signers"]
    return figures


def rounds_figures(rounds):
    """[(load, stored)] of one target over interleaved rounds -> the same figures as burst_figures, for all."""
    each = [burst_figures(load, stored) for load, stored in rounds]
    if len(each) == 1:
        return _with_cost(each[0])
    latencies = [value for load, _stored in rounds for value in load.recorder.latencies]
    seconds = sum(found["seconds"] for found in each)
    figures = {key: sum(found[key] for found in each) for key in SUMMED}
    figures.update(
        rounds=len(each),
        seconds=round(seconds, 2),
        per_second=round(figures["requests"] / seconds, 1) if seconds else 0.0,
        accepted_per_second=round(figures["accepted_in_window"] / seconds, 1) if seconds else 0.0,
        p50_ms=_ms(percentile(latencies, 0.5)),
        p99_ms=_ms(percentile(latencies, 0.99)),
        max_ms=_ms(max(latencies) if latencies else None),
        statuses=_merged(found["statuses"] for found in each),
        errors=_merged(found["errors"] for found in each),
        cpu_seconds=cpu_sum([found["cpu_seconds"] for found in each]),
        stored=_stored_sum([found["stored"] for found in each]),
        stored_equals_accepted=all(found["stored_equals_accepted"] for found in each),
        per_round=[
            {key: found[key] for key in ("accepted_per_second", "p99_ms", "cpu_seconds", "proposal")} for found in each
        ],
    )
    return _with_cost(figures)


SUMMED = (
    "requests",
    "server_errors",
    "accepted_signers",
    "accepted_in_window",
    "accepting_responses",
    "duplicate_attempts",
    "signers_accepted_twice",
    "requests_total",
    "duplicates_stored",
)


def _with_cost(figures):
    """CPU milliseconds (server + database) per request: a figure other processes on the machine barely move."""
    cpu = figures.get("cpu_seconds")
    if cpu and figures["requests_total"]:
        figures["cpu_ms_per_request"] = round((cpu["server"] + cpu["postgres"]) * 1000 / figures["requests_total"], 2)
    return figures


def _ms(seconds):
    return None if seconds is None else round(seconds * 1000, 1)


def _merged(dicts):
    total = {}
    for found in dicts:
        for key, value in found.items():
            total[key] = total.get(key, 0) + value
    return total


def cpu_sum(cpus):
    """CPU seconds summed over the parts that were measured (None when none was)."""
    cpus = [cpu for cpu in cpus if cpu]
    if not cpus:
        return None
    total = {key: round(sum(cpu.get(key) or 0 for cpu in cpus), 1) for key in cpus[0] if key != "cores"}
    total["cores"] = cpus[0]["cores"]
    return total


def _stored_sum(stored):
    total = {key: sum(found[key] for found in stored) for key in ("rows", "distinct_signers", "cases")}
    total["by_status"] = _merged(found["by_status"] for found in stored)
    total["naive_counter"] = sum(found["naive_counter"] or 0 for found in stored)
    return total


def new_proposal(env, threshold):
    return bench_command(env, "proposal", "--threshold", str(threshold))["pk"]


def verify(env, pk):
    return bench_command(env, "verify", "--pk", str(pk))[str(pk)]


def check(name, value, goal, ok):
    """A row of the table: what was measured, the goal, and whether it was met (None: for information)."""
    return {"check": name, "value": value, "goal": goal, "ok": ok}


def log_problems(text):
    lowered = text.lower()
    return {
        "database_is_locked": lowered.count("database is locked"),
        "tracebacks": text.count("Traceback (most recent call last)"),
        "worker_timeouts": text.count("WORKER TIMEOUT"),
    }


def cpu_row(name, cpu):
    """CPU seconds of the server, PostgreSQL, the client and other processes (the machine is shared)."""
    if not cpu:
        return check(f"{name}: CPU s server/db/client/other", None, None, None)
    value = f"{cpu['server']}/{cpu['postgres']}/{cpu['client']}/{cpu['other']} of {cpu['wall']} s x {cpu['cores']}"
    return check(f"{name}: CPU s server/db/client/other", value, None, None)
