"""The one rate-limit mechanism: counters in the cache, windows from the first attempt, and its cost."""

from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.core.cache import cache
from django.test import RequestFactory

from delaktig.core import ratelimit


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_hit_counts_and_reached_says_when_the_limit_is_met():
    for expected in (1, 2, 3):
        assert ratelimit.hit("login", "Anna@Example.se ", "192.0.2.1", window=60) == expected
    assert ratelimit.count("login", "anna@example.se", "192.0.2.1") == 3  # trimmed and lower case
    assert ratelimit.reached("login", "anna@example.se", "192.0.2.1", limit=3)
    assert not ratelimit.reached("login", "anna@example.se", "192.0.2.1", limit=4)
    assert ratelimit.count("login", "anna@example.se", "192.0.2.2") == 0  # another address, another count
    assert ratelimit.count("reset", "anna@example.se", "192.0.2.1") == 0  # another scope, another count


def test_clear_starts_again():
    ratelimit.hit("login", "anna@example.se", "", window=timedelta(minutes=15))
    ratelimit.clear("login", "anna@example.se", "")
    assert ratelimit.count("login", "anna@example.se", "") == 0


def test_the_window_starts_at_the_first_attempt():
    with time_machine.travel("2026-03-01 10:00:00+00:00", tick=False) as traveller:
        ratelimit.hit("sign-ip", "192.0.2.1", window=600)
        traveller.shift(590)
        assert ratelimit.hit("sign-ip", "192.0.2.1", window=600) == 2  # later attempts do not extend it
        traveller.shift(20)
        assert ratelimit.hit("sign-ip", "192.0.2.1", window=600) == 1


def test_keys_never_hold_what_is_counted():
    ratelimit.hit("login", "anna@example.se", "192.0.2.1", window=60)
    keys = list(cache._cache)  # the local-memory cache of the tests
    assert keys and not any("anna" in key or "192.0.2.1" in key for key in keys)


def test_an_ongoing_window_costs_one_cache_call():
    ratelimit.hit("sign-ip", "192.0.2.1", window=600)
    with mock.patch.object(cache, "incr", wraps=cache.incr) as incr, mock.patch.object(cache, "add") as add:
        ratelimit.hit("sign-ip", "192.0.2.1", window=600)
    assert incr.call_count == 1 and add.call_count == 0


def test_client_ip_is_remote_addr_only():
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.7", HTTP_X_FORWARDED_FOR="203.0.113.1")
    assert ratelimit.client_ip(request) == "192.0.2.7"
