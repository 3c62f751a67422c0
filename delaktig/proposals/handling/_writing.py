"""What a proposer does: send a proposal, comment, withdraw. Every change is audited; mail leaves after commit."""

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from delaktig.accounts.identity import name_shown
from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.services import identity_level_of
from delaktig.core.audit import audit_record
from delaktig.participation.services import comment_create

from .. import workflow
from ..models import Proposal, Route, Status
from ..services import registration_number_next
from ._proposer_tasks import proposal_receipt_send
from ._staff_services import registry_entry_ensure


def route_offered(rules, route, today=None):
    """Whether residents may send proposals by `route` now, per the municipality's settings."""
    if route == Route.EPETITION:
        return rules.epetitions_enabled
    if route == Route.CITIZEN_PROPOSAL:
        since = rules.citizen_proposals_from
        return rules.citizen_proposals_enabled and (since is None or since <= (today or timezone.localdate()))
    return False


def identity_needed(rules):
    """Proposing always needs at least a confirmed e-mail address; a municipality may ask for more."""
    return max(rules.propose_identity_level, IdentityLevel.EMAIL)


def may_propose(user, rules):
    return user.is_authenticated and user.identity_level >= identity_needed(rules)


@transaction.atomic
def proposal_submit(
    *, municipality, proposer, route, title, text, proposer_name, submission_key, category=None, signing_days=None
):
    """Send a proposal: it is registered (number and registry entry) and the proposer gets a receipt.

    Sending the same draft twice (the same submission_key) gives back the first proposal and nothing else.
    """
    existing = _sent_before(proposer, submission_key)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():  # a lost race rolls back the number too, so the registry has no gap
            proposal = Proposal.objects.create(
                municipality=municipality,
                route=route,
                status=Status.SUBMITTED,
                title=title,
                text=text,
                category=category,
                proposer=proposer,
                proposer_name=name_shown(proposer, proposer_name),
                registration_number=registration_number_next(municipality=municipality),
                submission_key=submission_key,
                submitted_at=timezone.now(),
                identity_level=identity_level_of(proposer),
                signing_days=signing_days if route == Route.EPETITION else None,
            )
    except IntegrityError:
        existing = _sent_before(proposer, submission_key)
        if existing is None:
            raise
        return existing
    _registered(proposal)
    return proposal


def _sent_before(proposer, submission_key):
    return Proposal.objects.filter(proposer=proposer, submission_key=submission_key).first()


def _registered(proposal):
    registry_entry_ensure(proposal=proposal, number=proposal.registration_number)
    audit_record(
        municipality=proposal.municipality,
        actor=proposal.proposer,
        action="proposal.submit",
        target=proposal,
        data={"from": "", "to": Status.SUBMITTED, "label": str(Status.SUBMITTED.label), "route": proposal.route},
        public=True,
    )
    language = translation.get_language()
    transaction.on_commit(lambda: proposal_receipt_send.enqueue(proposal_id=proposal.pk, language=language))


def comment_allowed(proposal):
    """Comments are taken while the proposal is public (a withdrawn proposal is not)."""
    return proposal.is_public


def proposal_comment(*, proposal, author, text):
    """A resident's comment on a proposal; it waits for a moderator before anyone else sees it."""
    if not comment_allowed(proposal):
        raise workflow.TransitionRefused([_("Comments are closed for this proposal.")])
    return comment_create(
        target=proposal, municipality=proposal.municipality, author=author, text=text, premoderated=True
    )


def withdraw_refusals(proposal, user):
    return workflow.refusals(user, proposal, "withdraw")


@transaction.atomic
def proposal_withdraw(*, proposal, actor):
    """The proposer withdraws the proposal; allowed until it is decided. Raises workflow.TransitionRefused."""
    locked = Proposal.objects.select_for_update(of=("self",)).select_related("category").get(pk=proposal.pk)
    locked.municipality = proposal.municipality
    return workflow.transition(locked, "withdraw", actor=actor)
