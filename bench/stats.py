"""Latency and status bookkeeping for the load client."""

import math
from collections import Counter


def percentile(values, fraction):
    """Nearest-rank percentile of unsorted values (None when empty)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


class Recorder:
    """Requests of one kind: status codes, latencies, and the window they count in."""

    def __init__(self, name, window_start=0.0, window_end=math.inf):
        self.name = name
        self.window_start, self.window_end = window_start, window_end
        self.latencies = []
        self.statuses = Counter()
        self.errors = Counter()
        self.total = 0
        self.first_done = self.last_done = None

    def add(self, started, latency, status=None, error=None):
        """One finished request; started is seconds since the run began. Counts only inside the window."""
        self.total += 1
        if error is not None:
            self.errors[type(error).__name__] += 1
        else:
            self.statuses[status] += 1
        if not (self.window_start <= started < self.window_end):
            return
        done = started + latency
        self.first_done = done if self.first_done is None else min(self.first_done, done)
        self.last_done = done if self.last_done is None else max(self.last_done, done)
        self.latencies.append(latency)

    def summary(self, seconds=None):
        """Figures for the table; seconds defaults to the measured window."""
        if seconds is None:
            seconds = (self.last_done - self.window_start) if self.last_done is not None else 0.0
        count = len(self.latencies)
        return {
            "requests": count,
            "seconds": round(seconds, 2),
            "per_second": round(count / seconds, 1) if seconds else 0.0,
            "p50_ms": _ms(percentile(self.latencies, 0.50)),
            "p99_ms": _ms(percentile(self.latencies, 0.99)),
            "max_ms": _ms(max(self.latencies) if self.latencies else None),
            "statuses": {str(key): value for key, value in sorted(self.statuses.items())},
            "errors": dict(self.errors),
            "server_errors": sum(value for key, value in self.statuses.items() if key >= 500),
        }


def _ms(seconds):
    return None if seconds is None else round(seconds * 1000, 1)


def count_lag(acceptances, reads):
    """The longest time a count read was behind: for each read (time, value), the age of the oldest signature
    accepted before the read but not in the value. acceptances: sorted acceptance times."""
    worst = 0.0
    for read_time, value in reads:
        accepted_before = _count_before(acceptances, read_time)
        if value < accepted_before:
            worst = max(worst, read_time - acceptances[value])
    return worst


def _count_before(ordered, moment):
    from bisect import bisect_left

    return bisect_left(ordered, moment)
