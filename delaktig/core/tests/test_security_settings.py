"""Production settings come from the environment: HTTPS turns transport security on, each part can be turned
off; the deploy check runs clean; every page carries a Content-Security-Policy that allows no inline script."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "SITE_URL": "https://delaktig.example",
    "ALLOWED_HOSTS": "delaktig.example",
    "EID_HASH_KEY": secrets.token_urlsafe(32),  # the key of the personal identity number's hash (docs/identity.md)
}
SECURITY_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_NAME",
    "CSRF_COOKIE_NAME",
]


LEFT_OUT = {*SECURITY_SETTINGS, "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}  # the tests' own, not production's


def environment(**variables):
    env = {key: value for key, value in os.environ.items() if key not in LEFT_OUT}
    return {**env, **variables}


def settings_with(**variables):
    """The security settings that config/settings.py makes of these variables, read in a fresh process."""
    names = ", ".join(repr(name) for name in SECURITY_SETTINGS)
    code = f"import json, config.settings as s; print(json.dumps({{n: getattr(s, n, None) for n in [{names}]}}))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment(**variables), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_https_site_turns_transport_security_on():
    values = settings_with(**PRODUCTION)
    assert values["SECURE_SSL_REDIRECT"] and values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SESSION_COOKIE_NAME"] == "__Host-sessionid" and values["CSRF_COOKIE_NAME"] == "__Host-csrftoken"
    assert values["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600 and values["SECURE_HSTS_INCLUDE_SUBDOMAINS"]


def test_plain_http_development_keeps_it_off():
    values = settings_with(SITE_URL="http://127.0.0.1:8000")
    assert not any(values.values())


def test_each_part_can_be_turned_off():
    values = settings_with(**PRODUCTION, SECURE_SSL_REDIRECT="false", SECURE_HSTS_SECONDS="0", CSRF_COOKIE_SECURE="0")
    assert values["SECURE_SSL_REDIRECT"] is False and values["SECURE_HSTS_SECONDS"] == 0
    assert values["CSRF_COOKIE_SECURE"] is False and values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_NAME"] is None  # Django's own name: a __Host- cookie must be Secure


def test_behind_a_proxy_its_header_says_https():
    values = settings_with(**PRODUCTION, SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto")
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_deploy_check_is_clean_with_production_variables():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment(**PRODUCTION),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_pages_carry_the_content_security_policy(client, municipality):
    for url in (reverse("core:home", args=[municipality.slug]), reverse("accounts:login"), "/no-such-page/"):
        policy = client.get(url)["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "default-src 'self'" in policy
        assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_an_empty_policy_sends_none(client, municipality, settings):
    settings.CONTENT_SECURITY_POLICY = ""
    assert "Content-Security-Policy" not in client.get(reverse("core:home", args=[municipality.slug]))
