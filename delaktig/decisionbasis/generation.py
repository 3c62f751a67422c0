"""Generating a version of the decision basis, in the worker: PDF and Word into its own files, progress on the row."""

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext_lazy

from delaktig.background.jobs import progress_run, progress_step

from . import content as content_module
from . import render
from .models import DecisionBasis, Status

# (progress when the step starts, label shown on the progress page)
STEP_GATHER = (5, gettext_lazy("Gathering the dialogue, the results and the figures"))
STEP_PDF = (35, gettext_lazy("Writing the PDF"))
STEP_DOCX = (75, gettext_lazy("Writing the Word document"))
STEP_DONE = (100, gettext_lazy("Ready"))


def decision_basis_generate(*, basis_id, renderers=None):
    """Render one version as PDF and Word into its own files. A failure is stored on the row, never raised.

    Runs again safely: a version that is already done is left alone.
    """
    renderers = renderers or {"pdf": render.render_pdf, "docx": render.render_docx}
    basis = DecisionBasis.objects.select_related("dialogue__municipality").get(pk=basis_id)
    return progress_run(basis, lambda row: _generate(row, renderers))


def _generate(basis, renderers):
    progress_step(basis, STEP_GATHER)
    gathered = content_module.gather(basis)
    progress_step(basis, STEP_PDF, representativeness_computed=gathered.representativeness_computed)
    pdf = renderers["pdf"](gathered)
    progress_step(basis, STEP_DOCX)
    docx = renderers["docx"](gathered)
    basis.pdf.save(basis.file_name("pdf"), ContentFile(pdf), save=False)
    basis.docx.save(basis.file_name("docx"), ContentFile(docx), save=False)
    percent, label = STEP_DONE
    DecisionBasis.objects.filter(pk=basis.pk).update(
        pdf=basis.pdf.name,
        docx=basis.docx.name,
        status=Status.DONE,
        progress=percent,
        step=str(label),
        finished_at=timezone.now(),
    )
