"""An export of a decided dialogue's records for the municipality's case and archive system (docs/archive-export.md).

Each export is a row with its own progress while the background task builds the package (a ZIP with the files and
an XML description following CITS ERMS); the package is kept on the row so it can be downloaded again.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from delaktig.background.jobs import ProgressRow
from delaktig.core.models import TimeStampedModel


class Status(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Being built")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


def _upload_to(instance, filename):
    return f"archive/{instance.dialogue.municipality_id}/{instance.dialogue_id}/{filename}"


class ArchiveExport(ProgressRow, TimeStampedModel):
    dialogue = models.ForeignKey("dialogues.Dialogue", on_delete=models.CASCADE, related_name="archive_exports")
    identifier = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)  # the package's id in the XML
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    step = models.CharField(_("step"), max_length=120, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    package = models.FileField(upload_to=_upload_to, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    checksum = models.CharField(max_length=64, blank=True)  # SHA-256 of the ZIP, hex
    file_count = models.PositiveIntegerField(default=0)  # files described in the XML (the XML itself not counted)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("archive export")
        verbose_name_plural = _("archive exports")
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="archive_export_progress_max_100"),
        ]

    def __str__(self):
        return f"{self.dialogue_id} {self.created_at:%Y-%m-%d}"

    def file_name(self):
        """Swedish file name: arkivpaket-<case number>-<date>.zip, the number made safe for a file name."""
        number = self.dialogue.case_number or f"dialog-{self.dialogue_id}"
        safe = "".join(c if c.isalnum() else "-" for c in number).strip("-")
        while "--" in safe:
            safe = safe.replace("--", "-")
        return f"arkivpaket-{safe}-{timezone.localdate(self.created_at):%Y%m%d}-{self.pk}.zip"
