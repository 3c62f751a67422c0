"""Reads for proposals. The signature count is always derived from the stored signatures."""

from django.db.models import Count

from delaktig.organisations.models import Body

from .models import ProposalSettings, Route, Routing, Signature, SignatureStatus


def signature_count(proposal):
    """The exact number of valid signatures."""
    return proposal.signatures.filter(status=SignatureStatus.VALID).count()


def valid_counts(proposal_ids):
    """{proposal id: exact number of valid signatures} of these proposals only, in one grouped query that reads
    their entries in the (proposal, status) index and no other proposal's signatures; a proposal without any is
    missing."""
    if not proposal_ids:
        return {}
    valid = Signature.objects.filter(proposal_id__in=proposal_ids, status=SignatureStatus.VALID).order_by()
    return dict(valid.values_list("proposal_id").annotate(n=Count("pk")))


DEFAULT_REPORT_MONTHS = [4, 10]  # April and October: the report on unfinished citizen proposals


def settings_for(municipality):
    """The municipality's proposal rules, created with the defaults the first time they are asked for."""
    found, _created = ProposalSettings.objects.get_or_create(
        municipality=municipality, defaults={"report_months": list(DEFAULT_REPORT_MONTHS)}
    )
    return found


def routed_body_for(proposal, proposal_settings=None):
    """The body that receives the proposal: KF for citizen proposals, else by the municipality's routing.

    A committee is the category's responsible body (always so for a category that skips the threshold);
    without one, or without the body asked for, the executive board, then the council, then any body.
    """
    rules = proposal_settings or settings_for(proposal.municipality)
    bodies = {body.kind: body for body in reversed(list(proposal.municipality.bodies.all()))}
    category = proposal.category
    by_category = rules.routing == Routing.COMMITTEE or (category and category.skips_threshold)
    if proposal.route != Route.CITIZEN_PROPOSAL and by_category and category and category.responsible_body_id:
        return category.responsible_body
    if proposal.route == Route.CITIZEN_PROPOSAL:
        wanted = [Body.Kind.COUNCIL]
    else:
        wanted = [] if rules.routing == Routing.COMMITTEE else [rules.routing]
    for kind in [*wanted, Body.Kind.EXECUTIVE_BOARD, Body.Kind.COUNCIL]:
        if kind in bodies:
            return bodies[kind]
    return next(iter(bodies.values()), None)
