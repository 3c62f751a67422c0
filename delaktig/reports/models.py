"""The yearly report as the council's document: the texts the democracy officer writes for a year, each generation
of the report's files (made in the background, with its progress on the row), and its presentation to the council.

A year's report is published on the public site once it is presented: the generation that was presented is the
one residents download, whatever is generated later.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from delaktig.background.jobs import ProgressRow
from delaktig.core.models import TimeStampedModel

ACTION_POINTS_MAX_CHARS = 4000
ACTION_POINT_MAX_CHARS = 400
RESOLUTION_MAX_CHARS = 2000


class CouncilReport(TimeStampedModel):
    """One municipality's yearly report for one year, as the council receives it."""

    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="council_reports"
    )
    year = models.PositiveIntegerField(_("year"))
    action_points = models.TextField(_("action points"), blank=True)  # one action point a line
    proposed_resolution = models.TextField(_("proposed resolution"), blank=True)  # empty: the default text
    presented_on = models.DateField(_("council meeting"), null=True, blank=True)
    presented_at = models.DateTimeField(null=True, blank=True)
    presented_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # RESTRICT: a generation the council received is never deleted on its own, only with its report
    presented_generation = models.ForeignKey(
        "reports.ReportGeneration", null=True, blank=True, on_delete=models.RESTRICT, related_name="+"
    )

    class Meta:
        ordering = ["-year"]
        verbose_name = _("yearly report")
        verbose_name_plural = _("yearly reports")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="council_report_once_a_year"),
            models.CheckConstraint(
                condition=Q(presented_on__isnull=True) | Q(presented_generation__isnull=False),
                name="council_report_presented_has_files",
            ),
        ]

    def __str__(self):
        return f"{self.municipality_id} {self.year}"

    @property
    def is_presented(self):
        return self.presented_on is not None

    def action_point_list(self):
        """The action points, one a line, empty lines left out."""
        return [line.strip() for line in self.action_points.splitlines() if line.strip()]


class Status(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Being generated")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


def _upload_to(instance, filename):
    return f"reports/{instance.report.municipality_id}/{instance.report.year}/{instance.pk}/{filename}"


class ReportGeneration(ProgressRow, TimeStampedModel):
    """One generation of a year's report: HTML for the staff page, and PDF, Word and XLSX files."""

    report = models.ForeignKey(CouncilReport, on_delete=models.CASCADE, related_name="generations")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    step = models.CharField(_("step"), max_length=120, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    data_version = models.CharField(max_length=80, blank=True)  # what the figures were made from (stale check)
    html = models.TextField(blank=True)  # the sections, as the staff page shows them
    pdf = models.FileField(upload_to=_upload_to, blank=True)
    docx = models.FileField(upload_to=_upload_to, blank=True)
    xlsx = models.FileField(upload_to=_upload_to, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("generation of the yearly report")
        verbose_name_plural = _("generations of the yearly report")
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="report_generation_progress_max_100"),
        ]

    def __str__(self):
        return f"{self.report} #{self.pk}"

    @property
    def pdf_size(self):
        return self.size_of("pdf")

    @property
    def docx_size(self):
        return self.size_of("docx")

    @property
    def xlsx_size(self):
        return self.size_of("xlsx")

    def file_name(self, extension):
        return f"arsrapport-{self.report.municipality.slug}-{self.report.year}.{extension}"
