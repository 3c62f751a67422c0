"""Municipalities, their bodies and departments, and the memberships that give people roles."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from delaktig.core.middleware import municipality_forget
from delaktig.core.models import TimeStampedModel

from .ladders import PROFILE_CHOICES


class Municipality(TimeStampedModel):
    name = models.CharField(_("name"), max_length=120)
    municipality_code = models.CharField(_("municipality code"), max_length=4, unique=True)
    slug = models.SlugField(_("web address"), unique=True)
    is_active = models.BooleanField(default=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    # Settings the municipality's administrator edits.
    ladder_profile = models.CharField(_("participation ladder"), max_length=20, choices=PROFILE_CHOICES, default="skr")
    deciding_body = models.ForeignKey(
        "Body",
        verbose_name=_("body that decides on citizen dialogues"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Usually the municipal council (KF)."),
    )
    feedback_deadline_days = models.PositiveIntegerField(_("days to give feedback after a dialogue closes"), default=60)
    case_number_pattern = models.CharField(_("form of case numbers"), max_length=200, blank=True, default="")

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        municipality_forget(self.slug)  # the tenancy middleware's copies

    def get_deciding_body(self):
        if self.deciding_body_id:
            return self.deciding_body
        return self.bodies.filter(kind=Body.Kind.COUNCIL).first()


class Body(TimeStampedModel):
    class Kind(models.TextChoices):
        COUNCIL = "council", _("Municipal council")
        EXECUTIVE_BOARD = "executive_board", _("Municipal executive board")
        COMMITTEE = "committee", _("Committee")
        WORKING_COMMITTEE = "working_committee", _("Working committee")
        PRESIDIUM = "presidium", _("Presidium")

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="bodies")
    name = models.CharField(_("name"), max_length=160)
    short_name = models.CharField(_("short name"), max_length=20, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children")

    class Meta:
        ordering = ["municipality", "kind", "name"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="body_unique_name")]

    def __str__(self):
        return self.name


class Decision(TimeStampedModel):
    """What a body decided at a meeting, as the minutes have it: the one record behind every decision we show.

    A dialogue has two (the decision to hold it, the decision in the matter), a proposal one. While staff save a
    draft any part may still be empty; the step that needs the decision checks it is complete.
    """

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="decisions")
    body = models.ForeignKey(
        Body, verbose_name=_("decided by"), null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    date = models.DateField(_("date of decision"), null=True, blank=True)
    minute_item = models.CharField(_("minute item"), max_length=40, blank=True)
    number = models.CharField(_("registration number"), max_length=40, blank=True)
    text = models.TextField(_("decision"), blank=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self):
        return self.citation() or str(_("Decision"))

    def citation(self):
        """How the decision is cited: “KF 2026-03-12 § 45” (the parts that are known)."""
        body = (self.body.short_name or self.body.name) if self.body_id else ""
        parts = [body, self.date.isoformat() if self.date else "", self.minute_item]
        return " ".join(part for part in parts if part)


class Department(TimeStampedModel):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="departments")
    name = models.CharField(_("name"), max_length=160)
    body = models.ForeignKey(Body, verbose_name=_("responsible body"), null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="department_unique_name")]

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    ELECTED_OFFICIAL = "elected_official", _("Elected official")
    OFFICER = "officer", _("Officer")
    DEMOCRACY_OFFICER = "democracy_officer", _("Democracy officer")
    REGISTRAR = "registrar", _("Registrar")
    MODERATOR = "moderator", _("Moderator")
    ADMINISTRATOR = "administrator", _("Municipality administrator")
    PRESIDIUM = "presidium", _("Member of a body's presidium")  # reviews the questions for its body's question time


STAFF_ROLES = frozenset(Role.values)


class Membership(TimeStampedModel):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    body = models.ForeignKey(Body, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships")
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    title = models.CharField(pgettext_lazy("person", "title"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality", "role", "body", "department"],
                name="membership_unique",
                nulls_distinct=False,
            ),
            models.CheckConstraint(
                condition=~Q(role="elected_official") | Q(body__isnull=False),
                name="elected_official_has_body",
            ),
            models.CheckConstraint(condition=~Q(role="presidium") | Q(body__isnull=False), name="presidium_has_body"),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} ({self.municipality})"


class ChecklistQuestion(TimeStampedModel):
    """A question of the checklist that examines a proposed dialogue topic (editable per municipality)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="checklist_questions")
    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("hint"), max_length=300, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    required = models.BooleanField(_("required"), default=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("checklist question")
        verbose_name_plural = _("checklist questions")

    def __str__(self):
        return self.text


class TargetGroup(TimeStampedModel):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="target_groups")
    name = models.CharField(_("name"), max_length=120)
    rarely_participates = models.BooleanField(
        _("usually does not take part"),
        default=False,
        help_text=_("Groups the principles say we must make an extra effort to reach."),
    )
    includes_children = models.BooleanField(
        _("includes children or young people under 18"),
        default=False,
        help_text=_("A decision basis for a dialogue with this target group has a child-rights assessment."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="targetgroup_unique_name")]

    def __str__(self):
        return self.name


class Area(TimeStampedModel):
    """A part of the municipality (a district, a village) that residents may say they live in; for figures only."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="areas")
    name = models.CharField(_("name"), max_length=120)
    order = models.PositiveIntegerField(_("order"), default=0)
    # From the municipality's statistics: lets figures compare where inputs came from with where people live.
    population = models.PositiveIntegerField(_("number of residents"), null=True, blank=True)
    # Its shape on the map (a GeoJSON Polygon or MultiPolygon, checked by core.geo), imported with the others as a
    # file: maps draw it, and tag what residents place on a map with the area that holds it.
    geometry = models.JSONField(_("shape"), null=True, blank=True)

    class Meta:
        ordering = ["order", "name", "id"]
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="area_unique_name")]

    def __str__(self):
        return self.name
