"""Settings for the `manage.py` processes a browser journey starts: everything as `make run`, files in the test's
own folder instead of var/media."""

import os

from django.conf import global_settings

from config.settings import *  # noqa: F403

MEDIA_ROOT = os.environ["DELAKTIG_TEST_MEDIA_ROOT"]
# The test process stores passwords with the fast MD5 hasher (config/settings_test.py); the processes check them.
PASSWORD_HASHERS = [*global_settings.PASSWORD_HASHERS, "django.contrib.auth.hashers.MD5PasswordHasher"]
