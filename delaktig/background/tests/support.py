"""Real worker processes on the test's database: `manage.py worker` started as a subprocess.

On PostgreSQL the subprocess connects to the test database itself (the test must commit: transaction=True).
On SQLite the in-memory test database is copied to a file the subprocess opens, and copied back when the
test is done with the workers, so the test's ORM then sees what they did.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[3]


class SharedDatabase:
    def __init__(self, tmp_path):
        self.vendor = connection.vendor
        if self.vendor == "sqlite":
            import sqlite3

            self.path = tmp_path / "shared.sqlite3"
            self.file = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            connection.ensure_connection()
            connection.connection.backup(self.file)
            self.url = f"sqlite:///{self.path}"
        else:
            s = connection.settings_dict
            self.url = (
                f"postgres://{s['USER'] or 'postgres'}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
            )

    def value(self, sql, params=()):
        """One value, read as the workers see it (plain SQL with %s placeholders)."""
        if self.vendor == "sqlite":
            return self.file.execute(sql.replace("%s", "?"), params).fetchone()[0]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()[0]

    def close(self):
        """Copy the workers' work back into the test database (SQLite)."""
        if self.vendor == "sqlite":
            self.file.backup(connection.connection)
            self.file.close()


def start_worker(database, **env):
    environment = {
        **os.environ,
        "DATABASE_URL": database.url,
        "TASK_BACKEND": "django_tasks_db.DatabaseBackend",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        **{key: str(value) for key, value in env.items()},
    }
    command = [sys.executable, "manage.py", "worker", "--interval", "0.2", "--no-startup-delay", "--no-reload"]
    return subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def kill(process):
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            kill(process)


def wait_for(condition, *, timeout, what):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"Gave up after {timeout} s waiting for {what}")
        time.sleep(0.05)
