"""Reads for proposals. The signature count is always derived from the stored signatures."""

from django.core.cache import cache

from .models import SignatureStatus

PUBLIC_COUNT_SECONDS = 30  # the public count may lag this much (the issue allows 60 s)


def signature_count(proposal):
    """The exact number of valid signatures."""
    return proposal.signatures.filter(status=SignatureStatus.VALID).count()


def public_signature_count(proposal):
    """The count shown to the public, cached briefly so a busy proposal costs one COUNT per interval."""
    key = f"proposal-count:{proposal.pk}"
    count = cache.get(key)
    if count is None:
        count = signature_count(proposal)
        cache.set(key, count, PUBLIC_COUNT_SECONDS)
    return count
