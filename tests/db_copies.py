"""Test databases made once per test run and copied, instead of made again by each test process.

Migrating a test database and loading the demo take seconds each; copying a database takes a fraction of a second
(an SQLite file with SQLite's backup API, a PostgreSQL database with CREATE DATABASE … TEMPLATE). The first test
process of a run to need one makes it and leaves a copy (SQLite: a file in the run's folder; PostgreSQL: a
database named after the test database, with a marker file in the run's folder); the other processes wait for it
and copy that. Copies left by an earlier run are made again: the run's folder is new. Used by conftest.py (the
migrated database) and delaktig/demo/tests/site.py (the demo).
"""

import fcntl
import re
import sqlite3
import time
from contextlib import contextmanager
from functools import partial

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


# PostgreSQL: a database is copied with CREATE DATABASE … TEMPLATE (a fraction of a second for the test database),
# from the maintenance database, while nobody is connected to the source.


def _execute(connection, *statements):
    with connection._nodb_cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _quoted(connection, name):
    return connection.ops.quote_name(name)


def template_name(test_database, what):
    """The run's database `what` ("migrated", "demo"): named after the test database, without the test process's
    suffix."""
    return f"{re.sub(r'_gw[0-9]+$', '', test_database)}_{what}"


def pg_drop(connection, name):
    _execute(connection, f"DROP DATABASE IF EXISTS {_quoted(connection, name)} WITH (FORCE)")


def pg_copy(connection, target, template):
    """Database `target` made anew as a copy of `template` (connections to `target` are closed first)."""
    connection.close()
    q = partial(_quoted, connection)
    _execute(
        connection,
        f"DROP DATABASE IF EXISTS {q(target)} WITH (FORCE)",
        f"CREATE DATABASE {q(target)} TEMPLATE {q(template)}",
    )


def pg_made_once(connection, what, make, start="migrated"):
    """The name of the run's database `what`, made by the first test process of the run to ask: `make()` fills
    the test database, a copy of the run's database `start` then, which is then copied. The test database is put
    back as it was afterwards."""
    own = connection.settings_dict["NAME"]
    name, marker = template_name(own, what), folder / f"{what}.pg"
    with only_one_at_a_time(what):
        if not marker.exists():
            with pg_copied_in(connection, template_name(own, start)):
                make()
                pg_copy(connection, name, own)
            marker.touch()
    return name


@contextmanager
def pg_copied_in(connection, template):
    """Inside the block the test database is a copy of the database `template`; afterwards it is back as it was
    before the block, whatever the block did (the original waits under another name: renaming a database is
    instant). Other connections to the test database (a live server's kept ones) are ended first."""
    own = connection.settings_dict["NAME"]
    aside = f"{own}_aside"
    q = partial(_quoted, connection)
    connection.close()
    _end_others(connection, own)
    _execute(
        connection, f"DROP DATABASE IF EXISTS {q(aside)} WITH (FORCE)", f"ALTER DATABASE {q(own)} RENAME TO {q(aside)}"
    )
    try:
        _execute(connection, f"CREATE DATABASE {q(own)} TEMPLATE {q(template)}")
        yield
    finally:
        connection.close()
        _execute(connection, f"DROP DATABASE IF EXISTS {q(own)} WITH (FORCE)")
        _end_others(connection, aside)
        _execute(connection, f"ALTER DATABASE {q(aside)} RENAME TO {q(own)}")


def _end_others(connection, name):
    """End every other connection to database `name` and wait (up to 10 s) until they are gone."""
    others = "FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()"
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"SELECT pg_terminate_backend(pid) {others}", [name])
        for _wait in range(200):
            cursor.execute(f"SELECT count(*) {others}", [name])
            if not cursor.fetchone()[0]:
                return
            time.sleep(0.05)
