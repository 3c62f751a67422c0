"""Settings for Delaktig. Everything that varies between installations comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "insecure-development-key-change-me-in-production")
# Earlier keys while rotating (comma-separated): signed links and cookies and the authenticator apps' encrypted
# secrets made with them still work; `manage.py two_factor_rekey` moves the secrets to the new key.
SECRET_KEY_FALLBACKS = [key for key in os.environ.get("SECRET_KEY_FALLBACKS", "").split(",") if key]
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
PORT = os.environ.get("PORT", "8000")  # the port `make run` serves on
SITE_URL = os.environ.get("SITE_URL") or f"http://127.0.0.1:{PORT}"  # links in e-mail start with it


def method_apps():
    """Every package under delaktig/methods is a participation method app: no central list to edit."""
    methods_dir = BASE_DIR / "delaktig" / "methods"
    return sorted(f"delaktig.methods.{path.parent.name}" for path in methods_dir.glob("*/apps.py"))


INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_tasks",
    "django_tasks_db",
    "js_lib_leaflet",  # Leaflet's script, styles and images as static files (maps; no CDN)
    "delaktig.core",
    "delaktig.background",
    "delaktig.organisations",
    "delaktig.accounts",
    "delaktig.mailings",
    "delaktig.identity",
    "delaktig.foundation",
    "delaktig.privacy",
    "delaktig.dialogues",
    "delaktig.participation",
    "delaktig.panel",
    "delaktig.forums",
    *method_apps(),
    "delaktig.proposals",
    "delaktig.council",
    "delaktig.matters",
    "delaktig.actionplan",
    "delaktig.baseline",
    "delaktig.results",
    "delaktig.decisionbasis",
    "delaktig.followup",
    "delaktig.reports",
    "delaktig.opendata",
    "delaktig.archive",
    "delaktig.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "delaktig.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "delaktig.core.middleware.SwedishByDefaultMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "delaktig.core.middleware.MunicipalityMiddleware",
    # A login's timeout and two-step set-up, checked when a page reads request.user; after the municipality, so
    # that its redirect stays under it.
    "delaktig.accounts.middleware.LoginChecksMiddleware",
    "delaktig.core.middleware.BadInputMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "delaktig.core.context_processors.municipality",
            ],
            "builtins": ["delaktig.core.templatetags.delaktig"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'delaktig.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if "DATABASE_URL" not in os.environ:  # the embedded default: its folder is made on first use
        (BASE_DIR / "var").mkdir(exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    # A logged-in page reads its session from Redis; the database keeps every session as before (write-through).
    SESSION_ENGINE = "delaktig.core.sessions.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "delaktig.core.sessions.db"  # Django's, with a change saved in one statement

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# A running task's lease: a task whose worker stops renewing it for this long is taken up by another worker.
TASK_LEASE_SECONDS = float(os.environ.get("TASK_LEASE_SECONDS", "60"))
TASK_MAX_ATTEMPTS = int(os.environ.get("TASK_MAX_ATTEMPTS", "5"))
# The staff start page warns about a task waiting or running longer than this (minutes).
TASK_WAITING_WARNING_MINUTES = int(os.environ.get("TASK_WAITING_WARNING_MINUTES", "10"))
TASK_RUNNING_WARNING_MINUTES = int(os.environ.get("TASK_RUNNING_WARNING_MINUTES", "30"))

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = []  # each app keeps its own locale/ folder
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = BASE_DIR / "var" / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# The demo generates its decision basis while loading, so `make run` shows the downloads at once; the tests, which
# load the demo many times, leave it to the background work (and turn it on where they look at the files).
DEMO_DOCUMENTS_AT_ONCE = True
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "20"))  # a hung mail server must not hold a mailing's claim
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Delaktig <noreply@delaktig.localhost>")

DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Transport security: on by default when the site is served over HTTPS (SITE_URL), each overridable.
HTTPS = SITE_URL.startswith("https://")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 365 * 24 * 3600 if HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)  # a choice for the owner of the domain
# Behind a proxy that ends TLS: the header it sets, e.g. X-Forwarded-Proto (then https counts as secure).
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    _proxy_header = os.environ["SECURE_PROXY_SSL_HEADER"].upper().replace("-", "_").removeprefix("HTTP_")
    SECURE_PROXY_SSL_HEADER = (f"HTTP_{_proxy_header}", "https")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", env_bool("SECURE_COOKIES", HTTPS))
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", SESSION_COOKIE_SECURE)
# Secure cookies carry the __Host- prefix (OWASP ASVS 3.4.4): the browser then takes them only from this host, over
# HTTPS, for the whole site, so no other subdomain can plant one. Changing it logs everyone out once.
if SESSION_COOKIE_SECURE:
    SESSION_COOKIE_NAME = "__Host-sessionid"
if CSRF_COOKIE_SECURE:
    CSRF_COOKIE_NAME = "__Host-csrftoken"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Sent on every page by delaktig.core.middleware.ContentSecurityPolicyMiddleware; empty sends none.
# CSP_FORM_ACTION_EXTRA: origins a form may end up at after a redirect (an identity provider reached by posting a
# login form here), e.g. "https://idp.example.se"; Chrome applies form-action to the redirect too.
CSP_FORM_ACTION_EXTRA = env_list("CSP_FORM_ACTION_EXTRA")
_form_action = " ".join(["'self'", *CSP_FORM_ACTION_EXTRA])
CONTENT_SECURITY_POLICY = os.environ.get(
    "CONTENT_SECURITY_POLICY",
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    f"base-uri 'self'; form-action {_form_action}; frame-ancestors 'none'",
)
# No page uses these browser features; a page embedded elsewhere may not either.
PERMISSIONS_POLICY = os.environ.get(
    "PERMISSIONS_POLICY",
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
)
SECURE_REFERRER_POLICY = os.environ.get("SECURE_REFERRER_POLICY", "same-origin")  # Django's default, said here
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SAMESITE = "Lax"
# A login ends after this long however active (absolute), or after this long without a request (idle), in
# seconds: accounts.middleware.LoginChecksMiddleware. docs/security.md (ASVS 3.3.2) says why these values.
SESSION_ABSOLUTE_TIMEOUT = int(os.environ.get("SESSION_ABSOLUTE_TIMEOUT", str(12 * 3600)))
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_TIMEOUT", str(30 * 60)))  # typing counts (accounts:keep_alive)

LOG_LEVEL = os.environ.get("LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A refused request (400, 403, 404, a disallowed host) is one warning line, never a traceback.
    "filters": {"refusal": {"()": "delaktig.core.logs.RefusalWithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["refusal"]}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.request": {"filters": ["refusal"]},
        # django.security.<Exception>: through the filtered handler only (the logger's own filters would not
        # apply to its children).
        "django.security": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
    },
}

FORM_RENDERER = "delaktig.core.forms.Renderer"
SILENCED_SYSTEM_CHECKS = [
    "models.W047",  # SQLite skips the nulls-not-distinct membership constraint; PostgreSQL enforces it
    "security.W021",  # HSTS preload is the domain owner's choice (SECURE_HSTS_PRELOAD), not a default
]
CSRF_FAILURE_VIEW = "delaktig.core.views.csrf_failure"

# e-ID and staff single sign-on (delaktig/identity, docs/identity.md). The key for the hash of personal identity numbers
# (pins.py) lives outside the database; without it a key derived from SECRET_KEY is used and `check --deploy` warns.
EID_HASH_KEY = os.environ.get("EID_HASH_KEY", "")
OIDC_TIMEOUT = float(os.environ.get("OIDC_TIMEOUT", "5"))  # seconds for each call to a login provider
# The TEST e-ID provider at /test-e-legitimation/ (fictitious people, no real e-ID): `make run` turns it on.
# Never in production: it logs anyone in as anyone.
TEST_EID_PROVIDER = env_bool("TEST_EID_PROVIDER", False)

# Desk mode ("Registrera inkommet"): how long staff may take back an input they just entered
DESK_UNDO_MINUTES = int(os.environ.get("DESK_UNDO_MINUTES", "10"))
