"""A municipality's own retention periods and the log of what the retention job removed (docs/privacy.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RetentionPeriod(models.Model):
    """A municipality's period for one kind of personal data (core/retention.py); without a row the kind's default
    applies. `amount` is in the kind's unit; empty means the data is kept (gallras ej)."""

    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="retention_periods"
    )
    kind = models.CharField(max_length=60)
    amount = models.PositiveIntegerField(_("period"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["municipality", "kind"], name="retention_period_once")]

    def __str__(self):
        return f"{self.kind}: {self.amount}"


class RetentionRun(models.Model):
    """One run of the retention job for one municipality (or, without one, for the data of no municipality):
    `removed` is {kind key: rows removed}, kinds with nothing to remove included."""

    municipality = models.ForeignKey(
        "organisations.Municipality", null=True, blank=True, on_delete=models.CASCADE, related_name="retention_runs"
    )
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()
    removed = models.JSONField(default=dict)
    total = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["municipality", "-started_at"])]

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M}: {self.total}"
