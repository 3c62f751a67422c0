"""The signed token in a confirmation link: the signature and a digest of its key, with a time limit."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "delaktig.proposals.confirm-signature"


def key_digest(signer_key):
    return hashlib.sha256(signer_key.encode()).hexdigest()[:16]


def confirmation_token_make(signature):
    payload = {"s": signature.pk, "k": key_digest(signature.signer_key)}
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object(payload, compress=True)


def confirmation_max_age():
    return timedelta(days=int(getattr(settings, "PROPOSAL_SIGN_CONFIRM_DAYS", 7)))


class TokenExpired(Exception):
    """The link is older than PROPOSAL_SIGN_CONFIRM_DAYS."""


def confirmation_token_read(token):
    """(signature id, key digest) named by a confirmation token, or None when it is not one of ours; raises
    TokenExpired when it is too old."""
    try:
        payload = signing.TimestampSigner(salt=CONFIRM_SALT).unsign_object(token, max_age=confirmation_max_age())
    except signing.SignatureExpired:
        raise TokenExpired from None
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("s"), int):
        return None
    return payload["s"], payload.get("k")
