"""Statements and opinion groups: short statements that staff seed and residents add, each resident's vote on
them (agree, disagree or pass), and the newest analysis of the votes (the opinion groups).

A statement is moderated like other input (participation.models.Moderated); a vote is one row per person and
statement, changed in place when the person changes their mind.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from delaktig.accounts.models import identity_level_used_field
from delaktig.core.models import TimeStampedModel
from delaktig.participation.models import Channel, InputQuerySet, Moderated, ModerationStatus

TEXT_MAX = 140  # as short as a Polis statement: one thought, read in a glance
REFERENCE_PREFIX = "ST"  # statement references read "ST-12"; the manifest declares the same prefix


class Statement(TimeStampedModel, Moderated):
    """One short statement. Staff seed some (`seeded`); residents add more, moderated as the dialogue says."""

    module = models.ForeignKey("participation.Module", on_delete=models.CASCADE, related_name="statements")
    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements_written"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    seeded = models.BooleanField(_("written by staff"), default=False)
    text = models.CharField(_("opinion statement"), max_length=TEXT_MAX)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.ONLINE)
    identity_level = identity_level_used_field()  # the author's when writing it; NULL for staff's

    objects = InputQuerySet.as_manager()

    reference_prefix = REFERENCE_PREFIX
    author_name = ""  # statements are shown without a name, whatever the dialogue's setting

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("opinion statement")
        verbose_name_plural = _("opinion statements")
        indexes = [
            models.Index(fields=["module", "status", "created_at"]),
            models.Index(fields=["municipality", "status", "created_at"]),
        ]

    def __str__(self):
        return self.text

    @property
    def reference(self):
        return f"{self.reference_prefix}-{self.pk}"

    @property
    def title(self):
        """What lists and the moderation page show as the heading: the statement itself."""
        return self.text

    @property
    def is_published(self):
        return self.status == ModerationStatus.PUBLISHED


class Choice(models.IntegerChoices):
    AGREE = 1, _("Agree")
    DISAGREE = -1, _("Disagree")
    PASS = 0, _("Pass / unsure")


class Vote(models.Model):
    """One person's vote on one statement, at most one (enforced in the database); changed in place."""

    module = models.ForeignKey("participation.Module", on_delete=models.CASCADE, related_name="statement_votes")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="statement_votes")
    choice = models.SmallIntegerField(_("vote"), choices=Choice.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("vote")
        constraints = [
            models.UniqueConstraint(fields=["statement", "user"], name="statements_vote_once"),
            models.CheckConstraint(condition=models.Q(choice__in=[-1, 0, 1]), name="statements_vote_choice"),
        ]
        indexes = [models.Index(fields=["module", "user"])]

    def __str__(self):
        return f"{self.user_id} → {self.statement_id}: {self.choice}"


class Analysis(models.Model):
    """The newest analysis of a module's votes: the opinion groups as JSON (see analysis.py), when it ran and how
    many votes it saw. `refresh_waiting` is set while a refresh waits in the queue, so a row of votes asks once."""

    module = models.OneToOneField("participation.Module", on_delete=models.CASCADE, related_name="statement_analysis")
    result = models.JSONField(default=dict, blank=True)
    ran_at = models.DateTimeField(null=True, blank=True)
    votes_seen = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(default=0)
    refresh_waiting = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("analysis of the votes")

    def __str__(self):
        return f"{self.module_id} {self.ran_at}"

    def get_absolute_url(self):
        module = self.module
        return reverse("statements:groups", args=[module.dialogue.municipality.slug, module.dialogue_id, module.pk])

    @property
    def has_groups(self):
        return bool(self.result.get("groups"))
