"""Signed, time-limited links that confirm an e-mail address (django.core.signing, nothing stored)."""

import hashlib
from datetime import timedelta

from django.core import signing

SALT = "delaktig.accounts.confirm-email"
MAX_AGE = timedelta(days=3)


class TokenError(Exception):
    """The link cannot be used; `reason` is "expired" or "invalid"."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def email_digest(email):
    """Ties a link to the address it was sent to, without putting the address in the link."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


def confirmation_token_make(user):
    return signing.TimestampSigner(salt=SALT).sign_object({"u": user.pk, "e": email_digest(user.email)}, compress=True)


def confirmation_token_read(token):
    """The (user id, e-mail digest) a valid link was made for; TokenError otherwise."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        payload = signer.unsign_object(token, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise TokenError("expired") from None
    except (signing.BadSignature, ValueError, TypeError):
        raise TokenError("invalid") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("u"), int) or not isinstance(payload.get("e"), str):
        raise TokenError("invalid")
    return payload["u"], payload["e"]
