"""Generating a year's report, in the worker: the staff page's HTML and the PDF, Word and XLSX files, with the
progress on the generation's row."""

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext_lazy

from delaktig.background.jobs import progress_run, progress_step

from . import selectors
from .models import ReportGeneration, Status

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


def report_generate(*, generation_id, renderers=None):
    """Render one generation into its own files. A failure is stored on the row, never raised.

    Runs again safely: a generation that is already done is left alone.
    """
    renderers = renderers or _renderers()
    generation = ReportGeneration.objects.select_related("report__municipality").get(pk=generation_id)
    return progress_run(generation, lambda row: _generate(row, renderers))


def _generate(generation, renderers):
    municipality, year = generation.report.municipality, generation.report.year
    progress_step(generation, STEP_GATHER, data_version=selectors.figures_version(municipality))
    report = selectors.yearly_report(municipality, year)
    progress_step(generation, STEP_HTML)
    html = renderers["html"](report)
    files = {}
    for kind, step in (("pdf", STEP_PDF), ("docx", STEP_DOCX), ("xlsx", STEP_XLSX)):
        progress_step(generation, step)
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
