"""E-petition datasets for open data (hook `open_data_datasets`).

Public proposals only (PUBLIC_STATUSES), with their exact count of valid signatures derived from the rows.
Never the proposer's name or e-mail, never a signer: open data carries no names at all.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from delaktig.core import hookspecs as core_hooks
from delaktig.core.contributions import Dataset, DatasetField, detail_by_pk, iso_or_none
from delaktig.core.models import AuditEvent
from delaktig.organisations.models import Decision

from .models import PUBLIC_STATUSES, Proposal, Route, SignatureStatus, Status

YEAR_BOUNDS = (1900, 2999)


def _public(municipality):
    return Proposal.objects.filter(municipality=municipality, status__in=PUBLIC_STATUSES)


def epetition_rows(municipality, filters):
    qs = (
        _public(municipality)
        .select_related("category", "routed_body", "decision__body", "case__body", "municipality")
        .annotate(valid_count=Count("signatures", filter=Q(signatures__status=SignatureStatus.VALID)))
    )
    if "status" in filters:
        qs = qs.filter(status=filters["status"])
    if "category" in filters:
        qs = qs.filter(category__name__iexact=filters["category"])
    if "route" in filters:
        qs = qs.filter(route=filters["route"])
    if "year" in filters:
        qs = qs.filter(submitted_at__year=filters["year"])
    return qs.order_by("id")


def _case(proposal):
    try:
        return proposal.case
    except Proposal.case.RelatedObjectDoesNotExist:
        return None


def epetition_row(proposal):
    case = _case(proposal)
    body = case.body if case else proposal.routed_body
    decision = proposal.decision or Decision()
    return {
        "id": proposal.pk,
        "title": proposal.title,
        "text": proposal.text,
        "category": proposal.category.name if proposal.category else None,
        "status": proposal.status,
        "route": proposal.route,
        "signatures": proposal.valid_count,
        "threshold": proposal.threshold,
        "signing_starts_at": iso_or_none(proposal.signing_starts_at),
        "signing_ends_at": iso_or_none(proposal.signing_ends_at),
        "registration_number": (case.registration_number if case else proposal.registration_number) or None,
        "body": body.name if body else None,
        "decision_body": decision.body.name if decision.body else None,
        "decision_date": iso_or_none(decision.date),
        "answer": decision.text,
        "url": proposal.get_absolute_url(),
    }


EPETITIONS = Dataset(
    key="e-petitions",
    title=_("E-petitions and citizen proposals"),
    description=_(
        "Proposals from residents that are public: the proposal, its category and status, the number of valid "
        "signatures and the threshold, the signing period, the registration number, the body that handles it and "
        "its answer. No names of proposers or signers."
    ),
    fields=(
        DatasetField("id", "integer", _("Identifier of the proposal")),
        DatasetField("title", "string", _("Title")),
        DatasetField("text", "string", _("The proposal")),
        DatasetField("category", "string", _("Category"), nullable=True),
        DatasetField("status", "string", _("Status")),
        DatasetField("route", "string", _("Kind: epetition or citizen_proposal")),
        DatasetField("signatures", "integer", _("Number of valid signatures")),
        DatasetField("threshold", "integer", _("Signatures needed"), nullable=True),
        DatasetField("signing_starts_at", "date-time", _("When signing started"), nullable=True),
        DatasetField("signing_ends_at", "date-time", _("When signing ends"), nullable=True),
        DatasetField("registration_number", "string", _("Registration number of the case"), nullable=True),
        DatasetField("body", "string", _("The body that handles the proposal"), nullable=True),
        DatasetField("decision_body", "string", _("The body that decided"), nullable=True),
        DatasetField("decision_date", "date", _("Date of the decision"), nullable=True),
        DatasetField("answer", "string", _("The decision or answer")),
        DatasetField("url", "string", _("The proposal's page")),
    ),
    rows=epetition_rows,
    to_row=epetition_row,
    filters=(
        DatasetField("status", "string", _("Only proposals with this status")),
        DatasetField("category", "string", _("Only proposals in this category (its name)")),
        DatasetField("route", "string", _("Only proposals of this kind")),
        DatasetField("year", "integer", _("Only proposals submitted this year")),
    ),
    detail=detail_by_pk(epetition_rows, epetition_row),
    keywords=("e-förslag", "medborgarförslag", "demokrati"),
    order=50,
    extra={
        "choices": {"status": tuple(s for s in Status.values if s in PUBLIC_STATUSES), "route": tuple(Route.values)},
        "bounds": {"year": YEAR_BOUNDS},
    },
)


# The history of statuses: the public steps of each public proposal, when they happened (never by whom).


def status_rows(municipality, filters):
    public = _public(municipality)
    if "proposal" in filters:
        public = public.filter(pk=filters["proposal"])
    qs = AuditEvent.objects.filter(
        municipality=municipality,
        target_type=ContentType.objects.get_for_model(Proposal),
        target_id__in=public.values("pk"),
        public=True,
    )
    return qs.order_by("target_id", "created_at", "id")


def status_row(event):
    return {
        "id": event.pk,
        "proposal_id": event.target_id,
        "from_status": event.data.get("from") or None,
        "to_status": event.data.get("to") or "",
        "at": iso_or_none(event.created_at),
    }


STATUSES = Dataset(
    key="e-petition-statuses",
    title=_("Status history of proposals"),
    description=_("Each public step of each public proposal, with the status before and after and when it happened."),
    fields=(
        DatasetField("id", "integer", _("Identifier of the step")),
        DatasetField("proposal_id", "integer", _("The proposal")),
        DatasetField("from_status", "string", _("Status before"), nullable=True),
        DatasetField("to_status", "string", _("Status after")),
        DatasetField("at", "date-time", _("When it happened")),
    ),
    rows=status_rows,
    to_row=status_row,
    filters=(DatasetField("proposal", "integer", _("Only the steps of this proposal")),),
    detail=detail_by_pk(status_rows, status_row),
    keywords=("e-förslag", "medborgarförslag"),
    order=51,
)


@core_hooks.open_data_datasets.register
def proposal_datasets():
    return [EPETITIONS, STATUSES]
