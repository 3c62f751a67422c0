"""Load patterns: closed loop (N clients as fast as answered) and open loop (a fixed rate), both bounded in time."""

import asyncio
import itertools
import random
import time

from bench.loadclient import Visitor
from bench.stats import Recorder

RUN_LIMIT_SECONDS = 15 * 60  # no loop in bench/ runs longer than this, whatever it is asked


class Clock:
    def __init__(self):
        self.zero = time.perf_counter()

    def now(self):
        return time.perf_counter() - self.zero


async def visitors_ready(host, port, count, form_path, sessions=None):
    """count visitors, each having fetched the form once for its CSRF cookie and token."""
    visitors = [Visitor(host, port) for _ in range(count)]
    for chunk in range(0, count, 16):
        await asyncio.gather(*(visitor.get(form_path) for visitor in visitors[chunk : chunk + 16]))
    missing = sum(1 for visitor in visitors if not visitor.csrf)
    if missing:
        raise RuntimeError(f"{missing} of {count} visitors found no CSRF token at {form_path}")
    return visitors


async def closed_loop(visitors, action, clock, until):
    """Each visitor repeats action(visitor, started) until the clock passes `until`."""
    until = min(until, RUN_LIMIT_SECONDS)

    async def one(visitor):
        while clock.now() < until:
            if await action(visitor, clock.now()) is False:
                return

    await asyncio.gather(*(one(visitor) for visitor in visitors))


async def open_loop(visitors, action, clock, rate, start, until):
    """Requests scheduled at start + i/rate; a free visitor takes the next slot. Latency counts from the slot's
    time, so a server that falls behind shows it (no coordinated omission)."""
    until = min(until, RUN_LIMIT_SECONDS)
    slots = itertools.count()

    async def one(visitor):
        while True:
            scheduled = start + next(slots) / rate
            if scheduled >= until:
                return
            delay = scheduled - clock.now()
            if delay > 0:
                await asyncio.sleep(delay)
            if await action(visitor, scheduled) is False:
                return

    await asyncio.gather(*(one(visitor) for visitor in visitors))


class Signers:
    """Who signs next: a new person, or (duplicate_share of the time) someone already signing or signed, preferably
    one whose request is in flight right now, so duplicates race the first attempt."""

    def __init__(self, prefix, duplicate_share=0.0, sessions=None, seed=1):
        self.prefix, self.duplicate_share, self.sessions = prefix, duplicate_share, sessions
        self.random = random.Random(seed)
        self.next_index = 0
        self.in_flight = set()
        self.used = []

    def take(self):
        """(index, is_duplicate) or None when no new signer is left."""
        if self.used and self.random.random() < self.duplicate_share:
            pool = list(self.in_flight) or self.used[-256:]
            return self.random.choice(pool), True
        if self.sessions is not None and self.next_index >= len(self.sessions):
            return None
        index = self.next_index
        self.next_index += 1
        self.used.append(index)
        return index, False

    def email(self, index):
        domain = f"id{index % 97}" if self.sessions is not None else f"d{index % 53}"
        return f"{self.prefix}{index}@{domain}.bench.example"

    def fields(self, index):
        return {
            "name": f"Person {index}",
            "email": self.email(index),
            "show_name": "on" if index % 3 == 0 else "",
            "wants_updates": "on",
        }


class SignLoad:
    """Sign requests against one URL; remembers which signer got an accepting answer when."""

    def __init__(self, post_path, signers, accepted, window_start, window_end, clock):
        self.post_path, self.signers, self.accepted, self.clock = post_path, signers, accepted, clock
        self.recorder = Recorder("sign", window_start, window_end)
        self.successes = {}  # index -> [(started, done) of each accepting answer]
        self.duplicate_attempts = 0
        self.acceptance_times = []

    async def __call__(self, visitor, started):
        taken = self.signers.take()
        if taken is None:
            return False
        index, duplicate = taken
        self.duplicate_attempts += duplicate
        if self.signers.sessions is not None:
            visitor.cookies["sessionid"] = self.signers.sessions[index]
        self.signers.in_flight.add(index)
        try:
            response = await visitor.post_form(self.post_path, self.signers.fields(index))
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError) as exc:
            self.recorder.add(started, self.clock.now() - started, error=exc)
            return True
        finally:
            self.signers.in_flight.discard(index)
        done = self.clock.now()
        self.recorder.add(started, done - started, response.status)
        if self.accepted(response):
            self.successes.setdefault(index, []).append((started, done))
            self.acceptance_times.append(done)
        return True

    def summary(self):
        figures = self.recorder.summary()
        window = (self.recorder.window_start, self.recorder.window_end)
        firsts = [min(times)[0] for times in self.successes.values()]
        in_window = sum(1 for moment in firsts if window[0] <= moment < window[1])
        seconds = figures["seconds"] or 1.0
        figures.update(
            accepted_signers=len(self.successes),
            accepted_in_window=in_window,
            accepted_per_second=round(in_window / seconds, 1),
            accepting_responses=sum(len(times) for times in self.successes.values()),
            duplicate_attempts=self.duplicate_attempts,
            signers_accepted_twice=sum(1 for times in self.successes.values() if len(times) > 1),
            requests_total=self.recorder.total,
        )
        return figures


class GetLoad:
    """GET requests to one URL; optional parse(body) -> value recorded with the read's start time."""

    def __init__(self, name, path, window_start, window_end, clock, parse=None):
        self.path, self.clock, self.parse = path, clock, parse
        self.recorder = Recorder(name, window_start, window_end)
        self.values = []

    async def __call__(self, visitor, scheduled):
        sent = self.clock.now()
        try:
            response = await visitor.get(self.path)
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError) as exc:
            self.recorder.add(scheduled, self.clock.now() - scheduled, error=exc)
            return True
        self.recorder.add(scheduled, self.clock.now() - scheduled, response.status)
        if self.parse and response.status == 200:
            value = self.parse(response.body)
            if value is not None:
                self.values.append((sent, value))
        return True
