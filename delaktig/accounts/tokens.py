"""Signed, time-limited links: confirm an e-mail address, change it, reset a password (nothing stored)."""

import hashlib
from datetime import timedelta

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import signing
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int

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


EMAIL_CHANGE_SALT = "delaktig.accounts.change-email"
EMAIL_CHANGE_MAX_AGE = timedelta(days=3)


def email_change_token_make(user, new_email):
    """A link for the new address: it names the account, the new address, and the address it had when asked.

    Once the address has changed, the old digest no longer matches, so the link works once.
    """
    payload = {"u": user.pk, "n": new_email, "o": email_digest(user.email)}
    return signing.TimestampSigner(salt=EMAIL_CHANGE_SALT).sign_object(payload, compress=True)


def email_change_token_read(token):
    """(user id, new address, digest of the address when asked) for a valid link; TokenError otherwise."""
    try:
        payload = signing.TimestampSigner(salt=EMAIL_CHANGE_SALT).unsign_object(token, max_age=EMAIL_CHANGE_MAX_AGE)
    except signing.SignatureExpired:
        raise TokenError("expired") from None
    except (signing.BadSignature, ValueError, TypeError):
        raise TokenError("invalid") from None
    fields = ("u", int), ("n", str), ("o", str)
    if not isinstance(payload, dict) or not all(isinstance(payload.get(key), kind) for key, kind in fields):
        raise TokenError("invalid")
    return payload["u"], payload["n"], payload["o"]


class PasswordResetTokens(PasswordResetTokenGenerator):
    """Django's reset tokens (they stop working once the password or the last login changes), with a shorter
    life than Django's default and a reason when they fail, so the page can say whether the link is too old."""

    max_age = timedelta(hours=24)

    def reason(self, user, token):
        """None if the link works; "expired" if it was right but is too old; "invalid" otherwise (used, or
        changed)."""
        if not (user and token and isinstance(token, str)) or token.count("-") != 1:
            return "invalid"
        try:
            timestamp = base36_to_int(token.split("-")[0])
        except ValueError:
            return "invalid"
        secrets = [self.secret, *self.secret_fallbacks]
        if not any(constant_time_compare(self._make_token_with_timestamp(user, timestamp, s), token) for s in secrets):
            return "invalid"
        if self._num_seconds(self._now()) - timestamp > self.max_age.total_seconds():
            return "expired"
        return None

    def check_token(self, user, token):
        return self.reason(user, token) is None


password_reset_tokens = PasswordResetTokens()
