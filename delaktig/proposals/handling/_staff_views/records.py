"""Records and reports: the registry as CSV, and the report on citizen proposals not yet decided."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from delaktig.organisations.permissions import staff_view

from ...selectors import settings_for
from .. import _staff_selectors as selectors_staff
from .._staff_forms import RegistryFilterForm
from .common import RECORDS_ROLES, csv_response


@require_GET
@staff_view(*RECORDS_ROLES)
def registry_csv(request):
    """Every registry entry of the municipality, optionally received between two dates, as CSV."""
    form = RegistryFilterForm(request.GET)
    if not form.is_valid():
        return render(request, "proposals/staff/registry.html", {"registry_form": form}, status=400)
    entries = selectors_staff.registry_entries(
        municipality=request.municipality,
        date_from=form.cleaned_data.get("date_from"),
        date_to=form.cleaned_data.get("date_to"),
    )
    header, rows = selectors_staff.registry_table(entries)
    filename = f"diarium-{request.municipality.slug}-{timezone.localdate().isoformat()}.csv"
    return csv_response(filename, header, rows)


def months_text(months):
    """'April and October' in the active language."""
    names = [str(MONTHS[month]) for month in sorted(months or []) if month in MONTHS]
    if len(names) < 2:
        return names[0] if names else "–"
    return _("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


@require_GET
@staff_view()
def unfinished_report(request):
    rows = selectors_staff.unfinished_citizen_proposals(municipality=request.municipality)
    context = {
        "rows": rows,
        "overdue": sum(1 for row in rows if row.is_overdue),
        "report_months": months_text(settings_for(request.municipality).report_months),
    }
    return render(request, "proposals/staff/unfinished_report.html", context)


@require_GET
@staff_view()
def unfinished_report_csv(request):
    rows = selectors_staff.unfinished_citizen_proposals(municipality=request.municipality)
    header, table = selectors_staff.unfinished_table(rows)
    filename = f"medborgarforslag-ej-avgjorda-{timezone.localdate().isoformat()}.csv"
    return csv_response(filename, header, table)
