"""Building an archive package, in the worker: gather the files, describe them, zip them, keep the ZIP on the row."""

import hashlib
import io
import zipfile

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext_lazy

from delaktig.background.jobs import progress_run, progress_step

from . import contents, description
from .models import ArchiveExport, Status

# (progress when the step starts, label shown on the progress page)
STEP_GATHER = (5, gettext_lazy("Gathering the documents, decisions, inputs and audit trail"))
STEP_DESCRIBE = (60, gettext_lazy("Writing the description of the matter"))
STEP_ZIP = (80, gettext_lazy("Packing the files"))
STEP_DONE = (100, gettext_lazy("Ready"))
# A fixed time on every entry, so the same files give the same ZIP.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def archive_export_build(*, export_id):
    """Build one export's package. A failure is stored on the row, never raised; a finished export is left alone."""
    export = ArchiveExport.objects.select_related("dialogue__municipality").get(pk=export_id)
    return progress_run(export, _build)


def zip_bytes(files):
    """[(path, bytes)] as a ZIP (deflated, fixed times)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, data in files:
            archive.writestr(zipfile.ZipInfo(path, date_time=ZIP_TIME), data, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _build(export):
    dialogue = export.dialogue
    progress_step(export, STEP_GATHER)
    package = contents.gather(dialogue)
    progress_step(export, STEP_DESCRIBE)
    xml = description.describe(export=export, dialogue=dialogue, package=package)
    progress_step(export, STEP_ZIP)
    data = zip_bytes([(description.DESCRIPTION_NAME, xml), *((item.path, item.data) for item in package.files)])
    export.package.save(export.file_name(), ContentFile(data), save=False)
    percent, label = STEP_DONE
    ArchiveExport.objects.filter(pk=export.pk).update(
        package=export.package.name,
        size=len(data),
        checksum=hashlib.sha256(data).hexdigest(),
        file_count=len(package.files),
        status=Status.DONE,
        progress=percent,
        step=str(label),
        finished_at=timezone.now(),
    )
