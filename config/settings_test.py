"""Settings for pytest: everything as config.settings, plus the dummy participation method (tests/dummy_method).

Central apps' tests run against the dummy method, so they never need a real method: deleting a method deletes
only its own tests. `manage.py` and the processes a browser journey starts use config.settings (or
tests/e2e/subprocess_settings.py) and never see it.
"""

from config.settings import *  # noqa: F403
from config.settings import DATABASES, INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.dummy_method"]

# Quick and self-contained: e-mail kept in memory, tasks run at once, fast password hashing, files in memory.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DEMO_DOCUMENTS_AT_ONCE = False  # the demo is loaded many times; tests that look at its files turn it on
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LANGUAGE_CODE = "sv"
# Each test's client loads the middleware anew: WhiteNoise then finds a static file when it is asked for, instead of
# listing every static file of every app first.
WHITENOISE_AUTOREFRESH = True
# A test may replace the test database by a copy (the demo, delaktig/demo/tests/site.py) while a live server runs:
# its threads check a kept connection before they use it again, and open a new one if it was closed.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A test's commits need not wait for the disk (the transactional tests and the demo copies commit often).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"
    # Django's backend, with a flush after a transactional test that deletes rows instead of truncating every table.
    DATABASES["default"]["ENGINE"] = "tests.postgresql"
