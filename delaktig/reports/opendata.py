"""The presented yearly reports as an open dataset (hook `open_data_datasets`): year, council meeting, files."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from delaktig.core import hookspecs as core_hooks
from delaktig.core.contributions import Dataset, DatasetField, detail_by_pk, iso_or_none

from .models import CouncilReport


def report_rows(municipality, filters):
    qs = CouncilReport.objects.filter(municipality=municipality, presented_on__isnull=False)
    if "year" in filters:
        qs = qs.filter(year=filters["year"])
    return qs.select_related("municipality").order_by("year", "id")


def report_row(report):
    site = settings.SITE_URL.rstrip("/")
    slug = report.municipality.slug
    return {
        "id": report.pk,
        "year": report.year,
        "presented_on": iso_or_none(report.presented_on),
        "pdf_url": site + reverse("reports:public_pdf", args=[slug, report.year]),
        "docx_url": site + reverse("reports:public_docx", args=[slug, report.year]),
    }


YEARLY_REPORTS = Dataset(
    key="yearly-reports",
    title=_("Yearly reports on citizen dialogue"),
    description=_(
        "The yearly reports on citizen dialogue that the municipal council has received: the year, the date of "
        "the council meeting, and the report as PDF and Word."
    ),
    fields=(
        DatasetField("id", "integer", _("Identifier")),
        DatasetField("year", "integer", _("The year the report covers")),
        DatasetField("presented_on", "date", _("Date of the council meeting that received the report")),
        DatasetField("pdf_url", "string", _("The report as PDF")),
        DatasetField("docx_url", "string", _("The report as Word")),
    ),
    rows=report_rows,
    to_row=report_row,
    filters=(DatasetField("year", "integer", _("Only the report of this year")),),
    detail=detail_by_pk(report_rows, report_row),
    keywords=("årsrapport", "medborgardialog", "kommunfullmäktige"),
    order=59,  # after the central datasets (baseline: 58), before the methods (60 onwards)
    extra={"bounds": {"year": (1900, 2999)}},
)


@core_hooks.open_data_datasets.register
def report_datasets():
    return [YEARLY_REPORTS]
