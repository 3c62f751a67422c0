"""Staff pages of the yearly report (the report of the latest generation, its texts, a new generation and its
progress, the presentation to the council, the downloads) and the public list of presented reports."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from delaktig.organisations.permissions import staff_view

from . import council_sections, selectors, services
from .forms import PresentForm, TextsForm, YearForm
from .models import Status
from .rules import GENERATE_ROLES, PRESENT_ROLES, REPORT_ROLES, TEXT_ROLES

REFRESH_SECONDS = 3
HISTORY = 5  # generations listed on the report's page
FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
PUBLIC_FORMATS = ("pdf", "docx")


def _valid_year(year):
    if not selectors.year_is_valid(year):
        raise Http404("No such year")
    return year


def _find_generation(request, year, generation_id, **kwargs):
    return selectors.generation_get(municipality=request.municipality, year=_valid_year(year), pk=generation_id)


def _may(request, roles):
    return bool(request.user.roles_in(request.municipality) & roles)


def _state(request, year):
    """What every staff page of the year's report shows about it."""
    report = selectors.council_report_for(request.municipality, year)
    latest = selectors.latest_generation(report)
    done = selectors.latest_done_generation(report)
    changed = done is not None and done.data_version != selectors.figures_version(request.municipality)
    return {
        "year": year,
        "council_report": report,
        "latest": latest,
        "done": done,
        "changed_since": changed,
        "may_edit": _may(request, TEXT_ROLES) and not report.is_presented,
        "may_read_texts": _may(request, TEXT_ROLES),
        "may_see_presentation": _may(request, PRESENT_ROLES) and (report.is_presented or done is not None),
        "generations": list(report.generations.order_by("-created_at", "-id")[:HISTORY]) if report.pk else [],
        "may_generate": _may(request, GENERATE_ROLES) and not report.is_presented,
        "may_present": _may(request, PRESENT_ROLES) and not report.is_presented and done is not None,
    }


@require_GET
@staff_view(*REPORT_ROLES)
def yearly_report(request):
    default = selectors.default_year()
    years = selectors.report_years(request.municipality)
    form = YearForm(request.GET if "ar" in request.GET else None, years=years, default=default)
    year = form.year(default)
    context = {"form": form, **_state(request, year)}
    resolution, action_points = council_sections.council_texts(request.municipality, year)
    context.update(resolution=resolution, action_points=action_points)
    done = context["done"]
    context["report_html"] = mark_safe(done.html) if done else ""  # noqa: S308  (rendered by our own templates)
    return render(request, "reports/staff/report.html", context)


@require_http_methods(["GET", "POST"])
@staff_view(*TEXT_ROLES)
def report_texts(request, year):
    state = _state(request, _valid_year(year))
    report = state["council_report"]
    initial = {
        "proposed_resolution": report.proposed_resolution or council_sections.default_resolution(request.municipality),
        "action_points": report.action_points,
    }
    form = TextsForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and report.is_presented:
        form.is_valid()
        form.add_error(None, _("The report is presented to the council, so its texts can no longer be changed."))
    elif request.method == "POST" and form.is_valid():
        try:
            services.report_texts_save(
                municipality=request.municipality, year=year, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The texts are saved. Generate the report again to include them."))
            return _to_report(request, year)
    status = 400 if form.errors else 200
    return render(request, "reports/staff/texts.html", {"form": form, **state}, status=status)


@require_POST
@staff_view(*GENERATE_ROLES)
def report_generate(request, year):
    try:
        generation = services.report_generation_request(
            municipality=request.municipality, year=_valid_year(year), actor=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _to_report(request, year)
    return redirect("reports:generation", request.municipality.slug, year, generation.pk)


@require_GET
@staff_view(*REPORT_ROLES, find=_find_generation)
def generation_detail(request, year, generation_id):
    generation = _find_generation(request, year, generation_id)
    context = {
        **_state(request, year),
        "generation": generation,
        "failed": generation.status == Status.FAILED,
        "refresh_seconds": REFRESH_SECONDS,
    }
    return render(request, "reports/staff/generation.html", context)


@require_http_methods(["GET", "POST"])
@staff_view(*PRESENT_ROLES)
def report_present(request, year):
    state = _state(request, _valid_year(year))
    form = PresentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_present(
                municipality=request.municipality,
                year=year,
                actor=request.user,
                meeting_date=form.cleaned_data["meeting_date"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The report is recorded as presented and is published on the public site."))
            return _to_report(request, year)
    status = 400 if form.errors else 200
    return render(request, "reports/staff/present.html", {"form": form, **state}, status=status)


@require_GET
@staff_view(*REPORT_ROLES)
def yearly_report_download(request, year, fmt):
    if fmt not in FORMATS:
        raise Http404("No such format")
    report = selectors.council_report_for(request.municipality, _valid_year(year))
    generation = selectors.latest_done_generation(report)
    if generation is None:
        raise Http404("Not generated")
    return _file(generation, fmt)


def _file(generation, fmt):
    stored = getattr(generation, fmt)
    if not stored:
        raise Http404("Not generated")
    try:
        opened = stored.open("rb")
    except (OSError, ValueError) as error:
        raise Http404("The file is missing") from error
    response = FileResponse(opened, as_attachment=True, filename=generation.file_name(fmt))
    response["Content-Type"] = FORMATS[fmt]
    return response


def _add_errors(form, error):
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, found in error.message_dict.items():
        form.add_error(field if field in form.fields else None, found)


def _to_report(request, year):
    return redirect(reverse("reports:yearly", args=[request.municipality.slug]) + f"?ar={year}")


# --- Public ---------------------------------------------------------------------------------------------------


@require_GET
def public_reports(request):
    reports = selectors.presented_reports(request.municipality)
    return render(request, "reports/public/list.html", {"reports": reports})


@require_GET
def public_download(request, year, fmt):
    if fmt not in PUBLIC_FORMATS:
        raise Http404("No such format")
    report = selectors.presented_report_get(municipality=request.municipality, year=year)
    return _file(report.presented_generation, fmt)
