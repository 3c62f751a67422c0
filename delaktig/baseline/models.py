"""The baseline: participation activities a department runs outside the platform, registered in a few fields or
imported from a spreadsheet, and each department's or body's capacity for dialogues in a year.

A registered activity never passes the dialogue lifecycle. When it is the same thing as a dialogue on the
platform, `dialogue` links the two and the baseline counts it once (selectors.baseline_entries).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from delaktig.core.models import TimeStampedModel
from delaktig.organisations import ladders


class Frequency(models.TextChoices):
    ONCE = "once", _("Once")
    YEARLY = "yearly", _("Every year")
    TERMLY = "termly", _("Every term")
    MONTHLY = "monthly", _("Every month")
    WEEKLY = "weekly", _("Every week")
    ONGOING = "ongoing", _("Ongoing")


class Activity(TimeStampedModel):
    """A participation activity a department runs outside the platform, in one year."""

    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="baseline_activities"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    name = models.CharField(_("name of the activity"), max_length=200)
    department = models.ForeignKey(
        "organisations.Department",
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="baseline_activities",
    )
    body = models.ForeignKey(
        "organisations.Body",
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="baseline_activities",
        help_text=_("Leave empty when it is the body responsible for the department."),
    )
    ladder_level = models.CharField(_("level on the participation ladder"), max_length=30)
    target_groups = models.CharField(_("target groups"), max_length=300, blank=True)
    channels = models.CharField(_("channels"), max_length=300, blank=True)
    frequency = models.CharField(_("how often"), max_length=20, choices=Frequency.choices, blank=True)
    contact = models.CharField(_("contact"), max_length=200, blank=True)  # personal data: staff pages only
    dialogue = models.ForeignKey(
        "dialogues.Dialogue",
        verbose_name=_("the same dialogue on the platform"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="baseline_activities",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-year", "department__name", "name", "id"]
        verbose_name = _("registered activity")
        verbose_name_plural = _("registered activities")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year", "department", "name"], name="baseline_activity_unique"
            ),
        ]
        indexes = [models.Index(fields=["municipality", "year"])]

    def __str__(self):
        return self.name

    @property
    def ladder(self):
        return ladders.level(self.municipality.ladder_profile, self.ladder_level)

    @property
    def responsible_body(self):
        return self.body if self.body_id else self.department.body


class Capacity(TimeStampedModel):
    """How many dialogues a department or a body plans in a year, and the staff hours it has for them."""

    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="baseline_capacities"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    department = models.ForeignKey(
        "organisations.Department",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="baseline_capacities",
    )
    body = models.ForeignKey(
        "organisations.Body",
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="baseline_capacities",
    )
    planned = models.PositiveIntegerField(_("dialogues planned"))
    staff_hours = models.PositiveIntegerField(_("staff hours for dialogues"))

    class Meta:
        ordering = ["-year", "department__name", "body__name", "id"]
        verbose_name = _("capacity")
        verbose_name_plural = _("capacities")
        constraints = [
            models.CheckConstraint(
                condition=Q(department__isnull=False, body__isnull=True)
                | Q(department__isnull=True, body__isnull=False),
                name="baseline_capacity_department_or_body",
            ),
            models.UniqueConstraint(
                fields=["municipality", "year", "department"],
                condition=Q(department__isnull=False),
                name="baseline_capacity_unique_department",
            ),
            models.UniqueConstraint(
                fields=["municipality", "year", "body"],
                condition=Q(body__isnull=False),
                name="baseline_capacity_unique_body",
            ),
        ]

    def __str__(self):
        return f"{self.unit} {self.year}"

    @property
    def unit(self):
        return self.department if self.department_id else self.body
