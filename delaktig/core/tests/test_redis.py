"""The production cache: with REDIS_URL the cache, the rate limits and a copy of each session live in Redis.

Runs against the Redis on 127.0.0.1:6379 when there is one (as in production-like runs); skipped otherwise.
"""

import socket
import uuid

import pytest
from django.core.cache import caches

pytestmark = pytest.mark.django_db


def _redis_listens():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture
def redis_cache(settings):
    if not _redis_listens():
        pytest.skip("no Redis on 127.0.0.1:6379")
    prefix = f"test-{uuid.uuid4().hex[:8]}"  # parallel test processes share the server: keys of our own
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": prefix,
        }
    }
    settings.SESSION_ENGINE = "delaktig.core.sessions.cached_db"  # as config/settings.py with REDIS_URL
    client = caches["default"]._cache.get_client()
    yield client, prefix
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def test_rate_limits_count_in_redis(redis_cache):
    from delaktig.proposals.signatures._protection import rate_limit_hit

    for _ in range(3):
        assert rate_limit_hit(ip="192.0.2.1", domain="example.se") is None
    client, prefix = redis_cache
    assert (
        len(list(client.scan_iter(f"{prefix}:1:ratelimit:sign-*"))) == 2
    )  # one counter for the IP, one for the domain


def test_a_logged_in_person_keeps_the_session_through_the_cache(redis_cache, client, municipality):
    from django.contrib.sessions.models import Session

    from delaktig.accounts.tests.factories import UserFactory

    client.force_login(UserFactory(email="rut@example.se"))
    assert Session.objects.count() == 1  # written through to the database
    response = client.get("/konto/mina-sidor/", follow=True)
    assert response.status_code == 200 and response.wsgi_request.user.is_authenticated
