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
    """SQLite tests run in memory, which no other process can open. When the session holds a test marked
    `shared_db` (one that starts `manage.py` processes against the test database), the SQLite test database is a
    file instead, one per test process. PostgreSQL test databases are shared as they are."""
    from django.conf import settings

    default = settings.DATABASES["default"]
    shared = any(item.get_closest_marker("shared_db") for item in request.session.items)
    if shared and default["ENGINE"] == "django.db.backends.sqlite3":
        default.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("shared-db") / "test.sqlite3")


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
