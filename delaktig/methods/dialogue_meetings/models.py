"""Dialogue meetings: meetings residents register for, and what was said at them.

A module holds one or more meetings (a series across districts). People register with name and e-mail (or their
account); when a meeting is full they wait in line and move up when someone cancels. After the meeting staff record
a summary, how many came and what was said: each statement is an input of the dialogue (channel "meeting").
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from delaktig.core.models import TimeStampedModel
from delaktig.participation.models import Channel

TITLE_MAX = 160
TEXT_MAX = 4000
GROUP_MAX = 100

REFERENCE_PREFIX = "DM"  # what was said reads "DM-12"; the manifest declares the same prefix
REGISTRATION_PREFIX = "DMA"  # a registration reads "DMA-57"


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Meeting cancelled")


class Meeting(TimeStampedModel):
    module = models.ForeignKey("participation.Module", on_delete=models.CASCADE, related_name="dialogue_meetings")
    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200)
    address = models.CharField(_("address"), max_length=200, blank=True)
    # Accessibility facts, shown with every meeting
    step_free = models.BooleanField(_("step-free access"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    interpretation = models.BooleanField(_("interpreter on request"), default=False)
    sign_language = models.BooleanField(_("sign language interpreter"), default=False)
    childcare = models.BooleanField(_("childcare"), default=False)
    languages = models.CharField(_("languages spoken"), max_length=200, blank=True)
    online_url = models.URLField(_("link to take part online"), blank=True)
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True)
    registration_deadline = models.DateTimeField(_("last day to register"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    change_reason = models.TextField(_("reason"), blank=True)  # why it was moved or cancelled
    moved_from = models.DateTimeField(null=True, blank=True)  # the start before the last move
    sequence = models.PositiveIntegerField(default=0)  # raised on every move, so calendars take the new time
    # After the meeting
    summary = models.TextField(_("summary"), blank=True)
    present_count = models.PositiveIntegerField(_("people present"), null=True, blank=True)
    present_by_age = models.JSONField(default=dict, blank=True)  # {AgeBand: n}, counted in the room
    present_by_gender = models.JSONField(default=dict, blank=True)  # {Gender: n}
    recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("dialogue meeting")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="dialogue_meetings_meeting_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gt=0), name="dialogue_meetings_capacity_positive"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_cancelled(self):
        return self.status == MeetingStatus.CANCELLED

    def deadline(self):
        """The last moment to register: the deadline staff set, else the start of the meeting."""
        return self.registration_deadline or self.starts_at

    def has_started(self, now=None):
        return (now or timezone.now()) >= self.starts_at

    def is_over(self, now=None):
        return (now or timezone.now()) >= self.ends_at

    def has_begun(self, now=None):
        return (now or timezone.now()) >= self.starts_at

    def url_args(self):
        module = self.module
        return [module.dialogue.municipality.slug, module.dialogue_id, module.pk, self.pk]

    def get_absolute_url(self):
        return reverse("dialogue_meetings:meeting", args=self.url_args())

    def calendar_url(self):
        return reverse("dialogue_meetings:calendar", args=self.url_args())


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Registration cancelled")


ACTIVE = (RegistrationStatus.REGISTERED, RegistrationStatus.WAITING)

# The waiting list is in the order registrations were stored: by the id the database hands out, one registration at a
# time under the meeting's lock (services.meeting_register). Never by created_at, which a clock that is wrong, the
# demo or an import can set to anything, so that someone who registers now could get ahead of people already waiting.
LINE_ORDER = ("id",)


def new_token():
    return secrets.token_urlsafe(24)


class Registration(TimeStampedModel):
    """One person registered for one meeting (or waiting for a place). The token is the key of their links."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="registrations")
    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dialogue_meeting_registrations",
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail address"))
    email_key = models.CharField(max_length=254, editable=False)  # the address in lower case: one per meeting
    interpretation = models.CharField(_("interpretation"), max_length=200, blank=True)
    diet = models.CharField(_("food and allergies"), max_length=200, blank=True)
    assistance = models.CharField(_("assistance"), max_length=300, blank=True)
    wants_updates = models.BooleanField(_("wants to hear what happens"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, default=RegistrationStatus.REGISTERED
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    language = models.CharField(max_length=10, blank=True)  # of the e-mail the person gets
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by_staff = models.BooleanField(default=False)  # else by the person, with their link
    cancel_reason = models.TextField(_("why the registration was cancelled"), blank=True)  # staff's, in the e-mail
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "email_key"],
                condition=Q(status__in=["registered", "waiting"]),
                name="dialogue_meetings_registration_once",
            )
        ]
        indexes = [models.Index(fields=["meeting", "status", "created_at"])]

    def __str__(self):
        return self.reference

    @property
    def reference(self):
        return f"{REGISTRATION_PREFIX}-{self.pk}"

    def waiting_position(self):
        """1 for the first on the waiting list; 0 when not waiting."""
        if self.status != RegistrationStatus.WAITING:
            return 0
        return self.meeting.registrations.filter(status=RegistrationStatus.WAITING, pk__lte=self.pk).count()

    @property
    def has_needs(self):
        return bool(self.interpretation or self.diet or self.assistance)

    def get_absolute_url(self):
        meeting = self.meeting
        module = meeting.module
        args = [module.dialogue.municipality.slug, module.dialogue_id, module.pk, self.token]
        return reverse("dialogue_meetings:registration", args=args)


class Statement(TimeStampedModel):
    """What was said at a meeting (or written on a note there): an input of the dialogue, entered by staff."""

    module = models.ForeignKey("participation.Module", on_delete=models.CASCADE, related_name="dialogue_statements")
    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements", verbose_name=_("meeting")
    )
    # The occasion named at the desk (a meeting of this or another module of the dialogue), as staff read it
    occasion_key = models.CharField(max_length=80, blank=True)
    occasion_label = models.CharField(_("meeting"), max_length=200, blank=True)
    group = models.CharField(_("table or group"), max_length=GROUP_MAX, blank=True)
    title = models.CharField(_("title"), max_length=150)
    text = models.TextField(_("what was said"), max_length=TEXT_MAX)
    speaker_name = models.CharField(_("name shown"), max_length=120, blank=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.MEETING)
    received_on = models.DateField(_("date received"), null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("statement")
        indexes = [models.Index(fields=["module", "created_at"])]

    def __str__(self):
        return self.title

    @property
    def reference(self):
        return f"{REFERENCE_PREFIX}-{self.pk}"

    @property
    def has_own_title(self):
        """False when the title is only the first words of the text (staff gave none): pages then show the text."""
        return not self.text.startswith(self.title.removesuffix("…"))
