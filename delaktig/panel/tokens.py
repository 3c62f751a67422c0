"""Signed links for a member without an account: confirm the sign-up, see one's data, leave the panel.

A link names the member and their `link_key`; a new key (after leaving or erasure) stops every link sent before.
Nothing else is stored. Links to leave never expire, as an e-mail may be read long after it was sent.
"""

from datetime import timedelta

from django.core import signing

CONFIRM_MAX_AGE = timedelta(days=7)
DATA_MAX_AGE = timedelta(days=3)
PURPOSES = {"confirm": CONFIRM_MAX_AGE, "data": DATA_MAX_AGE, "leave": None}


def link_token_make(member, purpose):
    return signing.TimestampSigner(salt=f"delaktig.panel.{purpose}").sign_object({"m": member.pk, "k": member.link_key})


def link_token_read(token, purpose):
    """(member id, link key) of a valid token; None when it is wrong, tampered with or too old."""
    signer = signing.TimestampSigner(salt=f"delaktig.panel.{purpose}")
    try:
        payload = signer.unsign_object(token, max_age=PURPOSES[purpose])
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("m"), int) or not isinstance(payload.get("k"), str):
        return None
    return payload["m"], payload["k"]
