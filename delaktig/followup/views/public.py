"""The public pages of follow-up: what happens now (all measures) and the feed of published feedback."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .. import selectors
from ..forms import MeasureFilterForm

PAGE_SIZE = 20


@require_safe
def implementation(request):
    counts = selectors.status_counts(municipality=request.municipality)
    form = MeasureFilterForm(request.GET or None, counts=counts)
    status = form.status_value()
    measures = selectors.public_measures(municipality=request.municipality, status=status)
    page = Paginator(measures, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form if form.is_bound and form.is_valid() else MeasureFilterForm(counts=counts),
        "page": page,
        "is_filtered": bool(status),
    }
    return render(request, "followup/public/implementation.html", context)
