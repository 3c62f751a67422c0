"""Start `manage.py run_demo` as `make run` does, against the test database, and watch what it says."""

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from django.conf import settings

STARTED = re.compile(r"\[run_demo\] (\w+) started \(pid (\d+)\)")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class DemoRun:
    def __init__(self, database_url, *, backoff=0.2, settings_module="config.settings", env=None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.lines = []
        self.env = {**os.environ, **(env or {}), "DATABASE_URL": database_url}
        self.env["DJANGO_SETTINGS_MODULE"] = settings_module
        self.env.pop("SITE_URL", None)  # run_demo makes it from the port
        self.argv = [sys.executable, str(settings.BASE_DIR / "manage.py"), "run_demo", "--port", str(self.port)]
        self.argv += ["--backoff", str(backoff)]
        self.process = None
        self._reader = None

    def start(self):
        self.process = subprocess.Popen(
            self.argv, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        return self

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line)

    def output(self):
        return "".join(self.lines)

    def started(self):
        """[(name, pid)] of every child start announced so far, in order."""
        return [(m.group(1), int(m.group(2))) for line in list(self.lines) if (m := STARTED.search(line))]

    def pids(self):
        return dict(self.started())  # the latest pid of each child

    def wait_for(self, condition, *, timeout=60, what="the condition"):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = condition()
            if result:
                return result
            if self.process.poll() is not None and not self._reader.is_alive():
                break
            time.sleep(0.1)
        raise AssertionError(f"Timed out waiting for {what}. run_demo said:\n{self.output()[-6000:]}")

    def wait_until_serving(self, path="/demo/inkorg/", timeout=90):
        def answers():
            try:
                with urllib.request.urlopen(self.url + path, timeout=2) as response:
                    return response.status == 200
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                return False

        return self.wait_for(answers, timeout=timeout, what=f"the web server to answer {path}")

    def stop(self, signum=signal.SIGINT, timeout=30):
        """Stop run_demo as Ctrl-C does; returns its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signum)
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(f"run_demo did not stop within {timeout} s:\n{self.output()[-6000:]}") from None
        self._reader.join(timeout=10)
        return code


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
