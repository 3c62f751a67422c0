"""The threshold and the end of the signing period.

threshold_check() runs after a signature becomes valid. It reads the count without a lock; only when the
count has reached the threshold does it lock the proposal row, count again and open the case. The case is
one-to-one with the proposal, so it exists at most once however many signers cross the line together.

In a rush, a signer's check is skipped while the count that some check stored at most
PROPOSAL_THRESHOLD_CHECK_SECONDS (2) ago is far below the threshold, so the case opens at most a few seconds
after the line is crossed, with one COUNT per interval instead of one per signer. proposals_expire(), run
every few minutes, checks every collecting proposal exactly, so nothing depends on the cache being right.

A signature is committed before its threshold check runs. When that check (or the mailing it queues) fails,
the database restarting, say, the signer still gets the thank-you page and thresholds_recheck(), run by the
same periodic command, does the step later: nothing that happens after the commit can lose a case or a mail.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from delaktig.core.models import AuditEvent
from delaktig.mailings.models import Mailing

from .. import workflow
from ..models import BelowThreshold, Proposal, ProposalCase, Route, Signature, SignatureStatus, Status
from ..selectors import routed_body_for, settings_for, signature_count
from ..services import registration_number_next
from ._selectors import count_cache_forget
from ._tasks import threshold_mailing_task
from ._threshold_mailing import THRESHOLD_PURPOSE, threshold_mailing_create

logger = logging.getLogger(__name__)
RECHECK_WINDOW = timedelta(days=1)  # how far back thresholds_recheck looks: many missed runs of the command


CHECK_KEY = "proposal-threshold-count:{pk}"


def _far_below(proposal_id, threshold):
    slack = int(getattr(settings, "PROPOSAL_THRESHOLD_CHECK_SLACK", 100))
    cached = cache.get(CHECK_KEY.format(pk=proposal_id))
    return cached is not None and cached + slack < threshold


def _count_checked(proposal):
    count = signature_count(proposal)
    seconds = float(getattr(settings, "PROPOSAL_THRESHOLD_CHECK_SECONDS", 2))
    cache.set(CHECK_KEY.format(pk=proposal.pk), count, seconds)
    return count


def threshold_check(proposal_id, *, threshold=None):
    """Open the case if the proposal now has enough valid signatures. Returns the new case or None."""
    if threshold is not None and _far_below(proposal_id, threshold):
        return None
    proposal = Proposal.objects.filter(pk=proposal_id, status=Status.COLLECTING).only("pk", "threshold").first()
    if proposal is None or proposal.threshold is None or _count_checked(proposal) < proposal.threshold:
        return None
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().filter(pk=proposal_id).first()
        if proposal is None or proposal.status != Status.COLLECTING:
            return None
        return _case_open(proposal)


def _case_open(proposal):
    """Inside a transaction, with the proposal row locked: count again and open the case if enough."""
    count = signature_count(proposal)
    if proposal.threshold is None or count < proposal.threshold:
        return None
    body = routed_body_for(proposal)
    if body is None:
        logger.error("Proposal %s reached its threshold but the municipality has no body to receive it", proposal.pk)
        return None
    number = registration_number_next(municipality=proposal.municipality)
    case = ProposalCase.objects.create(proposal=proposal, registration_number=number, body=body)
    proposal.routed_body = body
    workflow.transition(
        proposal, "reach_threshold", actor=workflow.SYSTEM, data={"count": count, "case": number, "body": body.name}
    )
    proposal_id = proposal.pk
    transaction.on_commit(lambda: _after_threshold(proposal_id))
    return case


def _after_threshold(proposal_id):
    count_cache_forget(proposal_id)
    threshold_mailing_task.enqueue(proposal_id=proposal_id)


def proposals_expire():
    """Check every collecting e-petition: open cases that have enough, end the periods that are over.

    Returns {"threshold": n, "closed": n, "officer": n}. Safe to run as often as you like.
    """
    result = {"threshold": 0, "closed": 0, "officer": 0}
    collecting = Proposal.objects.filter(status=Status.COLLECTING, route=Route.EPETITION).order_by("pk")
    for proposal_id in collecting.values_list("pk", flat=True):
        outcome = _expire_one(proposal_id)
        if outcome:
            result[outcome] += 1
    return result


@transaction.atomic
def _expire_one(proposal_id):
    if threshold_check(proposal_id) is not None:
        return "threshold"
    proposal = Proposal.objects.select_for_update().filter(pk=proposal_id).first()
    if proposal is None or proposal.status != Status.COLLECTING:
        return None
    if proposal.signing_ends_at is None or proposal.signing_ends_at > timezone.now():
        return None
    if _case_open(proposal) is not None:  # a signature arrived between the check and the lock
        return "threshold"
    count = signature_count(proposal)
    if proposal.threshold is not None and count >= proposal.threshold:
        return None  # enough signatures but no body to receive them (logged): never close it
    officer = settings_for(proposal.municipality).below_threshold == BelowThreshold.OFFICER
    step = "hand_to_officer" if officer else "close_below_threshold"
    workflow.transition(proposal, step, actor=workflow.SYSTEM, data={"count": count})
    transaction.on_commit(lambda: count_cache_forget(proposal_id))
    return "officer" if officer else "closed"


def thresholds_recheck(*, since=None):
    """Redo what a signing request may have failed to do after its signature was committed.

    For every collecting proposal with a signature made valid since `since` (default: a day ago): the threshold
    check. For every proposal that reached its threshold since then: the mailing to the signers, if it was
    never created. Both steps
    are idempotent (the row lock, the one-to-one case, one mailing per purpose and proposal), so this is safe to
    run as often as you like; proposals_expire runs it every time. Returns {"threshold": n, "mailings": n}.
    """
    since = since or timezone.now() - RECHECK_WINDOW
    result = {"threshold": 0, "mailings": 0}
    for proposal_id in _recently_signed(since):
        if threshold_check(proposal_id) is not None:
            result["threshold"] += 1
    for proposal_id in _cases_without_mailing(since):
        if threshold_mailing_create(proposal_id=proposal_id) is not None:
            result["mailings"] += 1
    return result


def _recently_signed(since):
    recent = Signature.objects.filter(proposal=OuterRef("pk"), status=SignatureStatus.VALID, confirmed_at__gte=since)
    collecting = Proposal.objects.filter(status=Status.COLLECTING, route=Route.EPETITION)
    return list(collecting.filter(Exists(recent)).order_by("pk").values_list("pk", flat=True))


def _cases_without_mailing(since):
    """Proposals whose threshold was reached since `since` (the workflow step's audit event) with no mailing."""
    proposal_type = ContentType.objects.get_for_model(Proposal)
    mailed = Mailing.objects.filter(
        purpose=THRESHOLD_PURPOSE, target_type=proposal_type, target_id=OuterRef("target_id")
    )
    reached = AuditEvent.objects.filter(
        action="proposal.reach_threshold", target_type=proposal_type, created_at__gte=since
    ).exclude(Exists(mailed))
    return sorted(set(reached.values_list("target_id", flat=True)))
