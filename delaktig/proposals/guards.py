"""Guards for proposal steps: guard(proposal, note) returns what is missing, in words."""

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Route
from .selectors import signature_count


def _skips_threshold(proposal):
    return proposal.route == Route.CITIZEN_PROPOSAL or bool(proposal.category and proposal.category.skips_threshold)


def not_threshold_free(proposal, note):
    if _skips_threshold(proposal):
        return [_("This proposal goes to the body without collecting signatures.")]
    return []


def goes_straight_to_body(proposal, note):
    return [] if _skips_threshold(proposal) else [_("An e-petition must first collect signatures.")]


def rejection_reason_given(proposal, note):
    return [] if proposal.rejection_reason else [_("Choose the reason for rejecting.")]


def threshold_met(proposal, note):
    if proposal.threshold is None or signature_count(proposal) < proposal.threshold:
        return [_("The proposal does not have enough signatures.")]
    return []


def threshold_not_met(proposal, note):
    return [] if threshold_met(proposal, note) else [_("The proposal has enough signatures.")]


def signing_period_over(proposal, note):
    if proposal.signing_ends_at is None or proposal.signing_ends_at > timezone.now():
        return [_("The signing period is not over.")]
    return []


def decision_recorded(proposal, note):
    missing = []
    decision = proposal.decision
    if not (decision and decision.body_id):
        missing.append(_("Give the body that decided."))
    if not (decision and decision.date):
        missing.append(_("Give the date of the decision."))
    if not (decision and decision.text.strip()):
        missing.append(_("Describe the decision."))
    return missing


def referral_answered(proposal, note):
    """The board's answer to the open referral is recorded (the answer page records it and takes the step)."""
    referral = proposal.referrals.order_by("-sent_on", "-pk").first()
    if referral is None or not referral.answered_on or not referral.answer.strip():
        return [_("Record the board's answer and its date.")]
    return []
