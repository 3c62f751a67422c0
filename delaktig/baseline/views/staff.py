"""Staff pages of the baseline: the baseline on the ladder (chart, tables, XLSX), the register of activities run
outside the platform (list, add, change, remove, import from XLSX or CSV with a preview), and capacity per year.

Democracy officers and administrators see and change everything; officers see the baseline and register, change
and import the activities of their own departments."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.organisations.models import Role
from delaktig.organisations.permissions import staff_view

from .. import exports, selectors, services
from ..charts import ladder_chart
from ..forms import ActivityForm, CapacityForm, ImportConfirmForm, ImportForm, YearForm, this_year
from ..models import Activity, Capacity

COORDINATORS = (Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER)
REGISTRARS = (*COORDINATORS, Role.OFFICER)
PAGE_SIZE = 50


def _posted(request):
    return request.POST if request.method == "POST" else None


def _year(request):
    form = YearForm(request.GET or None)
    year = form.cleaned_data["year"] if form.is_valid() else None
    return year or this_year()


def _coordinates(request):
    return request.user.has_role(request.municipality, *COORDINATORS)


def _departments(request):
    return selectors.departments_for(request.user, request.municipality, everyone=_coordinates(request))


def find_activity(request, pk):
    selectors.activity_get(municipality=request.municipality, pk=pk)


def find_capacity(request, pk):
    selectors.capacity_get(municipality=request.municipality, pk=pk)


def _own_activity(request, pk):
    """The activity, if the person may change it: coordinators any, officers their departments' (else 403)."""
    activity = selectors.activity_get(municipality=request.municipality, pk=pk)
    if not _departments(request).filter(pk=activity.department_id).exists():
        raise PermissionDenied("Not your department's activity")
    return activity


@require_GET
@staff_view(*REGISTRARS)
def overview(request):
    year = _year(request)
    found = selectors.baseline(request.municipality, year)
    chart = ladder_chart(
        found["ladder"],
        found["years"],
        title=_("Share of activities at each level of the participation ladder, %(first)s and %(last)s")
        % {"first": found["years"][0], "last": found["years"][1]},
        chart_id="baseline-chart",
    )
    context = {
        **found,
        "chart": chart,
        "known_years": selectors.years_with_activities(request.municipality),
        "coordinates": _coordinates(request),
    }
    return render(request, "baseline/staff/overview.html", context)


@require_GET
@staff_view(*REGISTRARS)
def overview_xlsx(request, year):
    if not 2000 <= year <= 2100:
        year = this_year()
    content = exports.baseline_xlsx(request.municipality, year)
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="kartlaggning-{year}.xlsx"'
    return response


@require_GET
@staff_view(*REGISTRARS)
def activities(request):
    year_form = YearForm(request.GET or None)
    year = year_form.cleaned_data["year"] if year_form.is_valid() else None
    found = selectors.activities_of(request.municipality)
    if year:
        found = found.filter(year=year)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    editable = set(_departments(request).values_list("pk", flat=True))
    shown = str(year) if year else None  # as text: a page shows 2026, never "2 026"
    context = {"page": page, "total": page.paginator.count, "year": shown, "editable": editable}
    return render(request, "baseline/staff/activities.html", context)


@require_http_methods(["GET", "POST"])
@staff_view(*REGISTRARS)
def activity_create(request):
    departments = _departments(request)
    if not departments.exists():
        return render(request, "baseline/staff/no_department.html", status=403)
    form = ActivityForm(_posted(request), municipality=request.municipality, departments=departments)
    if request.method == "POST" and form.is_valid():
        form.instance.municipality = request.municipality
        services.activity_save(activity=form.instance, actor=request.user)
        messages.success(request, _("The activity “%(name)s” has been registered.") % {"name": form.instance.name})
        return redirect("baseline:staff_activities", request.municipality.slug)
    return render(request, "baseline/staff/activity_form.html", {"form": form, "activity": None})


@require_http_methods(["GET", "POST"])
@staff_view(*REGISTRARS, find=find_activity)
def activity_edit(request, pk):
    activity = _own_activity(request, pk)
    form = ActivityForm(
        _posted(request), instance=activity, municipality=request.municipality, departments=_departments(request)
    )
    if request.method == "POST" and form.is_valid():
        services.activity_save(activity=form.instance, actor=request.user)
        messages.success(request, _("The activity “%(name)s” has been saved.") % {"name": activity.name})
        return redirect("baseline:staff_activities", request.municipality.slug)
    return render(request, "baseline/staff/activity_form.html", {"form": form, "activity": activity})


@require_http_methods(["GET", "POST"])
@staff_view(*REGISTRARS, find=find_activity)
def activity_delete(request, pk):
    activity = _own_activity(request, pk)
    if request.method == "POST":
        services.activity_delete(activity=activity, actor=request.user)
        messages.success(request, _("The activity “%(name)s” has been removed.") % {"name": activity.name})
        return redirect("baseline:staff_activities", request.municipality.slug)
    return render(request, "baseline/staff/activity_delete.html", {"activity": activity})


@require_GET
@staff_view(*REGISTRARS)
def import_template(request):
    content = exports.import_template_xlsx(list(_departments(request)), this_year())
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = 'attachment; filename="kartlaggning-mall.xlsx"'
    return response


@require_http_methods(["GET", "POST"])
@staff_view(*REGISTRARS)
def import_activities(request):
    if request.method == "POST" and "content" in request.POST:
        return _import_confirm(request)
    form = ImportForm(_posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            parsed = services.activities_check(text=data["text"], year=data["year"], **_import_scope(request))
        except services.CsvError as error:
            form.add_error("file", error.message)
        else:
            return _preview(request, parsed, data["text"], data["year"])
    return render(request, "baseline/staff/import.html", {"form": form})


def _import_scope(request):
    return {
        "municipality": request.municipality,
        "departments": list(_departments(request)),
        "bodies": list(selectors.bodies_of(request.municipality)),
    }


def _preview(request, parsed, text, year, changed=False):
    context = {"parsed": parsed, "content": text, "year": str(year), "changed": changed}
    return render(request, "baseline/staff/import_preview.html", context)


def _import_confirm(request):
    form = ImportConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The file could not be imported. Choose it again."))
        return redirect("baseline:staff_import", request.municipality.slug)
    data = form.cleaned_data
    try:
        parsed = services.activities_import(
            text=data["content"], year=data["year"], actor=request.user, **_import_scope(request)
        )
    except services.CsvError as error:
        messages.error(request, error.message)
        return redirect("baseline:staff_import", request.municipality.slug)
    except services.ImportRefused as refused:
        return _preview(request, refused.parsed, data["content"], data["year"], changed=True)
    count = len(parsed.new)
    text = ngettext("%(count)s activity has been imported.", "%(count)s activities have been imported.", count)
    messages.success(request, text % {"count": count})
    years = sorted({row["year"] for row in parsed.new})
    url = f"{_url('baseline:staff_baseline', request)}?year={years[-1]}"
    return redirect(url)


def _url(name, request, *args):
    from django.urls import reverse

    return reverse(name, args=[request.municipality.slug, *args])


@require_http_methods(["GET", "POST"])
@staff_view(*REGISTRARS)
def capacity(request):
    year = _year(request)
    may_change = _coordinates(request)
    form = None
    if may_change:
        form = CapacityForm(_posted(request), municipality=request.municipality, initial={"year": year})
        if request.method == "POST" and form.is_valid():
            form.instance.municipality = request.municipality
            services.capacity_save(capacity=form.instance, actor=request.user)
            messages.success(request, _("The capacity has been saved."))
            return redirect(f"{_url('baseline:staff_capacity', request)}?year={form.instance.year}")
    elif request.method == "POST":
        raise PermissionDenied("Only coordinators change capacity")
    rows = selectors.capacity_rows(request.municipality, year)
    context = {"rows": rows, "year": str(year), "form": form}
    return render(request, "baseline/staff/capacity.html", context)


@require_http_methods(["GET", "POST"])
@staff_view(*COORDINATORS, find=find_capacity)
def capacity_edit(request, pk):
    found = selectors.capacity_get(municipality=request.municipality, pk=pk)
    form = CapacityForm(_posted(request), instance=found, municipality=request.municipality)
    if request.method == "POST" and "delete" in request.POST:
        services.capacity_delete(capacity=found, actor=request.user)
        messages.success(request, _("The capacity has been removed."))
        return redirect(f"{_url('baseline:staff_capacity', request)}?year={found.year}")
    if request.method == "POST" and form.is_valid():
        services.capacity_save(capacity=form.instance, actor=request.user)
        messages.success(request, _("The capacity has been saved."))
        return redirect(f"{_url('baseline:staff_capacity', request)}?year={form.instance.year}")
    return render(request, "baseline/staff/capacity_edit.html", {"form": form, "capacity": found})


__all__ = ["Activity", "Capacity"]
