"""The consultation report's files, made in the background (a few seconds for a few hundred comments): a request
row, the task that renders Word and PDF into it, and reading the newest."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background import purposes
from delaktig.core.audit import audit_record

from .models import Document, ReportFile, ReportStatus
from .report import report_of
from .report_render import report_docx, report_pdf


@transaction.atomic
def report_request(*, document: Document, actor) -> ReportFile:
    """Ask for the files; the task starts after the commit. One already waiting or running is reused."""
    running = document.report_files.filter(status__in=(ReportStatus.QUEUED, ReportStatus.RUNNING)).first()
    if running is not None:
        return running
    made = ReportFile.objects.create(document=document, requested_by=actor)
    audit_record(municipality=document.municipality, actor=actor, action="consultations.report_request", target=made)
    transaction.on_commit(lambda: report_generate_task.enqueue(report_id=made.pk))
    return made


def report_generate(*, report_id: int) -> None:
    made = ReportFile.objects.select_related("document__module__dialogue__municipality").filter(pk=report_id).first()
    if made is None or made.status == ReportStatus.DONE:
        return
    ReportFile.objects.filter(pk=made.pk).update(status=ReportStatus.RUNNING)
    try:
        report = report_of(made.document.module)
        if report is None:
            raise ValueError("The document has no version")
        made.docx.save(f"samradsredogorelse-{made.pk}.docx", ContentFile(report_docx(report)), save=False)
        made.pdf.save(f"samradsredogorelse-{made.pk}.pdf", ContentFile(report_pdf(report)), save=False)
    except Exception as error:  # noqa: BLE001 (the page shows that it failed; nothing half is offered)
        ReportFile.objects.filter(pk=made.pk).update(status=ReportStatus.FAILED, error=str(error)[:2000])
        return
    made.status, made.comments, made.finished_at = ReportStatus.DONE, report.total, timezone.now()
    made.save(update_fields=["docx", "pdf", "status", "comments", "finished_at", "updated_at"])


def report_latest(document: Document | None) -> ReportFile | None:
    return document.report_files.first() if document is not None else None


def report_latest_done(document: Document | None) -> ReportFile | None:
    return document.report_files.filter(status=ReportStatus.DONE).first() if document is not None else None


@task()
def report_generate_task(*, report_id):
    report_generate(report_id=report_id)


@purposes.describes(report_generate_task)
def _report_purpose(kwargs):
    made = ReportFile.objects.select_related("document__module__dialogue").filter(pk=kwargs.get("report_id")).first()
    if made is None:
        return None
    module = made.document.module
    return purposes.Purpose(
        municipality_id=module.dialogue.municipality_id,
        text=_("The consultation report for “%(title)s”") % {"title": module.name},
    )
