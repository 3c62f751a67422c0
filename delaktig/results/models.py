"""Results of dialogues: the code book (themes), tags on inputs, quotes and stored theme suggestions.

Inputs themselves live in the methods; here they are pointed to by `InputRecord.ref` ("<method>:<id>").
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from delaktig.core.models import TimeStampedModel


class Theme(TimeStampedModel):
    dialogue = models.ForeignKey("dialogues.Dialogue", on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name", "id"]
        verbose_name = _("theme")
        constraints = [models.UniqueConstraint(fields=["dialogue", "name"], name="results_theme_unique_name")]

    def __str__(self):
        return self.name


class InputTag(TimeStampedModel):
    dialogue = models.ForeignKey("dialogues.Dialogue", on_delete=models.CASCADE, related_name="input_tags")
    input_ref = models.CharField(pgettext_lazy("any method", "input"), max_length=80, db_index=True)
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="tags")

    class Meta:
        ordering = ["id"]
        verbose_name = _("tag")
        constraints = [models.UniqueConstraint(fields=["input_ref", "theme"], name="results_inputtag_unique")]

    def __str__(self):
        return f"{self.input_ref} → {self.theme}"


class Quote(TimeStampedModel):
    dialogue = models.ForeignKey("dialogues.Dialogue", on_delete=models.CASCADE, related_name="quotes")
    input_ref = models.CharField(pgettext_lazy("any method", "input"), max_length=80, db_index=True)
    text = models.TextField(_("quote"))
    theme = models.ForeignKey(Theme, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes")
    note = models.TextField(_("note"), blank=True)
    channel = models.CharField(_("channel"), max_length=20, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("quote")

    def __str__(self):
        return self.text[:60]


class ThemeSuggestionRun(TimeStampedModel):
    """One computation of suggested themes for a dialogue; large dialogues compute in a background task."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", pgettext_lazy("status", "Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    dialogue = models.ForeignKey("dialogues.Dialogue", on_delete=models.CASCADE, related_name="theme_suggestion_runs")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)  # percent
    input_count = models.PositiveIntegerField(default=0)
    suggestions = models.JSONField(default=list, blank=True)  # list of dicts, see suggestions.py
    error = models.TextField(blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("theme suggestion run")

    def __str__(self):
        return f"{self.dialogue_id} {self.status}"


class CompiledResults(TimeStampedModel):
    """What staff write when they compile a dialogue's results: the summary the public page shows, and how many
    people took part where no one logs in. One per dialogue, made when something is first written."""

    dialogue = models.OneToOneField("dialogues.Dialogue", on_delete=models.CASCADE, related_name="compiled_results")
    summary = models.TextField(_("summary of results"), blank=True)
    # People who took part where no one logs in (meetings, paper, phone), counted by staff. Everyone else is
    # counted from what the methods store; the public page adds the two and never shows a typed-in total.
    offline_participant_count = models.PositiveIntegerField(
        _("people who took part offline"),
        null=True,
        blank=True,
        help_text=_(
            "People who took part at meetings, on paper or by phone. Count people, not inputs: inputs and "
            "people online are counted automatically."
        ),
    )

    class Meta:
        verbose_name = _("compiled results")
        verbose_name_plural = _("compiled results")

    def __str__(self):
        return str(self.dialogue)

    @classmethod
    def of(cls, dialogue):
        """The dialogue's compiled results; an unsaved empty one when nothing is written yet."""
        try:
            return dialogue.compiled_results
        except cls.DoesNotExist:
            return cls(dialogue=dialogue)
