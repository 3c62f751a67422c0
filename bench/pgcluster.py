"""A private PostgreSQL cluster for a fault test: its own data directory in /tmp, its own port on 127.0.0.1.

The fault test restarts the database in the middle of a burst; doing that to the machine's shared server would
break everyone else's work, so it gets a cluster of its own, created with initdb and removed at the end. As
root, the cluster belongs to the `postgres` user (initdb refuses to run as root).
"""

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

HOST = "127.0.0.1"


def postgres_bin():
    """The newest installed server's programs (Debian: /usr/lib/postgresql/<version>/bin)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda path: int(path.split("/")[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise RuntimeError("No PostgreSQL server programs found (apt-get install postgresql)")


def free_port(start=55432, tries=200):
    for port in range(start, start + tries):
        with socket.socket() as sock:
            try:
                sock.bind((HOST, port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port from {start}")


class PrivateCluster:
    """`with PrivateCluster() as cluster:` a running server at cluster.admin_url; cluster.restart() mid-run."""

    def __init__(self, port=None):
        self.bin = postgres_bin()
        self.port = port or free_port()
        self.directory = None
        self.owner = None

    @property
    def admin_url(self):
        return f"postgres://postgres@{HOST}:{self.port}"

    @property
    def data(self):
        return str(Path(self.directory) / "data")

    def _run(self, *args, timeout=120):
        done = subprocess.run(
            [str(self.bin / args[0]), *args[1:]],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=self.directory,
            user=self.owner,
            group=self.owner and pwd.getpwnam(self.owner).pw_gid,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
        return done.stdout

    def __enter__(self):
        self.directory = tempfile.mkdtemp(prefix="delaktig-faults-pg-")
        if os.geteuid() == 0:
            self.owner = "postgres"
            entry = pwd.getpwnam(self.owner)
            os.chown(self.directory, entry.pw_uid, entry.pw_gid)
        try:
            self._run("initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8")
            options = f"-p {self.port} -k {self.directory} -c listen_addresses={HOST} -c max_connections=60"
            self._run("pg_ctl", "-D", self.data, "-l", f"{self.directory}/server.log", "-o", options, "-w", "start")
        except BaseException:
            self._remove()
            raise
        return self

    def restart(self):
        """pg_ctl restart -m fast: every connection is cut, the server is back when this returns. Seconds taken."""
        started = time.monotonic()
        self._run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "restart", "-l", f"{self.directory}/server.log")
        return time.monotonic() - started

    def __exit__(self, *exc):
        with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
            self._run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
        self._remove()

    def _remove(self):
        shutil.rmtree(self.directory, ignore_errors=True)
