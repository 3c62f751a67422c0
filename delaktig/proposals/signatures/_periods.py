"""When a proposal takes signatures, and until when a confirmation link still counts."""

from django.utils import timezone

from ..models import Status


def signing_open(proposal, now=None):
    """Signatures are taken while the proposal collects and the period has not ended."""
    now = now or timezone.now()
    if proposal.status != Status.COLLECTING or proposal.signing_ends_at is None:
        return False
    started = proposal.signing_starts_at is None or proposal.signing_starts_at <= now
    return started and now < proposal.signing_ends_at


def confirmation_open(proposal, now=None):
    """A link from the signing period still counts after the threshold is reached, until the period ends."""
    now = now or timezone.now()
    collecting = proposal.status in (Status.COLLECTING, Status.THRESHOLD_REACHED)
    return collecting and proposal.signing_ends_at is not None and now < proposal.signing_ends_at
