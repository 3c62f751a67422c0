"""Feedback that is kept: deadlines, reminders, the feedback mailing and implementation tracking.

The feedback mailing itself is a mailings.Mailing (purpose "dialogue_feedback", target the dialogue);
the measures' status changes are in workflow.py.
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from delaktig.core.models import TimeStampedModel

MAX_DAYS = 365


class FollowupSettings(TimeStampedModel):
    """When the responsible officer is reminded and when the democracy officers are told (per municipality)."""

    municipality = models.OneToOneField(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="followup_settings"
    )
    reminder_days_before = models.PositiveSmallIntegerField(
        _("remind the responsible officer this many days before the deadline"),
        default=14,
        validators=[MaxValueValidator(MAX_DAYS)],
    )
    escalate_days_after = models.PositiveSmallIntegerField(
        _("tell the democracy officers this many days after the deadline"),
        default=0,
        validators=[MaxValueValidator(MAX_DAYS)],
        help_text=_("0 means the day after the deadline."),
    )

    class Meta:
        verbose_name = _("follow-up settings")

    def __str__(self):
        return str(self.municipality)


class DeadlineAlert(TimeStampedModel):
    """One e-mail about a feedback deadline, owed once: created before sending, stamped when sent."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("Reminder to the responsible officer")
        ESCALATION = "escalation", _("Escalation to the democracy officers")

    dialogue = models.ForeignKey("dialogues.Dialogue", on_delete=models.CASCADE, related_name="deadline_alerts")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    due_on = models.DateField(_("feedback due"))
    recipients = models.TextField(_("sent to"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-due_on", "kind"]
        verbose_name = _("deadline alert")
        constraints = [
            models.UniqueConstraint(fields=["dialogue", "kind", "due_on"], name="followup_deadline_alert_once")
        ]

    def __str__(self):
        return f"{self.dialogue_id} {self.kind} {self.due_on}"


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Measure(TimeStampedModel):
    """Something the municipality does after the decision, traced back to the themes and inputs it came from."""

    dialogue = models.ForeignKey("dialogues.Dialogue", on_delete=models.CASCADE, related_name="measures")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=MeasureStatus.choices, default=MeasureStatus.PLANNED)
    progress = models.PositiveSmallIntegerField(_("progress (percent)"), default=0)
    starts_on = models.DateField(_("start date"), null=True, blank=True)
    due_on = models.DateField(_("due date"), null=True, blank=True)
    done_on = models.DateField(_("done date"), null=True, blank=True)
    responsible_body = models.ForeignKey(
        "organisations.Body",
        verbose_name=_("responsible body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    responsible_department = models.ForeignKey(
        "organisations.Department",
        verbose_name=_("responsible department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    themes = models.ManyToManyField("results.Theme", verbose_name=_("themes"), blank=True, related_name="measures")
    input_refs = models.JSONField(_("inputs it came from"), default=list, blank=True)
    public_note = models.TextField(_("note to the public"), blank=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["dialogue", "due_on", "id"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="followup_measure_progress_max_100"),
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True) | Q(due_on__isnull=True) | Q(due_on__gte=F("starts_on")),
                name="followup_measure_due_after_start",
            ),
        ]
        indexes = [models.Index(fields=["dialogue", "status"])]

    def __str__(self):
        return self.title


class MeasureUpdate(TimeStampedModel):
    """A dated line in a measure's public history."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    text = models.TextField(_("what happened"))
    progress = models.PositiveSmallIntegerField(_("progress (percent)"), null=True, blank=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("update")
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__isnull=True) | Q(progress__lte=100), name="followup_update_progress_max_100"
            )
        ]

    def __str__(self):
        return f"{self.measure_id} {self.date}"


class Outcome(TimeStampedModel):
    """What came of a dialogue, as staff write it after the decision in the matter: how the input mattered and the
    feedback to participants (the evaluation is an Evaluation). One per dialogue, made when something is first
    written."""

    dialogue = models.OneToOneField("dialogues.Dialogue", on_delete=models.CASCADE, related_name="outcome")
    input_influence = models.TextField(_("how the input mattered"), blank=True)
    feedback = models.TextField(_("feedback to participants"), blank=True)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self):
        return str(self.dialogue)

    @classmethod
    def of(cls, dialogue):
        """The dialogue's outcome; an unsaved empty one when nothing is written yet."""
        try:
            return dialogue.outcome
        except cls.DoesNotExist:
            return cls(dialogue=dialogue)


class Answer(models.TextChoices):
    """Was the purpose achieved, were the methods right."""

    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")


class Reach(models.TextChoices):
    """Was a target group of the plan reached."""

    REACHED = "reached", _("Reached")
    PARTLY = "partly", _("Partly reached")
    NOT_REACHED = "not_reached", _("Not reached")


# An answer short of "yes" says why in its comment (the guard asks for it).
NEEDS_A_REASON = frozenset({Answer.PARTLY, Answer.NO, Reach.PARTLY, Reach.NOT_REACHED})


class Evaluation(TimeStampedModel):
    """The staff evaluation of a dialogue: was the purpose achieved, were the methods right, were the plan's target
    groups reached (TargetGroupReach), the lessons learned and, if participants evaluated it, a summary of what
    they said. One per dialogue, made when something is first written; published on the dialogue's page once the
    dialogue is evaluated."""

    dialogue = models.OneToOneField("dialogues.Dialogue", on_delete=models.CASCADE, related_name="staff_evaluation")
    purpose_achieved = models.CharField(
        _("was the purpose achieved"), max_length=10, choices=Answer.choices, blank=True
    )
    purpose_comment = models.TextField(_("comment on the purpose"), blank=True)
    methods_right = models.CharField(_("were the methods right"), max_length=10, choices=Answer.choices, blank=True)
    methods_comment = models.TextField(_("comment on the methods"), blank=True)
    lessons = models.TextField(_("lessons learned"), blank=True)
    participants_summary = models.TextField(_("summary of the participants' evaluation"), blank=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    def __str__(self):
        return str(self.dialogue)

    @classmethod
    def of(cls, dialogue):
        """The dialogue's evaluation; an unsaved empty one when nothing is written yet."""
        try:
            return dialogue.staff_evaluation
        except cls.DoesNotExist:
            return cls(dialogue=dialogue)


class TargetGroupReach(TimeStampedModel):
    """Whether one target group of the dialogue's plan was reached, and why not when it was not."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="reaches")
    target_group = models.ForeignKey("organisations.TargetGroup", on_delete=models.CASCADE, related_name="+")
    reached = models.CharField(_("reached"), max_length=20, choices=Reach.choices, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["target_group__name", "id"]
        verbose_name = _("target group reached")
        verbose_name_plural = _("target groups reached")
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "target_group"], name="followup_reach_once_per_group")
        ]

    def __str__(self):
        return f"{self.evaluation_id} {self.target_group_id} {self.reached}"
