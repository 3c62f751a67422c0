"""The consultation report's files, made in the background (a few seconds for a few hundred comments): a request
row, the task that renders Word and PDF into it, and reading the newest.

Staff ask for the files once; after that every change to what the report says (a position and its reason, a summary,
an official answer, a comment entered, moderated or taken back) asks for new files by itself (`report_refresh_later`).
At most one request waits at a time: changes made while one waits are in the files it makes, since it reads when it
starts; where the queue can wait (the database queue) it starts REFRESH_DELAY after the first change, so a row of
changes makes one set of files. The files made before stay offered until the new ones are ready.
"""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background import purposes
from delaktig.core.audit import audit_record
from delaktig.participation.models import Comment
from delaktig.participation.signals import moderated

from .models import Document, Remark, ReportFile, ReportStatus
from .report import report_of
from .report_render import report_docx, report_pdf

REFRESH_DELAY = timedelta(seconds=15)  # after a change, so that a row of changes makes one set of files


@transaction.atomic
def report_request(*, document: Document, actor) -> ReportFile:
    """Ask for the files; the task starts after the commit. One already waiting or running is reused."""
    running = document.report_files.filter(status__in=(ReportStatus.QUEUED, ReportStatus.RUNNING)).first()
    if running is not None:
        return running
    made = ReportFile.objects.create(document=document, requested_by=actor)
    audit_record(municipality=document.municipality, actor=actor, action="consultations.report_request", target=made)
    transaction.on_commit(lambda: _enqueue(made.pk, later=False))
    return made


def report_refresh_later(*, document_id: int | None, actor=None) -> None:
    """After the change being committed: new files, if files were asked for before (report_refresh)."""
    if document_id is not None:
        transaction.on_commit(lambda: report_refresh(document_id=document_id, actor=actor))


@receiver(moderated, sender=Comment)
def _comment_moderated(*, item, actor, **kwargs) -> None:
    """A comment on a document published or removed in the central moderation queue changes the report."""
    remark = Remark.objects.filter(comment=item).select_related("version").first()
    if remark is not None:
        report_refresh_later(document_id=remark.version.document_id, actor=actor)


@transaction.atomic
def report_refresh(*, document_id: int, actor=None) -> ReportFile | None:
    """New files with what has changed, when staff have had files made before; the request already waiting, if any
    (one running now may have read before the change, so a new one waits after it)."""
    document = Document.objects.select_for_update().filter(pk=document_id).first()
    if document is None or not document.report_files.exists():
        return None
    waiting = document.report_files.filter(status=ReportStatus.QUEUED).first()
    if waiting is not None:
        return waiting
    made = ReportFile.objects.create(document=document, requested_by=actor)
    transaction.on_commit(lambda: _enqueue(made.pk, later=True))
    return made


def _enqueue(report_id: int, *, later: bool) -> None:
    task = report_generate_task
    if later and task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + REFRESH_DELAY)
    task.enqueue(report_id=report_id)


def report_generate(*, report_id: int) -> None:
    made = ReportFile.objects.select_related("document__module__dialogue__municipality").filter(pk=report_id).first()
    if made is None or made.status == ReportStatus.DONE:
        return
    ReportFile.objects.filter(pk=made.pk).update(status=ReportStatus.RUNNING)  # a change from now on asks again
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
    _older_remove(made)


def _older_remove(made: ReportFile) -> None:
    """The files made before `made` are no longer offered: removed from the storage (the rows stay, as a record)."""
    for row in made.document.report_files.filter(pk__lt=made.pk, status=ReportStatus.DONE):
        for stored in (row.docx, row.pdf):
            if stored:
                stored.delete(save=False)
        ReportFile.objects.filter(pk=row.pk).update(docx="", pdf="")


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
