"""Staff pages of the citizen panel: overview, members (list, one member's status), import from CSV (upload,
preview with each row's errors, import whole), composition against the population, samples (draw with a preview
of quotas and drawn per stratum before anything is stored or sent) and settings."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.core.csv_import import CsvError
from delaktig.core.exports import csv_response
from delaktig.organisations.models import Role
from delaktig.organisations.permissions import staff_view

from .. import selectors, services
from ..charts import bar_chart
from ..forms import ImportConfirmForm, ImportForm, MemberFilterForm, MemberStatusForm, SampleForm, SettingsForm

PANEL_ROLES = (Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER)
PAGE_SIZE = 25


def _posted(request):
    return request.POST if request.method == "POST" else None


def find_member(request, pk):
    selectors.member_get(municipality=request.municipality, pk=pk)


def find_sample(request, pk):
    selectors.sample_get(municipality=request.municipality, pk=pk)


@require_GET
@staff_view(*PANEL_ROLES)
def overview(request):
    municipality = request.municipality
    context = {
        "counts": selectors.status_counts(municipality),
        "composition": selectors.panel_composition(municipality, by_area=False),
        "samples": selectors.samples_of(municipality)[:5],
        "rules": selectors.settings_for(municipality),
    }
    return render(request, "panel/staff/overview.html", context)


@require_GET
@staff_view(*PANEL_ROLES)
def members(request):
    form = MemberFilterForm(request.GET or None)
    query, status = "", ""
    if form.is_valid():
        query, status = form.cleaned_data["q"], form.cleaned_data["status"]
    found = selectors.members_list(request.municipality, query=query, status=status)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "panel/staff/members.html", {"form": form, "page": page, "total": page.paginator.count})


@require_http_methods(["GET", "POST"])
@staff_view(*PANEL_ROLES, find=find_member)
def member(request, pk):
    found = selectors.member_get(municipality=request.municipality, pk=pk)
    form = MemberStatusForm(_posted(request), initial={"status": found.status})
    if request.method == "POST" and selectors.in_panel(found) and form.is_valid():
        services.member_status_set(member=found, status=form.cleaned_data["status"], actor=request.user)
        messages.success(request, _("The member's status has been saved."))
        return redirect("panel:staff_member", request.municipality.slug, found.pk)
    return render(request, "panel/staff/member.html", {"member": found, "form": form})


@require_http_methods(["GET", "POST"])
@staff_view(*PANEL_ROLES)
def import_members(request):
    if request.method == "POST" and "content" in request.POST:
        return _import_confirm(request)
    form = ImportForm(_posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            parsed = services.members_check(municipality=request.municipality, text=data["text"])
        except CsvError as error:
            form.add_error("file", error.message)
        else:
            return _preview(request, parsed, data["text"], data["consent_text"])
    return render(request, "panel/staff/import.html", {"form": form})


def _preview(request, parsed, text, consent_text, reason=""):
    context = {"parsed": parsed, "content": text, "consent_text": consent_text, "changed": reason == "changed"}
    return render(request, "panel/staff/import_preview.html", context)


def _import_confirm(request):
    form = ImportConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The file could not be imported. Choose it again."))
        return redirect("panel:staff_import", request.municipality.slug)
    data = form.cleaned_data
    try:
        parsed = services.members_import(
            municipality=request.municipality,
            text=data["content"],
            consent_text=data["consent_text"],
            actor=request.user,
        )
    except CsvError as error:
        messages.error(request, error.message)
        return redirect("panel:staff_import", request.municipality.slug)
    except services.MembersImportRefused as refused:
        return _preview(request, refused.parsed, data["content"], data["consent_text"], refused.reason)
    messages.success(request, _("%(count)s members have been imported and are active.") % {"count": len(parsed.new)})
    return redirect("panel:staff_members", request.municipality.slug)


def _by_area(request):
    return request.GET.get("omraden") == "1"


@require_GET
@staff_view(*PANEL_ROLES)
def composition(request):
    found = selectors.panel_composition(request.municipality, by_area=_by_area(request))
    context = {"composition": found, "chart": bar_chart(found.chart) if found.chart else None}
    return render(request, "panel/staff/composition.html", context)


@require_GET
@staff_view(*PANEL_ROLES)
def composition_csv(request):
    found = selectors.panel_composition(request.municipality, by_area=_by_area(request))
    headers = [
        _("Group"),
        _("Members"),
        _("Share of the panel (%)"),
        _("Share of residents (%)"),
        _("Index"),
        _("Under-represented"),
    ]
    rows = [headers]
    if found.comparison is not None:
        rows += [
            [row.label, row.shown, row.share, row.population_share, row.index, _("Yes") if row.under else ""]
            for row in found.comparison.rows
        ]
        rows.append([_("Not compared"), found.comparison.not_compared, None, None, None, ""])
    return csv_response("medborgarpanelen-sammansattning.csv", rows)


@require_GET
@staff_view(*PANEL_ROLES)
def samples(request):
    page = Paginator(selectors.samples_of(request.municipality), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "panel/staff/samples.html", {"page": page})


@require_http_methods(["GET", "POST"])
@staff_view(*PANEL_ROLES)
def sample_new(request):
    posted = _posted(request)
    if posted is not None and "change" in posted:  # draw again: the same settings with a new seed
        posted = posted.copy()
        posted["seed"] = ""
    form = SampleForm(posted)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan = selectors.sample_plan(
            municipality=request.municipality, size=data["size"], by_area=data["by_area"], seed=data["seed"]
        )
        if plan.refusals:
            for reason in plan.refusals:
                form.add_error(None, reason)
        elif "save" in request.POST:
            return _sample_save(request, data)
        else:
            return render(request, "panel/staff/sample_preview.html", {"form": form, "plan": plan, "data": data})
    return render(request, "panel/staff/sample_new.html", {"form": form})


def _sample_save(request, data):
    try:
        sample = services.sample_draw(
            municipality=request.municipality,
            size=data["size"],
            by_area=data["by_area"],
            seed=data["seed"],
            actor=request.user,
            purpose=data["purpose"],
            target=data["target"],
        )
    except services.SampleRefused as refused:
        form = SampleForm(request.POST)
        form.is_valid()
        for reason in refused.reasons:
            form.add_error(None, reason)
        return render(request, "panel/staff/sample_new.html", {"form": form})
    messages.success(request, _("The sample %(reference)s has been saved.") % {"reference": sample.reference})
    return redirect("panel:staff_sample", request.municipality.slug, sample.pk)


@require_GET
@staff_view(*PANEL_ROLES, find=find_sample)
def sample(request, pk):
    found = selectors.sample_get(municipality=request.municipality, pk=pk)
    context = {
        "sample": found,
        "composition": selectors.sample_composition(found),
        "recipients": len(selectors.sample_recipients(found)),
    }
    return render(request, "panel/staff/sample.html", context)


@require_http_methods(["GET", "POST"])
@staff_view(*PANEL_ROLES)
def settings_edit(request):
    rules = selectors.settings_for(request.municipality)
    form = SettingsForm(_posted(request), instance=rules)
    if request.method == "POST" and form.is_valid():
        services.settings_save(
            municipality=request.municipality,
            actor=request.user,
            signup_open=form.cleaned_data["signup_open"],
            inactivity_months=form.cleaned_data["inactivity_months"],
        )
        messages.success(request, _("The settings have been saved."))
        return redirect("panel:staff_overview", request.municipality.slug)
    return render(request, "panel/staff/settings.html", {"form": form})
