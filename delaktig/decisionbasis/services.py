"""Writes of the decision basis: ask for a new version (queued, audited), and generate it (in the worker)."""

import logging

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from delaktig.core.audit import audit_record
from delaktig.dialogues.models import Dialogue

from . import content as content_module
from . import render, selectors
from .models import DecisionBasis, Status

logger = logging.getLogger(__name__)

# (progress when the step starts, label shown on the progress page)
STEP_GATHER = (5, gettext_lazy("Gathering the dialogue, the results and the figures"))
STEP_PDF = (35, gettext_lazy("Writing the PDF"))
STEP_DOCX = (75, gettext_lazy("Writing the Word document"))
STEP_DONE = (100, gettext_lazy("Ready"))
MISSING_NUMBER = gettext_lazy(
    "The dialogue has no case number. Enter the registration number of the case the decision basis belongs to, "
    "for example KS 2026/123."
)


def decision_basis_request(
    *,
    dialogue,
    actor,
    assessment,
    registration_number="",
    consultation_text="",
    consultation_file=None,
    representativeness_text="",
):
    """A new version, queued for the worker once the transaction commits; earlier versions are left as they were.

    The registration number is the dialogue's case number; `registration_number` is used only when the dialogue
    has none. Raises ValidationError when there is neither, or no assessment.
    """
    number = selectors.registration_number_for(dialogue) or (registration_number or "").strip()
    if not number:
        raise ValidationError({"registration_number": MISSING_NUMBER})
    if not (assessment or "").strip():
        raise ValidationError({"assessment": _("Write the officer's assessment.")})
    with transaction.atomic():
        Dialogue.objects.select_for_update().filter(pk=dialogue.pk).first()  # one version number at a time
        basis = DecisionBasis.objects.create(
            dialogue=dialogue,
            version=selectors.next_version(dialogue),
            registration_number=number,
            assessment=assessment.strip(),
            consultation_text=(consultation_text or "").strip(),
            representativeness_text=(representativeness_text or "").strip(),
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            step=str(_("Waiting to start")),
        )
        if consultation_file:
            basis.consultation_file.save(basis.consultation_file_name(), consultation_file, save=True)
        audit_record(
            municipality=dialogue.municipality,
            actor=actor,
            action="decision_basis.requested",
            target=dialogue,
            data={"version": basis.version, "registration_number": number, "decision_basis_id": basis.pk},
        )
        transaction.on_commit(lambda: _enqueue(basis.pk))
    return basis


def _enqueue(basis_id):
    from .tasks import decision_basis_generate_task

    decision_basis_generate_task.enqueue(basis_id=basis_id)


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
