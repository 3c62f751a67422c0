"""Data-migration tests, run on an empty database that stands in for the test database for a while.

Migrating from nothing to just before the migrations under test, then through them and back, touches a few
migrations. Doing the same on the migrated test database would first take back, and then make again, every later
migration of every app that depends on them: most of a minute each time.
"""

import sqlite3
from contextlib import contextmanager

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import override_settings

from tests import db_copies


@contextmanager
def empty_database():
    """Inside the block the test database is empty (no tables, no migrations recorded); afterwards it is back as
    it was. The data migrations use the default database, so it is the test database itself that is emptied."""
    # MIGRATION_MODULES={}: the test database itself is made from the models (--nomigrations), these need the files
    with override_settings(MIGRATION_MODULES={}), _emptied():
        yield


@contextmanager
def _emptied():
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        with db_copies.pg_copied_in(connection, "template0"):
            yield
        return
    kept = db_copies.in_memory(connection.connection)
    try:
        sqlite3.connect(":memory:").backup(connection.connection)
        yield
    finally:
        connection.ensure_connection()
        kept.backup(connection.connection)
        kept.close()


def migrate(targets):
    """Migrate the test database to `targets` [(app, migration name)]; the apps as they were then."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps
