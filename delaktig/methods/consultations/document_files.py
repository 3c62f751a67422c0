"""The whole document of a published version as Word and as a tagged PDF, for download.

The files are made in the background when a version is published, and stored with it (`VersionFile`), so that the
public page can say each file's type and size; a download that comes before they are made makes its file at once
and stores it (the demo document takes about a second). When a picture of the document is added, replaced or
described, the stored files are removed and made anew.
"""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background import purposes

from .exports import document_docx, document_pdf
from .models import Document, FileKind, Version, VersionFile

CONTENT_TYPES = {
    FileKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileKind.PDF: "application/pdf",
}
RENDER = {FileKind.DOCX: document_docx, FileKind.PDF: document_pdf}


def file_name(version: Version, kind: str) -> str:
    return f"samradsdokument-version-{version.number}.{kind}"


def version_files(version: Version) -> dict[str, VersionFile]:
    """The version's stored files by kind ("docx", "pdf"); a kind not made yet is missing."""
    return {made.kind: made for made in version.files.all()}


def version_file(version: Version, kind: str) -> VersionFile:
    """The stored file of `kind`, made now if it is missing or its file is lost."""
    made = version.files.filter(kind=kind).first()
    if made is not None and made.file and made.file.storage.exists(made.file.name):
        return made
    return version_file_make(version, kind)


def version_file_make(version: Version, kind: str) -> VersionFile:
    """Render the file of `kind` and store it in place of the one before, which is removed after."""
    data = RENDER[FileKind(kind)](version)
    made = VersionFile(version=version, kind=kind, size=len(data), made_at=timezone.now())
    made.file.save(file_name(version, kind), ContentFile(data), save=False)
    try:
        with transaction.atomic():
            old = version.files.select_for_update().filter(kind=kind).first()
            old_name = old.file.name if old is not None else ""
            if old is not None:
                made.pk = old.pk
                made._state.adding = False
            made.save()
    except IntegrityError:  # made at the same moment by another request or the worker: theirs is as good
        made.file.delete(save=False)
        return version.files.get(kind=kind)
    if old_name and old_name != made.file.name:
        made.file.storage.delete(old_name)
    return made


def version_files_make(*, version_id: int) -> None:
    version = Version.objects.select_related("document").filter(pk=version_id).exclude(published_at=None).first()
    if version is None:
        return
    for kind in FileKind.values:
        version_file_make(version, kind)


def version_files_later(version: Version) -> None:
    """Make the files in the background after the commit."""
    transaction.on_commit(lambda: version_files_task.enqueue(version_id=version.pk))


def version_files_forget(document: Document) -> None:
    """The pictures changed: the files of every version are removed, and the newest published version's are made
    anew after the commit."""
    for made in VersionFile.objects.filter(version__document=document):
        made.file.delete(save=False)
        made.delete()
    newest = document.versions.exclude(published_at=None).order_by("-number").first()
    if newest is not None:
        version_files_later(newest)


@task()
def version_files_task(*, version_id):
    version_files_make(version_id=version_id)


@purposes.describes(version_files_task)
def _files_purpose(kwargs):
    version = Version.objects.select_related("document__module__dialogue").filter(pk=kwargs.get("version_id")).first()
    if version is None:
        return None
    return purposes.Purpose(
        municipality_id=version.document.module.dialogue.municipality_id,
        text=_("The consultation document “%(title)s” as Word and PDF") % {"title": version.title},
    )
