from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background import purposes

from .building import archive_export_build
from .models import ArchiveExport


@task()
def archive_export_task(*, export_id):
    archive_export_build(export_id=export_id)


@purposes.describes(archive_export_task)
def _export_purpose(kwargs):
    export = ArchiveExport.objects.select_related("dialogue__municipality").filter(pk=kwargs.get("export_id")).first()
    if export is None:
        return None
    dialogue = export.dialogue
    return purposes.Purpose(
        municipality_id=dialogue.municipality_id,
        text=_("The archive package of “%(dialogue)s”") % {"dialogue": dialogue.title},
        url=reverse("archive:detail", args=[dialogue.municipality.slug, dialogue.pk, export.pk]),
    )
