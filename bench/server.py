"""Start and stop what a benchmark needs: a gunicorn server on 127.0.0.1, a fresh PostgreSQL database."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
PG_ADMIN_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
HOST = "127.0.0.1"


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def bench_env(database_url, **extra):
    env = {key: value for key, value in os.environ.items() if key not in ("DJANGO_SETTINGS_MODULE",)}
    env.update(DJANGO_SETTINGS_MODULE="config.settings_bench", DATABASE_URL=database_url, DEBUG="false")
    env.update({key: str(value) for key, value in extra.items()})
    return env


def manage(env, *args, timeout=900):
    """Run manage.py with the bench settings; the last stdout line of `bench` actions is JSON."""
    done = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    return done.stdout


def bench_command(env, *args, timeout=900):
    return json.loads(manage(env, "bench", *args, timeout=timeout).strip().splitlines()[-1])


class PostgresDatabase:
    """A database created for one run and dropped at its end (also when the run fails)."""

    def __init__(self, name=None):
        self.name = name or os.environ.get("BENCH_DB_NAME", "delaktig_bench")
        self.url = f"{PG_ADMIN_URL}/{self.name}"

    def _admin(self, sql):
        import psycopg

        with psycopg.connect(f"{PG_ADMIN_URL}/postgres", autocommit=True, connect_timeout=5) as connection:
            connection.execute(sql)

    def __enter__(self):
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self._admin(f'CREATE DATABASE "{self.name}"')
        return self

    def __exit__(self, *exc):
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


class Server:
    """gunicorn serving config.wsgi with the bench settings; stops its whole process group on exit."""

    def __init__(self, env, workers, threads=1, worker_class="sync", log_path=None, timeout=60):
        self.env, self.workers, self.threads, self.worker_class = env, workers, threads, worker_class
        self.port = free_port()
        self.log_path = Path(log_path) if log_path else None
        self.timeout = timeout
        self.process = None

    @property
    def base(self):
        return f"http://{HOST}:{self.port}"

    def __enter__(self):
        command = [
            GUNICORN,
            "config.wsgi:application",
            f"--bind={HOST}:{self.port}",
            f"--workers={self.workers}",
            f"--worker-class={self.worker_class}",
            f"--threads={self.threads}",
            f"--timeout={self.timeout}",
            "--backlog=2048",
            "--keep-alive=30",
            "--log-level=warning",
        ]
        log = open(self.log_path, "w") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=log, start_new_session=True)
        self._wait_ready()
        return self

    def _wait_ready(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(f"{self.base}/bench/ping/", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer within a minute")

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def log_text(self):
        return self.log_path.read_text(errors="replace") if self.log_path and self.log_path.exists() else ""


def _process_seconds(pid):
    """CPU seconds of one process and of its children that have ended (PostgreSQL backends, gunicorn workers
    that closed their connection or were replaced end during a run; their parent keeps their time)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _processes():
    """(pid, command name, process group) of every process."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                text = (entry / "stat").read_text()
            except OSError:
                continue
            name = text[text.index("(") + 1 : text.rindex(")")]
            found.append((int(entry.name), name, int(text.rsplit(")", 1)[1].split()[2])))
    return found


def _busy():
    """CPU seconds the whole machine has been busy (all cores), from /proc/stat."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


class CpuMeter:
    """CPU seconds spent by the gunicorn process group, PostgreSQL, this client and everything else on the machine
    ("other": work that is not the benchmark's and makes its figures lower) between enter and exit."""

    def __init__(self, server):
        self.server = server

    def _snapshot(self):
        import resource

        group = self.server.process.pid
        usage = resource.getrusage(resource.RUSAGE_SELF)
        totals = {"server": 0.0, "postgres": 0.0, "client": usage.ru_utime + usage.ru_stime, "machine": _busy()}
        for pid, name, pgid in _processes():
            if pgid == group:
                totals["server"] += _process_seconds(pid)
            elif name == "postgres":
                totals["postgres"] += _process_seconds(pid)
        return totals, time.monotonic()

    def __enter__(self):
        self.started = self._snapshot()
        return self

    def __exit__(self, *exc):
        (before, t0), (after, t1) = self.started, self._snapshot()
        spent = {key: after[key] - before[key] for key in before}
        spent["other"] = spent["machine"] - spent["server"] - spent["postgres"] - spent["client"]
        self.figures = {key: round(value, 1) for key, value in spent.items()}
        self.figures["wall"] = round(t1 - t0, 1)
        self.figures["cores"] = os.cpu_count()
