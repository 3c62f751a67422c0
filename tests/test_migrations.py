"""The test database is made from the models (`--nomigrations` in pyproject.toml), which `makemigrations --check`
in `make test` keeps equal to the migrations. This test applies every migration once, from an empty database, so a
migration that fails to run is still found."""

import pytest
from django.apps import apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.migration_steps import empty_database


@pytest.mark.django_db(transaction=True)
def test_every_migration_applies_to_an_empty_database_and_makes_every_table():
    with empty_database():
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        tables = set(connection.introspection.table_names())
    expected = {model._meta.db_table for model in apps.get_models() if model._meta.managed}
    assert expected - tables == set()
