"""The workspace as a whole: dashboard, the list of all dialogues, and the council's yearly overview."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from delaktig.background.selectors import stuck_tasks
from delaktig.core import exports
from delaktig.organisations.permissions import staff_view

from ... import forms, selectors
from .common import CREATE_ROLES

PAGE_SIZE = 25


def filter_form(request, *, fields=None):
    """The GET filter form and the filters it gives; a wrong value is left out, never an error."""
    municipality = request.municipality
    kwargs = {
        "bodies": list(municipality.bodies.all()),
        "years": selectors.staff_years(municipality=municipality),
        "fields": fields,
    }
    form = forms.StaffFilterForm(request.GET, **kwargs)
    filters = form.filters()
    if form.errors:
        valid = {name: value for name, value in request.GET.items() if name in form.fields and name not in form.errors}
        form = forms.StaffFilterForm(valid, **kwargs)
        form.is_valid()
    return form, filters


@require_GET
@staff_view()
def dashboard(request):
    form, filters = filter_form(request, fields=("body", "kind", "year"))
    data = selectors.staff_dashboard(municipality=request.municipality, user=request.user, filters=filters)
    context = {
        **data,
        "form": form,
        "is_filtered": form.is_filtered(),
        "may_create": bool(request.user.roles_in(request.municipality) & CREATE_ROLES),
        "stuck_tasks": stuck_tasks(municipality=request.municipality),
    }
    return render(request, "dialogues/staff/dashboard.html", context)


@require_GET
@staff_view()
def dialogue_list(request):
    form, filters = filter_form(request)
    sort = request.GET.get("sort", "")[:20]
    qs = selectors.staff_sort(
        selectors.staff_filter(selectors.staff_dialogues(municipality=request.municipality), **filters), sort
    )
    if request.GET.get("format") == "csv":
        return list_csv(qs)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "sort": sort,
        "is_filtered": form.is_filtered(),
        "columns": sort_columns(request, sort),
        "may_create": bool(request.user.roles_in(request.municipality) & CREATE_ROLES),
    }
    return render(request, "dialogues/staff/list.html", context)


def sort_columns(request, current):
    """[(key, label, query string, aria-sort)] for the sortable table headings."""
    labels = {
        "title": _("Title"),
        "kind": _("Kind"),
        "state": _("State"),
        "body": _("Body"),
        "year": _("Year"),
        "updated": _("Last updated"),
    }
    columns = []
    for key, label in labels.items():
        query = request.GET.copy()
        query.pop("page", None)
        query["sort"] = f"-{key}" if current == key else key
        aria = "ascending" if current == key else "descending" if current == f"-{key}" else ""
        columns.append((key, label, query.urlencode(), aria))
    return columns


def list_csv(qs):
    rows = [
        [
            d.pk,
            d.title,
            d.get_kind_display(),
            d.get_state_display(),
            d.responsible_body_name or "",
            d.activity_year or "",
            d.updated_at.isoformat(),
        ]
        for d in qs
    ]
    header = [_("Dialogue number"), _("Title"), _("Kind"), _("State"), _("Body"), _("Year"), _("Last updated")]
    return csv_response("dialogues.csv", header, rows)


def csv_response(filename, header, rows):
    """Commas, as these downloads have always had; core.exports adds the byte order mark and the protection."""
    return exports.csv_response(filename, [header, *rows], delimiter=exports.COMMA)
