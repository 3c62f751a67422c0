"""What proposals offers to central pages through delaktig.core.hooks (registered in ProposalsConfig.ready)."""

import hashlib

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from delaktig.accounts import hookspecs as account_hooks
from delaktig.core import hookspecs as core_hooks
from delaktig.organisations.models import Municipality

from .handling import proposals_of, unfinished_report_send
from .models import Proposal, ProposalSettings, RejectionReason, Signature, SignatureStatus, Status
from .retention import RETENTION
from .signatures import expiry_run, signatures_of
from .workflow import TRANSITIONS


def _offered(municipality):
    """Whether residents can send e-petitions or citizen proposals now (one small query, no row created)."""
    row = (
        ProposalSettings.objects.filter(municipality=municipality)
        .values_list("epetitions_enabled", "citizen_proposals_enabled", "citizen_proposals_from")
        .first()
    )
    if row is None:
        return ProposalSettings._meta.get_field("epetitions_enabled").default
    epetitions, citizen, since = row
    return epetitions or (citizen and (since is None or since <= timezone.localdate()))


@core_hooks.main_nav_items.register
def proposals_main_nav(request):
    municipality = getattr(request, "municipality", None)
    if municipality is None or not _offered(municipality):
        return []
    return [(pgettext("main menu", "Proposals"), reverse("proposals:list", args=[municipality.slug]))]


@account_hooks.my_contributions.register
def proposals_contributions(user):
    """The person's proposals with their status and answer, and every signature with what became of it (the
    pending ones also have their own section with a button to mail the link again: signatures/_my_pages.py)."""
    proposals = [_proposal_item(p) for p in proposals_of(user).select_related("decision__body")]
    signatures = [_signature_item(s) for s in signatures_of(user)]
    if not proposals and not signatures:
        return {}
    return {_("Proposals you have sent"): proposals, _("Proposals you have signed"): signatures}


def _proposal_item(proposal):
    return {
        "title": proposal.title,
        "dialogue": proposal.municipality.name,
        "reference": proposal.registration_number,
        "url": proposal.get_absolute_url(),
        "created": proposal.submitted_at,
        "status_text": proposal.get_status_display(),
        "status_detail": _proposal_answer(proposal),
        "identity_level": proposal.identity_level,
    }


def _proposal_answer(proposal):
    """The answer in short: the decision's citation and its first words, or why the proposal was not taken up."""
    if proposal.status == Status.REJECTED and proposal.rejection_reason:
        return str(RejectionReason(proposal.rejection_reason).label)
    decision = proposal.decision
    if proposal.status != Status.DECIDED or decision is None:
        return ""
    text = " ".join(decision.text.split())
    return " – ".join(part for part in (decision.citation(), text[:200] + ("…" if len(text) > 200 else "")) if part)


def _signature_item(signature):
    proposal = signature.proposal
    return {
        "title": proposal.title,
        "dialogue": proposal.municipality.name,
        "reference": proposal.registration_number,
        "url": proposal.get_absolute_url() if proposal.is_public else "",
        "created": signature.created_at,
        **_signature_outcome(signature),
        "identity_level": signature.identity_level,
    }


def _signature_outcome(signature):
    """What became of a signature, in words."""
    if signature.status == SignatureStatus.INVALIDATED:
        return {"status_text": _("Removed"), "status_detail": signature.invalidation_reason}
    if signature.proposal.status == Status.WITHDRAWN:
        return {"status_text": _("Removed when the proposer withdrew the proposal")}
    if signature.status == SignatureStatus.PENDING:
        return {"status_text": _("Waiting for your confirmation by e-mail")}
    return {"status_text": _("Counted"), "status_detail": signature.proposal.get_status_display()}


@account_hooks.personal_data.register
def proposals_personal_data(user):
    return {
        "proposals": [_proposal_row(p) for p in proposals_of(user)],
        "proposal_signatures": [_signature_row(s) for s in signatures_of(user)],
    }


def _proposal_row(proposal):
    return {
        "municipality": proposal.municipality.name,
        "registration_number": proposal.registration_number,
        "kind": str(proposal.get_route_display()),
        "title": proposal.title,
        "text": proposal.text,
        "name_shown": proposal.proposer_name,
        "status": proposal.status,
        "status_text": str(proposal.get_status_display()),
        "submitted_at": proposal.submitted_at.isoformat() if proposal.submitted_at else None,
        "identity_level": proposal.identity_level,
    }


def _signature_row(signature):
    return {
        "municipality": signature.proposal.municipality.name,
        "proposal": signature.proposal.title,
        "proposal_registration_number": signature.proposal.registration_number,
        "name": signature.name,
        "email": signature.email,
        "name_shown_publicly": signature.show_name,
        "wants_updates": signature.wants_updates,
        "status": signature.status,
        "signed_at": signature.created_at.isoformat(),
        "identity_level": signature.identity_level,
    }


@account_hooks.erase_user.register
def proposals_erase_user(user):
    """Erasure keeps the records and removes the person from them.

    A proposal is an official document (allmän handling) that others have signed, commented and decided on:
    it stays, without its link to the person and without the name shown (proposer=None, proposer_name="").
    Its registry entry is a record kept under the municipality's retention rules, so it is not changed here.

    A signature is a record too, and it is part of an exact count that may already have created a case, so
    the row stays and keeps counting: the link to the person, the name, the e-mail address and the IP address
    are removed, and the name is no longer shown. The unique key (proposal, signer_key) must still hold, so the
    key becomes a one-way hash ("erased:<sha256>"): nobody can read the address back from it. The e-mail domain
    stays, so a bulk invalidation by domain still finds the signature. A new signature from the same address
    is then a new key; that is the price of not keeping the address.
    """
    proposals = Proposal.objects.filter(proposer=user).update(proposer=None, proposer_name="")
    signatures = list(signatures_of(user))
    for signature in signatures:
        _signature_erase(signature)
    return proposals + len(signatures)


def _signature_erase(signature):
    if not signature.signer_key.startswith("erased:"):
        signature.signer_key = "erased:" + hashlib.sha256(signature.signer_key.encode()).hexdigest()
    signature.user = None
    signature.name = ""
    signature.email = ""
    signature.ip_address = None
    signature.show_name = False
    signature.wants_updates = False
    signature.save(update_fields=["signer_key", "user", "name", "email", "ip_address", "show_name", "wants_updates"])


# --- Periodic jobs (run by `manage.py periodic`) ------------------------------------------------------------


def expiry_job():
    """Thresholds reached, signing periods that ended, steps a signing request left undone, and confirmation links
    still waiting in the outbox (signatures/_jobs.py)."""
    return expiry_run()


def report_job():
    """The report on citizen proposals not yet decided; it sends only in the report months, once a month."""
    sent = [m.slug for m in Municipality.objects.filter(is_active=True) if unfinished_report_send(municipality=m)[0]]
    return {"reports_sent": sent}


@core_hooks.periodic_jobs.register
def proposals_periodic_jobs():
    return [("proposals_expire", 10 * 60, expiry_job), ("proposals_report", 24 * 60 * 60, report_job)]


@core_hooks.retention_kinds.register
def proposals_retention():
    return RETENTION


@account_hooks.identity_protect.register
def proposals_identity_protect(user):
    """Protected identity: the name shown with the person's proposals is removed, and their signatures (by account
    or by address) are no longer shown by name. The name stays on the signature, where only staff see it."""
    proposals = Proposal.objects.filter(proposer=user).exclude(proposer_name="").update(proposer_name="")
    mine = Q(user=user) | Q(signer_key=user.email.lower())
    shown = Signature.objects.filter(mine, show_name=True).update(show_name=False)
    return proposals + shown


@core_hooks.audit_action_labels.register
def proposals_action_labels():
    """The proposals' audit events in words: each step of the lifecycle as its timeline says it, and the rest."""
    steps = {f"proposal.{step.name}": step.timeline or step.label for step in TRANSITIONS.values()}
    return {
        **steps,
        "proposal.submit": _("Proposal sent in"),
        "proposal.reach_threshold": _("Enough signatures"),
        "proposal.paper_signatures_added": _("Signatures on paper added"),
        "proposal.signatures_invalidated": _("Signatures removed"),
        "proposal.answer_mailing": _("The answer sent to the signers"),
        "proposal.case_number_change": _("Case number changed"),
        "proposals.category_create": _("Category of proposals added"),
        "proposals.category_delete": _("Category of proposals removed"),
        "proposals.settings_update": _("Settings for proposals changed"),
        "proposals.unfinished_report": _("Report on proposals not yet decided sent"),
    }
