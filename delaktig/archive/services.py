"""Writes of archive exports: ask for a package (queued, audited); `building` makes it in the worker."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from delaktig.core.audit import audit_record

from . import selectors
from .building import archive_export_build  # noqa: F401  (the work an export's task does)
from .models import ArchiveExport
from .tasks import archive_export_task


def not_closed_message(dialogue) -> str:
    return _(
        "The dialogue cannot be exported for the archive yet: it is “%(state)s”. Export it when the decision in the "
        "matter has been made."
    ) % {"state": dialogue.get_state_display()}


def archive_export_request(*, dialogue, actor) -> ArchiveExport:
    """A new export of the dialogue's records, queued for the worker once the transaction commits.

    Raises ValidationError (with a message for staff) when the matter is not decided yet; nothing is stored then.
    """
    if not selectors.may_archive(dialogue):
        raise ValidationError(not_closed_message(dialogue))
    with transaction.atomic():
        export = ArchiveExport.objects.create(
            dialogue=dialogue,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            step=str(_("Waiting to start")),
        )
        audit_record(
            municipality=dialogue.municipality,
            actor=actor,
            action="archive.exported",
            target=dialogue,
            data={"archive_export_id": export.pk, "case_number": dialogue.case_number},
        )
        transaction.on_commit(lambda: archive_export_task.enqueue(export_id=export.pk))
    return export
