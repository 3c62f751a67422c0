"""Shared by the workloads: options, the sign burst, and result checks."""

import asyncio
import os
from dataclasses import dataclass, field

from bench.load import Clock, Signers, SignLoad, closed_loop, open_loop, visitors_ready
from bench.server import HOST, CpuMeter, bench_command

SLUG = "benchkommun"


@dataclass
class Options:
    seconds: float = 60.0
    warmup: float = 3.0
    clients: int = 64
    workers: int = field(default_factory=lambda: 2 * (os.cpu_count() or 1))
    threads: int = 1
    worker_class: str = "gthread"
    results_dir: str = "bench/results"
    parts: str = ""  # W1: a comma-separated subset of real,bare,naive,identified


def sign_path(pk):
    return f"/{SLUG}/forslag/{pk}/underteckna/"


def form_path(pk):
    return sign_path(pk)


ACCEPTED_OUTCOMES = ("?status=pending", "?status=valid")  # services_signing.PENDING and SIGNED


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
    figures["stored_equals_accepted"] = stored["rows"] == figures["accepted_signers"]
    figures["duplicates_stored"] = stored["rows"] - stored["distinct_signers"]
    return figures


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
    value = f"{cpu['server']}/{cpu['postgres']}/{cpu['client']}/{cpu['other']} in {cpu['wall']} s x {cpu['cores']}"
    return check(f"{name}: CPU s server/db/client/other", value, None, None)
