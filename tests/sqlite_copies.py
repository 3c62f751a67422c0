"""SQLite test databases made once per test run and copied, instead of made again by each test process.

Migrating a test database and loading the demo take seconds each; copying a database file takes milliseconds.
The first test process of a run to need one makes it and leaves a copy in the run's folder; the other processes
wait for it and copy that. Used by conftest.py (the migrated database) and delaktig/demo/tests/site.py (the demo).
"""

import fcntl
import sqlite3
from contextlib import contextmanager

folder = None  # the run's folder, shared by its test processes (conftest's django_db_setup sets it)


@contextmanager
def only_one_at_a_time(name):
    """Across the run's test processes: one at a time inside the block."""
    with open(folder / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def save(database, path):
    """Write a copy of the open SQLite connection `database` to `path` (whole, or not at all)."""
    part = path.with_name(path.name + ".part")
    target = sqlite3.connect(part)
    try:
        database.backup(target)
    finally:
        target.close()
    part.rename(path)


def in_memory(database):
    """An in-memory copy of the open SQLite connection `database`, to copy back with `.backup()`."""
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    database.backup(copy)
    return copy


def in_memory_from(path):
    """An in-memory copy of the database file at `path`."""
    source = sqlite3.connect(path)
    try:
        return in_memory(source)
    finally:
        source.close()


def made_once(name, make, database):
    """An in-memory copy of the test database after `make()`, which changes the open SQLite connection
    `database`. The first process of the run to ask calls `make()`; the others copy what it left."""
    path = folder / f"{name}.sqlite3"
    with only_one_at_a_time(name):
        if not path.exists():
            make()
            save(database, path)
    return in_memory_from(path)
