"""A dialogue from political initiative to evaluation. The lifecycle rules are in workflow.py."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from delaktig.core.models import TimeStampedModel
from delaktig.organisations import ladders


class Kind(models.TextChoices):
    CITIZEN_DIALOGUE = "citizen_dialogue", _("Citizen dialogue")
    USER_DIALOGUE = "user_dialogue", _("User dialogue")
    INFORMATION = "information", _("Information activity")


class State(models.TextChoices):
    INITIATIVE = "initiative", _("Initiative")
    ASSESSED = "assessed", _("Assessed")
    DECIDED = "decided", _("Decided")
    DECLINED = "declined", _("Declined")
    PLANNED = "planned", _("Planned")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    RESULTS_COMPILED = "results_compiled", _("Results compiled")
    MATTER_DECIDED = "matter_decided", _("Decision made")
    FEEDBACK_PUBLISHED = "feedback_published", _("Feedback published")
    EVALUATED = "evaluated", _("Evaluated")
    CANCELLED = "cancelled", _("Cancelled")


PUBLIC_STATES = frozenset(
    {
        State.PLANNED,
        State.OPEN,
        State.CLOSED,
        State.RESULTS_COMPILED,
        State.MATTER_DECIDED,
        State.FEEDBACK_PUBLISHED,
        State.EVALUATED,
    }
)


class PublicIdentity(models.TextChoices):
    """How participants appear publicly: a setting of the dialogue's plan, in order from least to most private."""

    NAME = "name", _("With their name")
    PSEUDONYM = "pseudonym", _("With a pseudonym")
    ANONYMOUS = "anonymous", _("Anonymously")
    ANONYMOUS_BY_DESIGN = "anonymous_by_design", _("Anonymous by design")


# Least private first: once anyone has taken part the setting may only move to the right (see docs/decisions.md).
PUBLIC_IDENTITY_ORDER = tuple(PublicIdentity.values)

# States in which the municipality owes participants feedback.
AWAITING_FEEDBACK = frozenset({State.CLOSED, State.RESULTS_COMPILED, State.MATTER_DECIDED})
# Every state after the dialogue has closed (cancelled left out): a phase whose type runs after closing may run then
AFTER_CLOSE = AWAITING_FEEDBACK | {State.FEEDBACK_PUBLISHED, State.EVALUATED}

# The two decisions a dialogue records, each as the staff form's fields and the part of the Decision each fills.
# The form field names are what staff, the change log and the open data have always used.
DECISION_FIELDS = {
    "decision_to_hold": {
        "deciding_body": "body",
        "decision_date": "date",
        "decision_minute_item": "minute_item",
        "decision_registration_number": "number",
    },
    "decision_in_matter": {
        "matter_body": "body",
        "matter_decision_date": "date",
        "matter_minute_item": "minute_item",
        "matter_registration_number": "number",
        "matter_decision": "text",
    },
}


class DialogueQuerySet(models.QuerySet):
    def public(self):
        return self.filter(state__in=PUBLIC_STATES)

    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def dialogues_only(self):
        """Information activities are never counted as dialogues."""
        return self.exclude(kind=Kind.INFORMATION)

    def feedback_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(state__in=AWAITING_FEEDBACK, feedback_due_on__lt=today).exclude(kind=Kind.INFORMATION)


class Dialogue(TimeStampedModel):
    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE, related_name="dialogues")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.CITIZEN_DIALOGUE)
    state = models.CharField(_("state"), max_length=30, choices=State.choices, default=State.INITIATIVE)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(max_length=80, blank=True)

    # Initiative
    question = models.TextField(_("question"), help_text=_("The question residents are asked to think about."))
    background = models.TextField(_("background"), blank=True)
    proposed_by = models.ForeignKey(
        "organisations.Body",
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposed_dialogues",
    )
    department = models.ForeignKey(
        "organisations.Department",
        verbose_name=_("responsible department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dialogues",
    )
    responsible_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responsible_dialogues",
    )
    case_number = models.CharField(_("case number"), max_length=40, blank=True)
    officer_report = models.TextField(_("officer's report"), blank=True)

    # Assessment (the checklist answers are ChecklistAnswer rows)
    is_influenceable = models.BooleanField(_("open to influence"), null=True, blank=True)

    # Decision to hold the dialogue
    decision_to_hold = models.OneToOneField(
        "organisations.Decision",
        verbose_name=_("decision to hold the dialogue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="held_dialogue",
    )
    principles = models.ForeignKey(
        "foundation.PrinciplesDocument",
        verbose_name=_("principles in force"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dialogues",
    )

    # Plan
    ladder_level = models.CharField(_("level on the participation ladder"), max_length=30, blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    open_for_influence = models.TextField(_("what you can influence"), blank=True)
    fixed = models.TextField(_("what is already decided"), blank=True)
    input_use = models.TextField(_("how your input will be used"), blank=True)
    target_groups = models.ManyToManyField(
        "organisations.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="dialogues"
    )
    toolbox_methods = models.ManyToManyField(
        "foundation.ToolboxMethod", verbose_name=_("methods"), blank=True, related_name="dialogues"
    )
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    easy_read_summary = models.TextField(_("easy-to-read summary"), blank=True)
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_("For example Swedish, Finnish, Arabic")
    )
    starts_on = models.DateField(_("opens"), null=True, blank=True)
    ends_on = models.DateField(_("closes"), null=True, blank=True)
    moderation = models.CharField(
        _("moderation"),
        max_length=10,
        choices=[("post", _("Publish at once, moderate afterwards")), ("pre", _("Moderate before publishing"))],
        default="post",
    )
    public_identity = models.CharField(
        _("how participants appear publicly"),
        max_length=30,
        choices=PublicIdentity.choices,
        default=PublicIdentity.NAME,
    )

    # Running and afterwards
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    feedback_due_on = models.DateField(_("feedback due"), null=True, blank=True)
    # The date promised anew when the feedback is late; feedback_due_on stays the first promise.
    feedback_new_due_on = models.DateField(_("new date for the feedback"), null=True, blank=True)
    # What staff write in the later stages is kept by the apps that own them: the summary of results and the
    # offline count in results.CompiledResults; how the input mattered, feedback and evaluation in followup.Outcome.
    decision_in_matter = models.OneToOneField(
        "organisations.Decision",
        verbose_name=_("decision in the matter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="matter_dialogue",
    )
    feedback_published_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)

    objects = DialogueQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("dialogue")
        verbose_name_plural = _("dialogues")
        indexes = [models.Index(fields=["municipality", "state"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.title)[:80] or "dialog"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("dialogues:detail", args=[self.municipality.slug, self.pk, self.slug])

    def get_staff_url(self):
        return reverse("dialogues:staff_detail", args=[self.municipality.slug, self.pk])

    @property
    def ladder(self):
        return ladders.level(self.municipality.ladder_profile, self.ladder_level) if self.ladder_level else None

    @property
    def ladder_steps(self):
        return ladders.levels_for(self.municipality.ladder_profile)

    @property
    def year(self):
        decided = self.decision_to_hold.date if self.decision_to_hold else None
        when = self.starts_on or decided or self.created_at
        return when.year if when else None

    @property
    def is_feedback_overdue(self):
        return (
            self.kind != Kind.INFORMATION
            and self.state in AWAITING_FEEDBACK
            and self.feedback_due_on is not None
            and self.feedback_due_on < timezone.localdate()
        )

    # How participants appear publicly. Methods ask these; they never read public_identity themselves.

    @property
    def asks_for_pseudonym(self):
        return self.public_identity == PublicIdentity.PSEUDONYM

    @property
    def shows_names(self):
        """A name or a pseudonym is shown with contributions (else "Anonymous participant")."""
        return self.public_identity in (PublicIdentity.NAME, PublicIdentity.PSEUDONYM)

    @property
    def stores_account(self):
        """False when anonymous by design: no contribution keeps a link to the account that made it."""
        return self.public_identity != PublicIdentity.ANONYMOUS_BY_DESIGN

    def public_name_for(self, user, pseudonym=""):
        """The name shown publicly with a contribution by `user`: "" means "Anonymous participant"."""
        if getattr(user, "protected_identity", False):
            return ""  # skyddade personuppgifter: never shown (accounts.identity)
        if self.public_identity == PublicIdentity.NAME:
            return (getattr(user, "name", "") or "").strip()
        if self.public_identity == PublicIdentity.PSEUDONYM:
            return " ".join((pseudonym or "").split())
        return ""

    def account_for(self, user):
        """The account to store with a contribution: None when the dialogue is anonymous by design."""
        return user if self.stores_account else None

    def set_feedback_due(self, closed_at):
        self.feedback_due_on = timezone.localdate(closed_at) + timedelta(days=self.municipality.feedback_deadline_days)


class ChecklistAnswer(TimeStampedModel):
    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="checklist_answers")
    question = models.ForeignKey("organisations.ChecklistQuestion", on_delete=models.PROTECT, related_name="+")
    answer = models.TextField(_("answer"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["dialogue", "question"], name="checklist_answer_unique")]


class Follower(TimeStampedModel):
    """A resident who wants e-mail when results and feedback are published."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="followers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_dialogues")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["dialogue", "user"], name="follower_unique")]


class Notification(TimeStampedModel):
    """One e-mail owed to one person about one event; sent at most once (the unique key makes resends safe)."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="notifications")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    event = models.CharField(max_length=40)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["dialogue", "user", "event"], name="notification_once")]
