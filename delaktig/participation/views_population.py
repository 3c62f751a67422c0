"""The population page: the imported figures per year, importing an SCB-shaped CSV file (upload, preview with each
row's errors, import whole or not at all) and removing a year."""

from pathlib import Path

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from delaktig.core.csv_import import CsvError
from delaktig.core.forms import CsvUploadForm
from delaktig.organisations.models import Role
from delaktig.organisations.permissions import staff_view

from . import selectors_population, services_population
from .population import PopulationAge, Sex

POPULATION_ROLES = (Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER)
MAX_TEXT = 3 * 1024 * 1024  # characters a confirmation may carry back
SAMPLE = Path(__file__).parent / "data" / "befolkning-exempel.csv"  # illustrative figures for Hagfors' demo areas


class ConfirmForm(forms.Form):
    content = forms.CharField(max_length=MAX_TEXT, strip=False)


@require_http_methods(["GET", "POST"])
@staff_view(*POPULATION_ROLES)
def population(request):
    municipality = request.municipality
    if request.method == "POST" and "content" in request.POST:
        return _confirm(request)
    form = CsvUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        return _preview(request, form.cleaned_data["text"])
    context = {
        "form": form,
        "summaries": selectors_population.population_summary(municipality),
        "area_count": municipality.areas.count(),
    }
    return render(request, "participation/staff/population.html", context)


def _preview(request, text):
    try:
        parsed = services_population.population_check(municipality=request.municipality, text=text)
    except CsvError as error:
        return _unreadable(request, error.message)
    return render(request, "participation/staff/population_preview.html", _preview_context(request, parsed, text))


def _unreadable(request, message):
    """The upload form again, with why the file could not be read."""
    form = CsvUploadForm(data={}, files={})
    form.errors["file"] = form.error_class([message])
    context = {"form": form, "summaries": selectors_population.population_summary(request.municipality)}
    return render(request, "participation/staff/population.html", context)


def _preview_context(request, parsed, text):
    areas = {area.pk: area.name for area in request.municipality.areas.all()}
    return {
        "parsed": parsed,
        "content": text,
        "tables": [_year_table(parsed, year, areas) for year in parsed.years],
        "conflict": services_population.conflict_message(parsed.conflicts) if parsed.conflicts else "",
    }


def _year_table(parsed, year, areas):
    """(year, [(band label, women, men, total)], [(area name, residents)]) of what the file holds for `year`; the
    bands from the whole municipality's rows, or the sums of the areas' when the file has only areas."""
    cells = {key: count for key, count in parsed.cells.items() if key[0] == year}
    whole = {key: count for key, count in cells.items() if key[1] is None} or cells
    bands = {(band, sex): 0 for band in PopulationAge.values for sex in Sex.values}
    for (_year, _area, band, sex), count in whole.items():
        bands[(band, sex)] += count
    by_area: dict = {}
    for (_year, area, _band, _sex), count in cells.items():
        if area is not None:
            by_area[areas.get(area, "")] = by_area.get(areas.get(area, ""), 0) + count
    rows = [
        (
            str(label),
            bands[(band, Sex.WOMAN)],
            bands[(band, Sex.MAN)],
            bands[(band, Sex.WOMAN)] + bands[(band, Sex.MAN)],
        )
        for band, label in PopulationAge.choices
    ]
    return year, rows, list(by_area.items())


def _confirm(request):
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The file could not be imported. Choose it again."))
        return redirect("participation:population", request.municipality.slug)
    text = form.cleaned_data["content"]
    try:
        parsed = services_population.population_import(municipality=request.municipality, text=text, actor=request.user)
    except CsvError as error:
        messages.error(request, error.message)
        return redirect("participation:population", request.municipality.slug)
    except services_population.PopulationImportRefused as refused:
        context = _preview_context(request, refused.parsed, text)
        return render(request, "participation/staff/population_preview.html", context)
    years = ", ".join(str(year) for year in parsed.years)
    messages.success(request, _("The population figures for %(years)s have been imported.") % {"years": years})
    return redirect("participation:population", request.municipality.slug)


@require_POST
@staff_view(*POPULATION_ROLES)
def population_delete(request, year):
    removed = services_population.population_year_delete(
        municipality=request.municipality, year=year, actor=request.user
    )
    if not removed:
        raise Http404("No figures for that year")
    messages.success(request, _("The population figures for %(year)s have been removed.") % {"year": year})
    return redirect("participation:population", request.municipality.slug)


@require_GET
@staff_view(*POPULATION_ROLES)
def population_sample(request):
    return FileResponse(SAMPLE.open("rb"), as_attachment=True, filename=SAMPLE.name, content_type="text/csv")
