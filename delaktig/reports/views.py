"""Staff pages of the yearly report: the report as HTML with a year to choose, and its downloads."""

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from delaktig.organisations.permissions import staff_view

from . import selectors
from .forms import YearForm
from .render_html import presented
from .rules import REPORT_ROLES

CACHE_SECONDS = 24 * 60 * 60
FORMATS = {
    "pdf": ("application/pdf", "render_pdf"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "render_docx"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "render_xlsx"),
}


@require_GET
@staff_view(*REPORT_ROLES)
def yearly_report(request):
    default = selectors.default_year()
    years = selectors.report_years(request.municipality)
    form = YearForm(request.GET if "ar" in request.GET else None, years=years, default=default)
    year = form.year(default)
    report = selectors.yearly_report(request.municipality, year)
    context = {"form": form, "year": year, "report": report, "sections": presented(report)}
    return render(request, "reports/staff/report.html", context)


@require_GET
@staff_view(*REPORT_ROLES)
def yearly_report_download(request, year, fmt):
    if fmt not in FORMATS or not selectors.year_is_valid(year):
        raise Http404("No such report")
    content_type, renderer = FORMATS[fmt]
    response = HttpResponse(report_file(request.municipality, year, fmt, renderer), content_type=content_type)
    filename = f"arsrapport-{request.municipality.slug}-{year}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def report_file(municipality, year, fmt, renderer):
    """The file's bytes, cached per (municipality, year, format, language, data version): a council member who
    downloads twice, or several who download the same day, wait once."""
    version = selectors.data_version(municipality)
    key = f"reports:{municipality.pk}:{year}:{fmt}:{get_language()}:{version}"
    content = cache.get(key)
    if content is None:
        content = _render(renderer, selectors.yearly_report(municipality, year))
        cache.set(key, content, CACHE_SECONDS)
    return content


def _render(renderer, report):
    from . import render_docx, render_pdf, render_xlsx

    modules = {"render_pdf": render_pdf, "render_docx": render_docx, "render_xlsx": render_xlsx}
    return getattr(modules[renderer], renderer)(report)
