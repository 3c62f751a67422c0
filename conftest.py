import pytest


@pytest.fixture(autouse=True)
def _test_settings(settings):
    from django.core.cache import cache

    from delaktig.core.memo import clear_all

    cache.clear()  # rate limits, cached counts and municipalities never leak from one test to the next
    clear_all()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.LANGUAGE_CODE = "sv"


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
    """One person per role in `municipality`: staff['officer'] etc."""
    from delaktig.organisations.tests.factories import staff_for

    return staff_for(municipality)


@pytest.fixture
def resident(db):
    from delaktig.accounts.tests.factories import UserFactory

    return UserFactory(name="Rut Resident")
