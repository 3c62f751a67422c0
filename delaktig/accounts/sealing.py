"""The secrets of authenticator apps, encrypted in the database with a key that is not there.

The server needs each TOTP secret to compute the codes it accepts, so the secret cannot be hashed like a password;
it is encrypted (Fernet: AES-128-CBC with an HMAC-SHA256, from `cryptography`) with a key derived from
`SECRET_KEY`, which lives in the environment, not in the database. A copy of the database or a backup therefore
gives no secret. Rotating `SECRET_KEY` the way Django rotates it keeps every app working: the old key goes into
`SECRET_KEY_FALLBACKS`, secrets are read with any of the keys and written with the first, and
`manage.py two_factor_rekey` writes every secret with the new key before the old one is dropped.
"""

import base64
import logging

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.utils.crypto import salted_hmac

SALT = "delaktig.accounts.two_factor"
logger = logging.getLogger(__name__)


def _fernet(secret_key: str) -> Fernet:
    digest = salted_hmac(SALT, "totp-secret", secret=secret_key, algorithm="sha256").digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def _keys() -> MultiFernet:
    return MultiFernet([_fernet(key) for key in [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]])


def sealed(plain: str) -> str:
    """`plain` encrypted with the current key."""
    return _keys().encrypt(plain.encode()).decode()


def opened(token: str) -> str:
    """The secret in `token`, or "" when no key at hand opens it (SECRET_KEY changed with no fallback): then no
    code matches, and the person uses a recovery code or an administrator resets the app."""
    if not token:
        return ""
    try:
        return _keys().decrypt(token.encode()).decode()
    except InvalidToken:
        logger.error("An authenticator app's secret cannot be opened with SECRET_KEY or its fallbacks")
        return ""


def resealed(token: str) -> str:
    """`token` encrypted again with the current key (raises InvalidToken when no key at hand opens it)."""
    return _keys().rotate(token.encode()).decode()
