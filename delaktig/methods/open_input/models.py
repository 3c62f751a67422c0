"""Open input: residents' ideas and views on the question of a dialogue, and the support they get.

Comments are the shared participation.Comment, attached to an Input through its generic target.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from delaktig.participation.demographics import AgeBand, Gender
from delaktig.participation.models import AbstractInput, AbstractSupport

TITLE_MAX = 150
TEXT_MAX = 4000
CATEGORY_MAX = 100

REFERENCE_PREFIX = "IN"  # input references read "IN-121"; the manifest declares the same prefix


class Input(AbstractInput):
    """An idea or a view. Residents write it online; staff enter what came on paper, at meetings and so on."""

    module = models.ForeignKey("participation.Module", on_delete=models.CASCADE, related_name="open_inputs")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="open_inputs"
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    text = models.TextField(_("your idea or view"), max_length=TEXT_MAX)
    category = models.CharField(_("category"), max_length=CATEGORY_MAX, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    received_on = models.DateField(_("date received"), null=True, blank=True)  # None for input online
    # Entered at the desk: the meeting (or other occasion) it came from, and the table or group there
    occasion_key = models.CharField(_("occasion"), max_length=80, blank=True)
    occasion_label = models.CharField(_("meeting"), max_length=200, blank=True)
    group = models.CharField(_("table or group"), max_length=100, blank=True)
    # Voluntary "about you": never published, only counted (with small numbers hidden) in the results.
    age_band = models.CharField(_("age"), max_length=20, choices=AgeBand.choices, blank=True)
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, blank=True)
    area = models.ForeignKey(
        "organisations.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("area")
    )
    wants_updates = models.BooleanField(_("wants to hear what happens"), default=False)

    reference_prefix = REFERENCE_PREFIX
    public_contents = _("your title and text")

    class Meta(AbstractInput.Meta):
        verbose_name = _("input")
        verbose_name_plural = _("inputs")
        indexes = [
            models.Index(fields=["module", "status", "created_at"]),
            # The results workspace pages through every status but "rejected", oldest first (input_rows)
            models.Index(fields=["module", "created_at"]),
            # The central moderation page reads the oldest pending inputs of the municipality
            models.Index(fields=["municipality", "status", "created_at"]),
        ]

    def __str__(self):
        return self.title

    @property
    def demographics(self):
        """What the person chose to tell, as participation.demographics values; missing keys when not told."""
        told = {"age_band": self.age_band, "gender": self.gender, "area": self.area_id}
        return {key: value for key, value in told.items() if value}


class Support(AbstractSupport):
    """One person supports one input, at most once."""

    input = models.ForeignKey(Input, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="open_input_supports")
