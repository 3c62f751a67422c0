"""Coming matters that affect residents, and the early answer whether a citizen dialogue is planned for each.

Hagfors' guidelines say dialogue shall be considered before every decision that affects residents, and noted early
in the officer's report (tjänsteskrivelse). An officer registers the matter (case number, deciding body, expected
decision date) and answers, early, whether a dialogue is planned and why or why not; the answer gives the paragraph
for the officer's report. A matter later gets its dialogue linked, and is marked decided when the body has decided.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from delaktig.core.models import TimeStampedModel


class Planned(models.TextChoices):
    NOT_ANSWERED = "", _("Not answered yet")
    YES = "yes", _("Yes, a dialogue is planned")
    NO = "no", _("No dialogue")


class Matter(TimeStampedModel):
    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE, related_name="matters")
    case_number = models.CharField(_("case number"), max_length=40)
    title = models.CharField(_("matter"), max_length=200)
    description = models.TextField(_("what the matter is about"), blank=True)
    body = models.ForeignKey(
        "organisations.Body", verbose_name=_("deciding body"), on_delete=models.PROTECT, related_name="+"
    )
    department = models.ForeignKey(
        "organisations.Department",
        verbose_name=_("responsible department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    expected_decision_on = models.DateField(_("expected decision date"))
    planned = models.CharField(
        _("is a citizen dialogue planned?"), max_length=10, choices=Planned.choices, default="", blank=True
    )
    reason = models.TextField(_("why or why not"), blank=True)
    answered_at = models.DateTimeField(pgettext_lazy("matter", "answered on"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dialogue = models.ForeignKey(
        "dialogues.Dialogue",
        verbose_name=_("dialogue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="matters",
    )
    decided_on = models.DateField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["expected_decision_on", "id"]
        verbose_name = _("coming matter")
        verbose_name_plural = _("coming matters")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "case_number"], name="matter_unique_case_number")
        ]
        indexes = [models.Index(fields=["municipality", "expected_decision_on"], name="matter_by_date")]

    def __str__(self):
        return f"{self.case_number} {self.title}"

    @property
    def answered(self):
        return self.planned != Planned.NOT_ANSWERED
