"""Generating a year's report, in the worker: the staff page's HTML and the PDF, Word and XLSX files, with the
progress on the generation's row."""

import logging

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext_lazy, override

from . import selectors
from .models import ReportGeneration, Status

logger = logging.getLogger(__name__)

# (progress when the step starts, label shown on the progress page)
STEP_GATHER = (5, gettext_lazy("Counting the year's dialogues, inputs and participants"))
STEP_HTML = (25, gettext_lazy("Writing the report for the page"))
STEP_PDF = (35, gettext_lazy("Writing the PDF"))
STEP_DOCX = (70, gettext_lazy("Writing the Word document"))
STEP_XLSX = (85, gettext_lazy("Writing the Excel file"))
STEP_DONE = (100, gettext_lazy("Ready"))


def _renderers():
    from . import render_docx, render_html, render_pdf, render_xlsx

    return {
        "html": lambda report: render_html.report_html(report, "reports/_sections.html"),
        "pdf": render_pdf.render_pdf,
        "docx": render_docx.render_docx,
        "xlsx": render_xlsx.render_xlsx,
    }


def _progress(generation, step, **extra):
    """Store the step on the row at once (its own small write) so the progress page can show it."""
    percent, label = step
    ReportGeneration.objects.filter(pk=generation.pk).update(progress=percent, step=str(label), **extra)


def report_generate(*, generation_id, renderers=None):
    """Render one generation into its own files. A failure is stored on the row, never raised.

    Runs again safely: a generation that is already done is left alone.
    """
    renderers = renderers or _renderers()
    generation = ReportGeneration.objects.select_related("report__municipality").get(pk=generation_id)
    if generation.status == Status.DONE:
        return generation
    ReportGeneration.objects.filter(pk=generation.pk).update(status=Status.RUNNING, started_at=timezone.now(), error="")
    try:
        with override("sv"):
            _generate(generation, renderers)
    except Exception as error:  # noqa: BLE001  (any failure is shown to staff on the progress page)
        logger.exception("Yearly report generation %s failed", generation.pk)
        ReportGeneration.objects.filter(pk=generation.pk).update(
            status=Status.FAILED, error=f"{type(error).__name__}: {error}"[:2000], finished_at=timezone.now()
        )
    generation.refresh_from_db()
    return generation


def _generate(generation, renderers):
    municipality, year = generation.report.municipality, generation.report.year
    _progress(generation, STEP_GATHER, data_version=selectors.figures_version(municipality))
    report = selectors.yearly_report(municipality, year)
    _progress(generation, STEP_HTML)
    html = renderers["html"](report)
    files = {}
    for kind, step in (("pdf", STEP_PDF), ("docx", STEP_DOCX), ("xlsx", STEP_XLSX)):
        _progress(generation, step)
        files[kind] = renderers[kind](report)
    for kind, content in files.items():
        getattr(generation, kind).save(generation.file_name(kind), ContentFile(content), save=False)
    percent, label = STEP_DONE
    ReportGeneration.objects.filter(pk=generation.pk).update(
        html=html,
        pdf=generation.pdf.name,
        docx=generation.docx.name,
        xlsx=generation.xlsx.name,
        status=Status.DONE,
        progress=percent,
        step=str(label),
        finished_at=timezone.now(),
    )
