"""Meetings of a political body, its public question time, and the questions residents ask at it.

A question belongs to one meeting; its reference number ("AF 2026/7") is taken from a per-municipality, per-year
sequence under a row lock. The status moves only through workflow.py.
"""

import datetime
import re
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from delaktig.accounts.models import IdentityLevel, identity_level_used_field
from delaktig.core.models import TimeStampedModel

TIME_MARK = re.compile(r"^(?:(\d{1,2}):)?([0-5]?\d):([0-5]\d)$")


def validate_time_mark(value):
    if value and not TIME_MARK.match(value.strip()):
        raise ValidationError(_("Write the time in the recording as hours:minutes:seconds, for example 1:23:45."))


def time_mark_seconds(value):
    """'1:23:45' -> 5025; '' -> None."""
    match = TIME_MARK.match((value or "").strip())
    if not match:
        return None
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


class Meeting(TimeStampedModel):
    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="council_meetings"
    )
    body = models.ForeignKey(
        "organisations.Body", verbose_name=_("body"), on_delete=models.CASCADE, related_name="council_meetings"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200)
    agenda_url = models.URLField(_("link to the agenda"), blank=True)
    agenda_file = models.FileField(_("agenda (PDF)"), upload_to="council/agendas/%Y/", blank=True)
    minutes_url = models.URLField(_("link to the minutes"), blank=True)
    recording_url = models.URLField(_("link to the recording"), blank=True)
    has_question_time = models.BooleanField(_("public question time at this meeting"), default=False)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancellation_reason = models.CharField(_("why the meeting is cancelled"), max_length=300, blank=True)
    sequence = models.PositiveIntegerField(default=0)  # raised on every change, for calendars that subscribe

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = pgettext_lazy("council", "meeting")
        verbose_name_plural = pgettext_lazy("council", "meetings")
        constraints = [models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="meeting_ends_after_start")]
        indexes = [models.Index(fields=["municipality", "starts_at"])]

    def __str__(self):
        local = self.starts_at.astimezone(_zone())
        return f"{self.body.short_name or self.body.name} {local:%Y-%m-%d}"

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None

    @property
    def agenda_size(self):
        """The uploaded agenda's size in bytes, or None when there is none or it cannot be read."""
        try:
            return self.agenda_file.size if self.agenda_file else None
        except OSError:
            return None

    def local_date(self) -> datetime.date:
        return self.starts_at.astimezone(_zone()).date()

    def get_absolute_url(self):
        return reverse("council:meeting", args=[self.municipality.slug, self.pk])


def _zone():
    return ZoneInfo(settings.TIME_ZONE)


class WhoMayAsk(models.TextChoices):
    RESIDENTS = "residents", _("Residents of the municipality (the asker confirms it)")
    ANYONE = "anyone", _("Anyone")


class QuestionTimeSettings(TimeStampedModel):
    body = models.OneToOneField("organisations.Body", on_delete=models.CASCADE, related_name="question_time")
    deadline_days = models.PositiveSmallIntegerField(
        _("last day for questions, in days before the meeting"),
        default=10,
        help_text=_("Questions are taken until midnight that day."),
    )
    max_per_meeting = models.PositiveSmallIntegerField(_("most questions per meeting"), default=10)
    max_per_person = models.PositiveSmallIntegerField(_("most questions per person and meeting"), default=1)
    minutes_allotted = models.PositiveSmallIntegerField(_("minutes for question time"), default=30)
    asked_in_person = models.BooleanField(
        _("the asker reads the question at the meeting"),
        default=False,
        help_text=_("If not, the chair reads it out."),
    )
    who_may_ask = models.CharField(_("who may ask"), max_length=20, choices=WhoMayAsk.choices, default="residents")
    identity_level = models.PositiveSmallIntegerField(
        _("identification needed"), choices=IdentityLevel.choices, default=IdentityLevel.EMAIL
    )

    class Meta:
        verbose_name = _("question time settings")
        verbose_name_plural = _("question time settings")

    def __str__(self):
        return str(self.body)


class Status(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("question status", "Waiting for review")
    APPROVED = "approved", pgettext_lazy("question status", "Approved")
    REFUSED = "refused", pgettext_lazy("question status", "Not approved")
    ANSWERED = "answered", pgettext_lazy("question status", "Answered")
    WITHDRAWN = "withdrawn", pgettext_lazy("question status", "Withdrawn")
    MEETING_CANCELLED = "meeting_cancelled", pgettext_lazy("question status", "The meeting was cancelled")


PUBLIC_STATUSES = frozenset({Status.APPROVED, Status.ANSWERED})
COUNTED_STATUSES = frozenset({Status.SUBMITTED, Status.APPROVED, Status.ANSWERED})  # toward the limits


class RefusalReason(models.TextChoices):
    NOT_MUNICIPAL = "not_municipal", _("It is not about something the municipality is responsible for")
    INDIVIDUAL_MATTER = "individual_matter", _("It is about an individual case or a person")
    ON_THE_AGENDA = "on_the_agenda", _("It is about a matter the body decides at this meeting")
    OFFENSIVE = "offensive", _("It is offensive or discriminatory")
    ANSWERED_BEFORE = "answered_before", _("The same question was answered recently")
    NOT_A_QUESTION = "not_a_question", _("It is not a question")
    OTHER = "other", _("Another reason")


class Topic(models.TextChoices):
    SCHOOL = "school", _("School and preschool")
    CARE = "care", _("Care and social services")
    TRAFFIC = "traffic", _("Streets, roads and traffic")
    HOUSING = "housing", _("Housing and planning")
    CULTURE = "culture", _("Culture and leisure")
    ENVIRONMENT = "environment", _("Environment and nature")
    BUSINESS = "business", _("Jobs and business")
    FINANCE = "finance", _("The municipality's finances")
    DEMOCRACY = "democracy", _("Democracy and influence")
    OTHER = "other", pgettext_lazy("topic", "Other")


class Question(TimeStampedModel):
    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="council_questions"
    )
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="questions")
    number = models.CharField(_("reference number"), max_length=40)
    addressee = models.ForeignKey(
        "organisations.Membership",
        verbose_name=_("to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="council_questions",
    )
    addressee_name = models.CharField(_("to"), max_length=200)  # as asked, kept if the membership ends
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    text = models.TextField(_("question"))
    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="council_questions"
    )
    asker_name = models.CharField(_("name"), max_length=150)
    identity_level = identity_level_used_field()  # the asker's when sending it
    submission_key = models.CharField(max_length=64, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField()
    refusal_reason = models.CharField(_("reason"), max_length=30, choices=RefusalReason.choices, blank=True)
    refusal_text = models.TextField(_("explanation to the asker"), blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.CharField(_("answered by"), max_length=200, blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answer_url = models.URLField(_("link to the minutes or recording"), blank=True)
    answer_time_mark = models.CharField(
        _("time in the recording"), max_length=10, blank=True, validators=[validate_time_mark]
    )

    class Meta:
        ordering = ["submitted_at", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "number"], name="council_question_number_unique"),
            models.UniqueConstraint(
                fields=["asker", "submission_key"],
                condition=~Q(submission_key=""),
                name="council_question_sent_once",
            ),
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("council:meeting", args=[self.municipality.slug, self.meeting_id]) + f"#fraga-{self.pk}"

    @property
    def is_public(self):
        return self.status in PUBLIC_STATUSES

    def answer_link(self):
        """The link to the answer; a time mark goes on the link as a media fragment (#t=5025), which players
        that know it start at and others ignore."""
        seconds = time_mark_seconds(self.answer_time_mark)
        if not self.answer_url or seconds is None or "#" in self.answer_url:
            return self.answer_url
        return f"{self.answer_url}#t={seconds}"


class QuestionSequence(models.Model):
    """The next question number per municipality and year, taken under a row lock."""

    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["municipality", "year"], name="council_sequence_unique")]

    def __str__(self):
        return f"{self.year}: {self.last}"
