"""A method attached to a dialogue is a Module; it runs in Phases. Comments are shared by all methods, and so are
the abstract input and support a method builds on when residents support and comment on each other's input."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from delaktig.accounts.models import identity_level_used_field
from delaktig.core.models import TimeStampedModel
from delaktig.dialogues.models import AFTER_CLOSE, State

from .identity import COMMENT_CONTENTS
from .population import PopulationAge, Sex
from .registry import registry


class Module(TimeStampedModel):
    dialogue = models.ForeignKey("dialogues.Dialogue", on_delete=models.CASCADE, related_name="modules")
    method = models.CharField(_("method"), max_length=40)
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveIntegerField(default=0)
    settings = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("module")

    def __str__(self):
        return self.name

    @property
    def manifest(self):
        return registry.get(self.method)

    @property
    def municipality(self):
        return self.dialogue.municipality

    def active_phase(self, now=None):
        """The phase running now. Only while the dialogue is open; once it has closed, only a phase whose type runs
        after closing (the participants' evaluation), so nothing invites to take part in a closed dialogue."""
        now = now or timezone.now()
        state = self.dialogue.state
        if state != State.OPEN and state not in AFTER_CLOSE:
            return None
        for phase in self.phases.all():
            running = phase.starts_at <= now < phase.ends_at
            if running and (state == State.OPEN or _runs_after_close(self.manifest, phase)):
                return phase
        return None

    def get_absolute_url(self):
        return reverse(f"{self.method}:index", args=[self.dialogue.municipality.slug, self.dialogue_id, self.pk])


def _runs_after_close(manifest, phase):
    phase_type = manifest.phase_type(phase.phase_type) if manifest else None
    return phase_type is not None and phase_type.after_close


class Phase(TimeStampedModel):
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="phases")
    phase_type = models.CharField(_("phase type"), max_length=40)
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("phase")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="phase_ends_after_start")
        ]

    def __str__(self):
        return self.name

    @property
    def type(self):
        manifest = self.module.manifest
        return manifest.phase_type(self.phase_type) if manifest else None

    def is_active(self, now=None):
        now = now or timezone.now()
        return self.starts_at <= now < self.ends_at


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    PAPER = "paper", _("On paper")
    MEETING = "meeting", _("At a meeting")
    EMAIL = "email", _("By e-mail")
    PHONE = "phone", _("By phone")


class ModerationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Removed")


class ModerationReason(models.TextChoices):
    OFF_TOPIC = "off_topic", _("Not about the question of the dialogue")
    PERSONAL_DATA = "personal_data", _("Contains personal data about someone")
    OFFENSIVE = "offensive", _("Offensive, threatening or discriminatory")
    UNLAWFUL = "unlawful", _("Unlawful content")
    ADVERTISING = "advertising", _("Advertising or spam")
    DUPLICATE = "duplicate", _("Duplicate of another post")
    COMPLAINT = "complaint", _("A complaint or fault report; sent to the right channel instead")


class Moderated(models.Model):
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ModerationStatus.choices,
        default=ModerationStatus.PUBLISHED,
        db_index=True,
    )
    moderation_reason = models.CharField(_("reason"), max_length=30, choices=ModerationReason.choices, blank=True)
    moderation_note = models.TextField(_("note to the writer"), blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True


class Comment(TimeStampedModel, Moderated):
    """A comment on any contribution of any method."""

    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE, related_name="+")
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    author_name = models.CharField(_("name shown"), max_length=120, blank=True)
    text = models.TextField(_("comment"), max_length=4000)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.ONLINE)
    identity_level = identity_level_used_field()  # the author's when writing it

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["target_type", "target_id", "status"])]

    def __str__(self):
        return self.text[:60]


class InputQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ModerationStatus.PUBLISHED)

    def received(self):
        """Everything that came in and was not removed by a moderator."""
        return self.exclude(status=ModerationStatus.REJECTED)


class AbstractInput(TimeStampedModel, Moderated):
    """A resident's input to a module, which others support (an AbstractSupport) and comment on (Comment).

    The method's model adds `module` and `author` (with its own related names), `text` and `title` (a field or a
    property), and sets `reference_prefix`; its public URLs name the input's page "detail".
    """

    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE, related_name="+")
    author_name = models.CharField(_("name shown"), max_length=120, blank=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.ONLINE)
    identity_level = identity_level_used_field()  # the author's when sending it; NULL for input entered by staff
    # One key per draft, so a form sent twice creates one input.
    submission_key = models.CharField(max_length=40, null=True, blank=True, unique=True, editable=False)
    comments = GenericRelation(Comment, content_type_field="target_type", object_id_field="target_id")

    objects = InputQuerySet.as_manager()

    reference_prefix = ""  # "IN" makes input 121 read "IN-121"; the manifest declares the same prefix
    public_contents = COMMENT_CONTENTS  # what the input makes public, in what_is_public()'s words (receipts)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]

    def get_absolute_url(self):
        return reverse(f"{self._meta.app_label}:detail", args=self.url_args())

    @property
    def reference(self):
        return f"{self.reference_prefix}-{self.pk}"

    @property
    def is_published(self):
        return self.status == ModerationStatus.PUBLISHED

    @property
    def is_removed(self):
        return self.status == ModerationStatus.REJECTED

    def receipt_details(self):
        """(label, value) lines that name the input in the e-mail receipt, under its reference number."""
        return [(_("Title"), self.title)]

    def url_args(self):
        module = self.module
        return [module.dialogue.municipality.slug, module.dialogue_id, module.pk, self.pk]


class AbstractSupport(models.Model):
    """One person supports one input, at most once. The method's model adds `input`, the ForeignKey to its input
    with the related name "supports", and `user`."""

    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        verbose_name = _("support")
        constraints = [models.UniqueConstraint(fields=["input", "user"], name="%(app_label)s_support_once")]

    def __str__(self):
        return f"{self.user_id} → {self.input_id}"


class DeskRecord(models.Model):
    """One input entered at the desk ("Registrera inkommet"), as the desk lists and counts it for the person.

    The input itself lives in its method; this keeps what the desk shows (reference, first words) and whether it was
    taken back, so the desk lists every method's entries the same way.
    """

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="desk_records")
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="desk_records"
    )
    item_id = models.PositiveBigIntegerField()
    reference = models.CharField(max_length=40)
    summary = models.CharField(max_length=300, blank=True)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    created_at = models.DateTimeField(default=timezone.now)
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["entered_by", "created_at"])]

    def __str__(self):
        return self.reference


class PopulationCell(models.Model):
    """How many residents a municipality (or one of its areas) had of an age band and sex at the end of a year.

    Imported from SCB's population table (`population.py` maps SCB's ages onto the bands). Cells without an area
    are the whole municipality; cells with one are that area's. Comparisons read the latest year.
    """

    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="population_cells"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    area = models.ForeignKey(
        "organisations.Area", null=True, blank=True, on_delete=models.CASCADE, related_name="population_cells"
    )
    age_band = models.CharField(_("age band"), max_length=20, choices=PopulationAge.choices)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices)
    count = models.PositiveIntegerField(_("number of residents"))

    class Meta:
        ordering = ["year", "area", "age_band", "sex"]
        verbose_name = _("population cell")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year", "area", "age_band", "sex"],
                condition=Q(area__isnull=False),
                name="population_cell_once_per_area",
            ),
            models.UniqueConstraint(
                fields=["municipality", "year", "age_band", "sex"],
                condition=Q(area__isnull=True),
                name="population_cell_once_per_municipality",
            ),
        ]

    def __str__(self):
        return f"{self.year} {self.area or '–'} {self.age_band} {self.sex}: {self.count}"
