"""Generating a version of the decision basis, in the worker: PDF and Word into its own files, progress on the row."""

import logging

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext_lazy, override

from . import content as content_module
from . import render
from .models import DecisionBasis, Status

logger = logging.getLogger(__name__)

# (progress when the step starts, label shown on the progress page)
STEP_GATHER = (5, gettext_lazy("Gathering the dialogue, the results and the figures"))
STEP_PDF = (35, gettext_lazy("Writing the PDF"))
STEP_DOCX = (75, gettext_lazy("Writing the Word document"))
STEP_DONE = (100, gettext_lazy("Ready"))


def _progress(basis, step, **extra):
    """Store the step on the row at once (its own small write) so the progress page can show it."""
    percent, label = step
    DecisionBasis.objects.filter(pk=basis.pk).update(progress=percent, step=str(label), **extra)


def decision_basis_generate(*, basis_id, renderers=None):
    """Render one version as PDF and Word into its own files. A failure is stored on the row, never raised.

    Runs again safely: a version that is already done is left alone.
    """
    renderers = renderers or {"pdf": render.render_pdf, "docx": render.render_docx}
    basis = DecisionBasis.objects.select_related("dialogue__municipality").get(pk=basis_id)
    if basis.status == Status.DONE:
        return basis
    DecisionBasis.objects.filter(pk=basis.pk).update(status=Status.RUNNING, started_at=timezone.now(), error="")
    try:
        with override("sv"):
            _generate(basis, renderers)
    except Exception as error:  # noqa: BLE001  (any failure is shown to staff on the progress page)
        logger.exception("Decision basis %s failed", basis.pk)
        DecisionBasis.objects.filter(pk=basis.pk).update(
            status=Status.FAILED, error=f"{type(error).__name__}: {error}"[:2000], finished_at=timezone.now()
        )
    basis.refresh_from_db()
    return basis


def _generate(basis, renderers):
    _progress(basis, STEP_GATHER)
    gathered = content_module.gather(basis)
    _progress(basis, STEP_PDF, representativeness_computed=gathered.representativeness_computed)
    pdf = renderers["pdf"](gathered)
    _progress(basis, STEP_DOCX)
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
