"""The municipality's action plan for participation: goals, actions with an owner, a deadline, a status and a short
follow-up note per quarter; and the capacity behind it: who in each board and department has taken which training,
and who is each board's participation ambassador (Karlstad's model)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from delaktig.core.models import TimeStampedModel


class ActionPlan(TimeStampedModel):
    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    starts_year = models.PositiveSmallIntegerField(_("first year"))
    ends_year = models.PositiveSmallIntegerField(_("last year"))
    adopted_by = models.ForeignKey(
        "organisations.Body", verbose_name=_("adopted by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        ordering = ["-starts_year", "-id"]
        verbose_name = _("action plan")

    def __str__(self):
        return self.title


class Goal(TimeStampedModel):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(_("goal"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self):
        return self.title


class Status(models.TextChoices):
    PLANNED = "planned", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DELAYED = "delayed", _("Delayed")
    CANCELLED = "cancelled", pgettext_lazy("action", "Cancelled")


CLOSED = (Status.DONE, Status.CANCELLED)


class Action(TimeStampedModel):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(_("action"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner_department = models.ForeignKey(
        "organisations.Department", verbose_name=_("owner (department)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    owner_body = models.ForeignKey(
        "organisations.Body", verbose_name=_("owner (body)"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)

    class Meta:
        verbose_name = _("action of the plan")
        verbose_name_plural = _("actions of the plan")
        ordering = ["deadline", "id"]

    def __str__(self):
        return self.title

    @property
    def owner(self):
        return self.owner_department or self.owner_body


class FollowUp(models.Model):
    """The follow-up of an action in one quarter: its status then and a short note."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="followups")
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"), choices=[(n, f"Q{n}") for n in range(1, 5)])
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    note = models.TextField(_("follow-up note"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    written_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "-quarter"]
        constraints = [models.UniqueConstraint(fields=["action", "year", "quarter"], name="followup_one_per_quarter")]

    def __str__(self):
        return f"{self.action_id} {self.year} Q{self.quarter}"


class Training(TimeStampedModel):
    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("training"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="training_unique_name")]

    def __str__(self):
        return self.name


class TrainingRecord(models.Model):
    """That a person in a board or a department has taken a training."""

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="records")
    person_name = models.CharField(_("name"), max_length=160)
    body = models.ForeignKey(
        "organisations.Body", verbose_name=_("board"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="+",
    )  # fmt: skip
    department = models.ForeignKey(
        "organisations.Department", verbose_name=_("department"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="+",
    )  # fmt: skip
    completed_on = models.DateField(_("completed on"))

    class Meta:
        ordering = ["-completed_on", "person_name"]

    def __str__(self):
        return f"{self.person_name}: {self.training_id}"


class Ambassador(TimeStampedModel):
    """A board's participation ambassador: one at a time; `until` is set when another takes over."""

    body = models.ForeignKey("organisations.Body", verbose_name=_("board"), on_delete=models.CASCADE, related_name="+")
    person_name = models.CharField(_("name"), max_length=160)
    since = models.DateField(_("since"))
    until = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["body__name", "-since"]

    def __str__(self):
        return f"{self.person_name} ({self.body_id})"
