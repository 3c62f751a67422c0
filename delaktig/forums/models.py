"""Standing forums of a municipality (mångfaldsråd, ungdomsråd, pensionärsråd, funktionsrättsråd): their purpose,
appointed members with terms, meetings with agenda and minutes, and the matters they were consulted on, with their
statements and what the deciding body did with them. A standing channel, not a participation method; the method
`forum_consultation` brings a forum's statements into a dialogue's results (docs/forums.md)."""

import datetime

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from delaktig.core.models import TimeStampedModel


class Kind(models.TextChoices):
    DIVERSITY = "diversity", _("Diversity forum")
    YOUTH = "youth", _("Youth council")
    PENSIONERS = "pensioners", _("Pensioners' council")
    DISABILITY = "disability", _("Disability council")
    OTHER = "other", _("Other standing forum")


class Forum(TimeStampedModel):
    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE, related_name="forums")
    name = models.CharField(_("name"), max_length=160)
    kind = models.CharField(_("kind of forum"), max_length=20, choices=Kind.choices)
    purpose = models.TextField(_("purpose"), help_text=_("What the forum is for and what it is consulted on."))
    body = models.ForeignKey(
        "organisations.Body",
        verbose_name=_("the body the forum reports to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forums",
    )

    class Meta:
        verbose_name = _("council or forum")
        verbose_name_plural = _("councils and forums")
        ordering = ["name", "id"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="forum_name_unique")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forums:forum", args=[self.municipality.slug, self.pk])

    def get_staff_url(self):
        return reverse("forums:staff_forum", args=[self.municipality.slug, self.pk])


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice chair")
    MEMBER = "member", _("Member")
    SUBSTITUTE = "substitute", _("Substitute")


class ForumMember(TimeStampedModel):
    """A person appointed to the forum for a term. The contact details are for staff only, never public."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("name"), max_length=160)
    role = models.CharField(
        _("role in the forum"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    represents = models.CharField(
        _("appointed for"),
        max_length=200,
        blank=True,
        help_text=_("The organisation, party or group the person represents, for example SPF Seniorerna."),
    )
    term_start = models.DateField(_("term starts"))
    term_end = models.DateField(_("term ends"), null=True, blank=True, help_text=_("Leave empty if not decided."))
    email = models.EmailField(_("e-mail address"), blank=True, help_text=_("Only staff see it."))
    phone = models.CharField(_("phone number"), max_length=40, blank=True, help_text=_("Only staff see it."))

    class Meta:
        verbose_name = _("member of a forum")
        verbose_name_plural = _("members of forums")
        ordering = ["term_start", "name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_end__gte=F("term_start")),
                name="forum_member_term_order",
                violation_error_message=_("The term must end on or after the day it starts."),
            )
        ]

    def __str__(self):
        return self.name

    def serves_on(self, day: datetime.date) -> bool:
        return self.term_start <= day and (self.term_end is None or day <= self.term_end)


class ForumMeeting(TimeStampedModel):
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    agenda_file = models.FileField(_("agenda (PDF)"), upload_to="forums/agendas/%Y/", blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_file = models.FileField(_("minutes (PDF)"), upload_to="forums/minutes/%Y/", blank=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = pgettext_lazy("forum", "meeting")

    def __str__(self):
        return f"{self.forum.name} {self.held_on.isoformat()}"

    def file_size(self, name: str) -> int | None:
        """The size of the stored agenda or minutes file in bytes, or None when there is none or it cannot be read."""
        stored = getattr(self, name)
        try:
            return stored.size if stored else None
        except OSError:
            return None

    @property
    def agenda_size(self):
        return self.file_size("agenda_file")

    @property
    def minutes_size(self):
        return self.file_size("minutes_file")


class Consultation(TimeStampedModel):
    """A matter the forum was asked about (remiss, samråd), and what the deciding body did with its statements."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="consultations")
    title = models.CharField(_("matter"), max_length=200)
    description = models.TextField(_("what the forum was asked"), blank=True)
    asked_on = models.DateField(_("asked on"))
    registration_number = models.CharField(_("registration number"), max_length=40, blank=True)
    deciding_body = models.ForeignKey(
        "organisations.Body",
        verbose_name=_("deciding body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_consultations",
    )
    response = models.TextField(
        _("what the deciding body did with the statement"),
        blank=True,
        help_text=_("Shown on the forum's page. Leave empty until the matter is decided."),
    )
    responded_on = models.DateField(_("decided on"), null=True, blank=True)

    class Meta:
        verbose_name = _("consultation of a forum")
        verbose_name_plural = _("consultations of forums")
        ordering = ["-asked_on", "-id"]

    def __str__(self):
        return self.title


class Statement(TimeStampedModel):
    """The forum's statement (yttrande) on a matter it was consulted on."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="statements")
    meeting = models.ForeignKey(
        ForumMeeting,
        verbose_name=_("adopted at the meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
    )
    given_on = models.DateField(_("given on"))
    text = models.TextField(_("the statement"))

    class Meta:
        verbose_name = _("statement of a forum")
        verbose_name_plural = _("statements of forums")
        ordering = ["given_on", "id"]

    def __str__(self):
        return f"{self.consultation.forum.name}: {self.consultation.title}"
