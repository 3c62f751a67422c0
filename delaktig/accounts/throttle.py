"""Limits on repeated attempts, counted in the cache per e-mail address and IP address, and per IP address alone.

The pair limit stops guessing one account's password; the address limit stops password spraying, one password
tried on many accounts from one address. The address limit is higher: many people may share one address (a
school, an office). A successful login clears the pair's count, never the address's: else an attacker could
reset it by logging in to an account of their own.
"""

import hashlib
from datetime import timedelta

from django.core.cache import cache

LOGIN_LIMIT = 5
LOGIN_WINDOW = timedelta(minutes=15)
LOGIN_IP_LIMIT = 20  # failed logins from one address, whatever the account, within LOGIN_WINDOW
RESEND_LIMIT = 3
RESEND_WINDOW = timedelta(hours=1)


def client_ip(request):
    # REMOTE_ADDR only: a forwarded-for header can be forged. Behind a proxy, have the proxy set REMOTE_ADDR.
    return request.META.get("REMOTE_ADDR", "")


def _key(kind, email, ip):
    digest = hashlib.sha256(f"{(email or '').strip().lower()}|{ip}".encode()).hexdigest()
    return f"throttle:{kind}:{digest}"


def is_blocked(kind, email, ip, limit):
    return cache.get(_key(kind, email, ip), 0) >= limit


def count(kind, email, ip, window):
    """Count one attempt; the window starts at the first attempt."""
    key = _key(kind, email, ip)
    if cache.add(key, 1, int(window.total_seconds())):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, int(window.total_seconds()))


def clear(kind, email, ip):
    cache.delete(_key(kind, email, ip))
