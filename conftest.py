import shutil
from pathlib import Path

import pytest

pytest_plugins = ["tests.e2e.browser"]  # the browser fixtures, for journeys here and in a method's own tests


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Rate limits, cached counts, municipalities and stored files never leak from one test to the next. (The test
    settings themselves, e-mail and files in memory and tasks run at once, are in config/settings_test.py.)"""
    from django.core.cache import cache
    from django.core.files.storage import default_storage, storages
    from django.utils.functional import empty

    from delaktig.core.memo import clear_all

    cache.clear()
    clear_all()
    storages._storages = {}  # a new in-memory storage for each test, as Django does when STORAGES changes
    default_storage._wrapped = empty


@pytest.fixture
def municipality(db):
    from delaktig.organisations.tests.factories import MunicipalityFactory

    return MunicipalityFactory()


@pytest.fixture
def other_municipality(db):
    from delaktig.organisations.tests.factories import MunicipalityFactory

    return MunicipalityFactory()


@pytest.fixture
def staff(municipality):
    """One person per role in `municipality`: staff['officer'] etc., each made the first time a test asks for it."""
    from delaktig.organisations.tests.factories import StaffOf

    return StaffOf(municipality)


@pytest.fixture
def resident(db):
    from delaktig.accounts.tests.factories import UserFactory

    return UserFactory(name="Rut Resident")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, request, tmp_path_factory):
    """SQLite tests run in memory, which no other process can open. The SQLite test database is a file instead,
    one per test process, when the session holds a test marked `shared_db` (one that starts `manage.py`
    processes against the test database), or when the tests run in several processes (each copies the migrated
    database, see django_db_setup). PostgreSQL test databases are shared as they are."""
    from django.conf import settings

    default = settings.DATABASES["default"]
    shared = any(item.get_closest_marker("shared_db") for item in request.session.items)
    if (shared or _test_process_of_several(request)) and default["ENGINE"] == "django.db.backends.sqlite3":
        default.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("shared-db") / "test.sqlite3")


def _test_process_of_several(request):
    return hasattr(request.config, "workerinput")  # pytest-xdist's worker


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
    tmp_path_factory,
):
    """pytest-django's, except that the test processes of a run migrate once (tests/db_copies.py): the first to
    get here migrates its test database and leaves a copy, which the others start from (on SQLite when the tests
    run in several processes, on PostgreSQL always)."""
    from django.db import connection
    from pytest_django.fixtures import django_db_setup as pytest_django_db_setup

    from tests import db_copies

    def setup(*, keepdb, createdb):  # pytest-django's own fixture, as a generator
        return pytest_django_db_setup.__wrapped__(
            request=request,
            django_test_environment=django_test_environment,
            django_db_blocker=django_db_blocker,
            django_db_use_migrations=django_db_use_migrations,
            django_db_keepdb=keepdb,
            django_db_createdb=createdb,
            django_db_modify_db_settings=django_db_modify_db_settings,
        )

    several = _test_process_of_several(request)
    db_copies.folder = tmp_path_factory.getbasetemp().parent if several else tmp_path_factory.getbasetemp()
    # Made once and copied, also without migrations (--nomigrations: the tables are made from the models), since
    # the demo's copies start from that database.
    if django_db_keepdb or connection.vendor not in ("sqlite", "postgresql"):
        yield from setup(keepdb=django_db_keepdb, createdb=django_db_createdb)
    elif connection.vendor == "postgresql":
        yield from _postgresql_migrated_once(setup, connection, django_db_blocker, createdb=django_db_createdb)
    elif several:
        yield from _sqlite_migrated_once(setup, connection, django_db_blocker, createdb=django_db_createdb)
    else:
        yield from setup(keepdb=django_db_keepdb, createdb=django_db_createdb)


def _sqlite_migrated_once(setup, connection, django_db_blocker, *, createdb):
    from tests import db_copies

    own, migrated = Path(connection.settings_dict["TEST"]["NAME"]), db_copies.folder / "migrated.sqlite3"
    with db_copies.only_one_at_a_time("migrated"):
        copied = migrated.exists()
        if copied:
            shutil.copyfile(migrated, own)  # kept as it is: nothing is left to migrate
        steps = setup(keepdb=copied, createdb=createdb and not copied)
        next(steps)
        if not copied:
            with django_db_blocker.unblock():
                connection.ensure_connection()
                db_copies.save(connection.connection, migrated)
    yield
    next(steps, None)
    if copied:  # pytest-django destroys only the databases it made
        with django_db_blocker.unblock():
            connection.close()
        for path in (own, own.with_name(own.name + "-wal"), own.with_name(own.name + "-shm")):
            path.unlink(missing_ok=True)


def _postgresql_migrated_once(setup, connection, django_db_blocker, *, createdb):
    """The first test process of the run migrates its test database and leaves a copy (a database named
    test_…_migrated); the others' test databases are made as copies of it."""
    from tests import db_copies

    own = connection.creation._get_test_db_name()
    migrated, marker = db_copies.template_name(own, "migrated"), db_copies.folder / "migrated.pg"
    with db_copies.only_one_at_a_time("migrated"), django_db_blocker.unblock():
        copied = marker.exists()
        if copied:
            db_copies.pg_copy(connection, own, migrated)
        steps = setup(keepdb=copied, createdb=createdb and not copied)
        next(steps)
        if not copied:
            db_copies.pg_copy(connection, migrated, own)
            marker.touch()
    yield
    next(steps, None)
    if copied:  # pytest-django destroys only the databases it made
        with django_db_blocker.unblock():
            connection.close()
            db_copies.pg_drop(connection, own)


@pytest.fixture
def shared_database_url(request, transactional_db):
    """DATABASE_URL of the test database, for a `manage.py` process the test starts (the test is marked shared_db)."""
    from urllib.parse import quote

    from django.db import connection

    assert request.node.get_closest_marker("shared_db"), "mark the test with @pytest.mark.shared_db"
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    credentials = f"{quote(db['USER'] or '')}:{quote(db['PASSWORD'] or '')}@" if db["USER"] else ""
    return f"postgres://{credentials}{db['HOST'] or ''}:{db['PORT'] or 5432}/{quote(db['NAME'])}"
