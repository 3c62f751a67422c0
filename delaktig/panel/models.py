"""The citizen panel (medborgarpanel): residents who agreed to be asked now and then, mirroring the population.

A member's contact details are kept only while they are in the panel: leaving, being removed and erasure blank them
(`services._anonymise`), while the row stays with its age band, gender and area, so the samples it was drawn into
still add up. Nothing here stores an answer: a survey's answers live in the survey method, never joined to a member.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from delaktig.core.models import TimeStampedModel
from delaktig.participation.demographics import AgeBand, Gender

PANEL_AGE_BANDS = [(value, label) for value, label in AgeBand.choices if value != AgeBand.UNDER_18]
DEFAULT_INACTIVITY_MONTHS = 24


def new_link_key():
    return secrets.token_hex(16)


class PanelSettings(TimeStampedModel):
    """Per municipality; the defaults apply until someone saves them."""

    municipality = models.OneToOneField(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="panel_settings"
    )
    signup_open = models.BooleanField(_("residents can sign up on the website"), default=False)
    inactivity_months = models.PositiveSmallIntegerField(
        _("months without activity before a member is removed"),
        default=DEFAULT_INACTIVITY_MONTHS,
        validators=[MinValueValidator(6), MaxValueValidator(120)],
        help_text=_("Between 6 and 120. Answering a survey, confirming or opening one's data counts as activity."),
    )

    class Meta:
        verbose_name = _("panel settings")

    def __str__(self):
        return str(self.municipality)


class Status(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    LEFT = "left", _("Left")
    REMOVED = "removed", _("Removed")


IN_PANEL = (Status.ACTIVE, Status.PAUSED)
ENDED = (Status.LEFT, Status.REMOVED)


class Source(models.TextChoices):
    SIGNUP = "signup", _("Signed up on the website")
    IMPORT = "import", _("Imported by staff")


class PanelMember(TimeStampedModel):
    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE, related_name="+")
    email = models.EmailField(_("e-mail address"), blank=True)  # "" once the member has left or was removed
    # A hash of the address of someone who left or erased their data, so an import does not add them again.
    email_digest = models.CharField(max_length=64, blank=True, db_index=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    # Skyddade personuppgifter: set when the person's account is protected (privacy; hook identity_protect). Staff
    # pages then show "Protected identity" instead of the name and contact details; e-mail still reaches them.
    protected_identity = models.BooleanField(_("protected identity"), default=False)
    age_band = models.CharField(_("age"), max_length=20, choices=PANEL_AGE_BANDS)
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices)
    area = models.ForeignKey(
        "organisations.Area", verbose_name=_("area"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    source = models.CharField(_("how they joined"), max_length=20, choices=Source.choices, default=Source.SIGNUP)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    consent_version = models.CharField(_("consent text"), max_length=120, blank=True)
    last_active_on = models.DateField(_("last active"), null=True, blank=True)  # a date, never a time: see docs
    ended_on = models.DateField(_("left or removed"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    link_key = models.CharField(max_length=32, default=new_link_key)  # a new one stops every link sent before

    class Meta:
        ordering = ["id"]
        verbose_name = _("panel member")
        verbose_name_plural = _("panel members")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "email"], condition=~Q(email=""), name="panel_member_email_once"
            )
        ]
        indexes = [models.Index(fields=["municipality", "status"])]

    def __str__(self):
        return self.reference

    @property
    def reference(self):
        return f"MP-{self.pk}"


class Sample(TimeStampedModel):
    """A stratified random sample of active members for a named purpose, stored with each member's stratum.

    `strata` keeps what the draw planned: [{"key", "quota", "available", "drawn", "population_share"}], so the
    composition can be shown later as it was drawn, whatever the panel or the population figures became since.
    """

    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE, related_name="+")
    purpose = models.CharField(_("purpose"), max_length=200)
    target = models.CharField(_("for"), max_length=200, blank=True)  # e.g. a survey, named by the survey method
    size = models.PositiveIntegerField(_("size"))
    by_area = models.BooleanField(_("by area"), default=False)
    seed = models.PositiveIntegerField(_("seed"))
    population_year = models.PositiveSmallIntegerField(null=True, blank=True)
    strata = models.JSONField(default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("sample")

    def __str__(self):
        return self.reference

    @property
    def reference(self):
        return f"UR-{self.pk}"


class SampleMember(models.Model):
    sample = models.ForeignKey(Sample, on_delete=models.CASCADE, related_name="entries")
    member = models.ForeignKey(PanelMember, on_delete=models.CASCADE, related_name="+")
    stratum = models.CharField(max_length=60)

    class Meta:
        ordering = ["member_id"]
        constraints = [models.UniqueConstraint(fields=["sample", "member"], name="sample_member_once")]

    def __str__(self):
        return f"{self.sample_id}:{self.member_id}"
