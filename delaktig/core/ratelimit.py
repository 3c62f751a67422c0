"""Limits on repeated attempts: one counter per scope and key in the shared cache (Redis in production).

Every limit in the project goes through here: logging in, password and e-mail links, links mailed again, and
signing a proposal. A counter's window starts at its first attempt and lasts `window` (seconds or a timedelta);
then the counter disappears. The cache key holds a hash of what is counted (an address, an e-mail address, a
domain), never the thing itself; parts are trimmed and lower-cased, so "Anna@Example.se " counts as
"anna@example.se".

`hit` is the signing hot path: it asks `incr` first, so an ongoing window costs what Django's cache charges for
one `incr` (on Redis: EXISTS and INCRBY), and only a new window adds an `add`. Why not django-ratelimit:
docs/decisions.md.
"""

import hashlib
from datetime import timedelta

from django.core.cache import cache


def client_ip(request):
    # REMOTE_ADDR only: a forwarded-for header can be forged. Behind a proxy, have the proxy set REMOTE_ADDR.
    return request.META.get("REMOTE_ADDR", "")


def _key(scope, parts):
    text = "|".join(str(part or "").strip().lower() for part in parts)
    return f"ratelimit:{scope}:{hashlib.sha256(text.encode()).hexdigest()[:32]}"


def _seconds(window):
    return int(window.total_seconds()) if isinstance(window, timedelta) else int(window)


def hit(scope, *parts, window):
    """Count one attempt and return the count in this window."""
    key = _key(scope, parts)
    try:
        return cache.incr(key)
    except ValueError:  # no counter yet, or it just expired
        if cache.add(key, 1, _seconds(window)):
            return 1
        try:
            return cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, _seconds(window))
            return 1


def count(scope, *parts):
    """The attempts counted in the current window, without counting one."""
    return cache.get(_key(scope, parts), 0)


def reached(scope, *parts, limit):
    """True when `limit` attempts are counted already: the next one is refused."""
    return count(scope, *parts) >= limit


def clear(scope, *parts):
    """Start again from nothing (a successful login clears its failed attempts)."""
    cache.delete(_key(scope, parts))
