"""All proposals with search and filters, and the moderation queue with its criteria and duplicate hints."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from delaktig.organisations.permissions import staff_view
from delaktig.participation.models import ModerationReason

from ...models import RejectionReason
from ...selectors import settings_for
from .. import _staff_selectors as selectors_staff
from .._public_selectors import comments_waiting
from .._staff_forms import RegistryFilterForm, RejectForm, StaffFilterForm
from .common import MODERATION_ROLES, RECORDS_ROLES

PAGE_SIZE = 25


@require_GET
@staff_view()
def proposal_list(request):
    municipality = request.municipality
    form = StaffFilterForm(
        request.GET or None,
        categories=list(municipality.proposal_categories.all()),
        bodies=list(municipality.bodies.all()),
    )
    filters = form.filters() if form.is_bound else {}
    qs = selectors_staff.staff_filter(selectors_staff.staff_proposals(municipality=municipality), **filters)
    roles = request.user.roles_in(municipality)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    selectors_staff.with_valid_signatures(page.object_list)
    context = {
        "form": form,
        "is_filtered": bool(filters),
        "page": page,
        "counts": selectors_staff.status_counts(municipality=municipality),
        "may_moderate": bool(roles & set(MODERATION_ROLES)),
        "may_export": bool(roles & set(RECORDS_ROLES)),
        "registry_form": RegistryFilterForm(),
    }
    return render(request, "proposals/staff/list.html", context)


def moderation_items(municipality):
    """[(proposal, duplicate hints, reject form)] oldest first."""
    rules = settings_for(municipality)
    queue = list(selectors_staff.moderation_queue(municipality=municipality))
    candidates = selectors_staff.duplicate_candidates(municipality=municipality, months=rules.duplicate_window_months)
    return rules, [
        (proposal, selectors_staff.duplicate_hints(proposal, candidates), RejectForm(prefix=f"p{proposal.pk}"))
        for proposal in queue
    ]


@require_GET
@staff_view(*MODERATION_ROLES)
def moderation(request):
    rules, items = moderation_items(request.municipality)
    context = {
        "items": items,
        "rules": rules,
        "reasons": RejectionReason.choices,
        "comments": comments_waiting(municipality=request.municipality),
        "comment_reasons": ModerationReason.choices,
    }
    return render(request, "proposals/staff/moderation.html", context)
