"""The personal identity number as Delaktig keeps it: a keyed hash (HMAC-SHA256), never the number itself.

The key is EID_HASH_KEY, set in the environment outside the database, so a copy of the database alone cannot
be searched for a known number. Without it (development, tests, the demo) a key derived from SECRET_KEY is used,
and the deploy check warns (checks.py). Changing the key unlinks every e-ID: people link again at next login.
"""

import hashlib
import hmac
import re

from django.conf import settings

PIN = re.compile(r"^(\d{8})[-+]?(\d{4})$")


class InvalidPin(ValueError):
    pass


def pin_normalise(value):
    """Twelve digits (YYYYMMDDNNNN) from what a provider gives; InvalidPin for anything else."""
    found = PIN.match(str(value or "").strip())
    if not found:
        raise InvalidPin("not a twelve-digit personal identity number")
    return found.group(1) + found.group(2)


def hash_key():
    key = getattr(settings, "EID_HASH_KEY", "")
    if key:
        return key.encode()
    return hmac.new(settings.SECRET_KEY.encode(), b"delaktig.identity.pin-hash", hashlib.sha256).digest()


def pin_hash(value):
    return hmac.new(hash_key(), pin_normalise(value).encode(), hashlib.sha256).hexdigest()
