"""A small process supervisor for `manage.py run_demo`: start children, restart one that dies, stop them all.

Each child is `python manage.py <argv>` in its own process group, so Ctrl-C in the terminal reaches only the
supervisor, which then stops every child (SIGTERM to its group, SIGKILL after a grace period) and waits for it.
On Linux each child also gets SIGTERM if the supervisor itself is killed, so no child is left behind.
"""

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass

PR_SET_PDEATHSIG = 1


@dataclass
class Child:
    name: str
    argv: list
    process: subprocess.Popen = None
    started_at: float = 0.0
    restart_at: float = None
    quick_deaths: int = 0  # deaths in a row soon after starting: each doubles the wait before the next start
    starts: int = 0


def _die_with_parent():  # runs in the child between fork and exec
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class Supervisor:
    def __init__(self, children, *, manage_py, env=None, out=None, backoff=1.0, max_backoff=30.0, grace=10.0):
        self.children = children
        self.manage_py = str(manage_py)
        self.env = env
        self.out = out or sys.stdout
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.grace = grace
        self.stopping = False

    def say(self, line):
        self.out.write(f"[run_demo] {line}\n")
        self.out.flush()

    def run(self):
        """Start every child and keep them running until SIGINT or SIGTERM; then stop them all."""
        previous = {signum: signal.signal(signum, self._stop) for signum in (signal.SIGINT, signal.SIGTERM)}
        try:
            for child in self.children:
                self.start(child)
            while not self.stopping:
                self.tend()
                time.sleep(0.2)
        finally:
            self.stop_all()
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    def _stop(self, signum, frame):
        if not self.stopping:
            self.say(f"{signal.Signals(signum).name}: stopping every process …")
        self.stopping = True

    def start(self, child):
        preexec = _die_with_parent if sys.platform.startswith("linux") else None
        child.process = subprocess.Popen(
            [sys.executable, self.manage_py, *child.argv], env=self.env, process_group=0, preexec_fn=preexec
        )
        child.started_at, child.restart_at = time.monotonic(), None
        child.starts += 1
        self.say(f"{child.name} started (pid {child.process.pid}): manage.py {' '.join(child.argv)}")

    def tend(self):
        """Notice children that died and start them again after their wait."""
        now = time.monotonic()
        for child in self.children:
            if child.restart_at is not None:
                if now >= child.restart_at and not self.stopping:
                    self.start(child)
                continue
            code = child.process.poll()
            if code is None:
                continue
            child.quick_deaths = child.quick_deaths + 1 if now - child.started_at < 30 else 1
            wait = min(self.backoff * 2 ** (child.quick_deaths - 1), self.max_backoff)
            child.restart_at = now + wait
            self.say(f"{child.name} stopped ({_how(code)}); starting it again in {wait:g} s")

    def stop_all(self):
        running = [c for c in self.children if c.process is not None and c.process.poll() is None]
        for child in running:
            self._signal_group(child, signal.SIGTERM)
        deadline = time.monotonic() + self.grace
        for child in running:
            try:
                child.process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                self.say(f"{child.name} did not stop within {self.grace:g} s; killing it")
                self._signal_group(child, signal.SIGKILL)
                child.process.wait()
        for child in running:
            self._signal_group(child, signal.SIGKILL)  # anything the child itself left in its group
        self.say("every process has stopped")

    @staticmethod
    def _signal_group(child, signum):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(child.process.pid, signum)


def _how(code):
    if code < 0:
        return f"killed by {signal.Signals(-code).name}"
    return f"exit code {code}"
