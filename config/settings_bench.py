"""Settings for the benchmarks in bench/: production settings plus a bench-only app and URLs.

The database comes from DATABASE_URL as usual (bench/run.py creates a fresh PostgreSQL database, or a
temporary SQLite file for W8). Rate limits are raised because every simulated signer comes from 127.0.0.1.
"""

import os

from config.settings import *  # noqa: F403
from config.settings import INSTALLED_APPS

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
INSTALLED_APPS = [*INSTALLED_APPS, "bench.benchapp"]
ROOT_URLCONF = "bench.urls"
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1")

# Background work stays in the database, as in production (a worker would send the confirmation mail).
TASKS = {"default": {"BACKEND": os.environ.get("TASK_BACKEND", "django_tasks_db.DatabaseBackend")}}

# One client address for everyone: limits far above what a run sends.
BENCH_HIGH_LIMIT = 10**9
PROPOSAL_SIGN_RATE_PER_IP = BENCH_HIGH_LIMIT
PROPOSAL_SIGN_RATE_PER_DOMAIN = BENCH_HIGH_LIMIT
PROPOSAL_SIGN_RATE_IP_WINDOW = 600
PROPOSAL_SIGN_RATE_DOMAIN_WINDOW = 3600
SURVEY_SUBMIT_RATE_PER_IP = BENCH_HIGH_LIMIT
VOTES_EMAIL_RATE_PER_IP = BENCH_HIGH_LIMIT
VOTES_EMAIL_RATE_PER_ADDRESS = BENCH_HIGH_LIMIT

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False}},
}
