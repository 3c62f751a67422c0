"""A dialogue's module that consults a standing forum (delaktig.forums): which forum, the matter in the forum that
the dialogue's question became, and each of the forum's statements taken in as an input of the dialogue."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from delaktig.core.models import TimeStampedModel
from delaktig.participation.models import Channel

KEY = "forum_consultation"
REFERENCE_PREFIX = "FY"


class ForumChoice(TimeStampedModel):
    """The forum a module consults, and the matter in the forum's records (made with the first statement)."""

    module = models.OneToOneField("participation.Module", on_delete=models.CASCADE, related_name="forum_choice")
    forum = models.ForeignKey("forums.Forum", verbose_name=_("forum"), on_delete=models.PROTECT, related_name="+")
    consultation = models.ForeignKey(
        "forums.Consultation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("forum asked")
        verbose_name_plural = _("forums asked")

    def __str__(self):
        return str(self.forum)


class ForumInput(TimeStampedModel):
    """One statement of the forum as an input of the dialogue. `recorded_by` is the account that recorded or picked
    it on the forum's behalf (the forum itself has no account); it is never shown publicly."""

    module = models.ForeignKey("participation.Module", on_delete=models.CASCADE, related_name="forum_inputs")
    statement = models.ForeignKey("forums.Statement", on_delete=models.PROTECT, related_name="dialogue_inputs")
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.MEETING)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("input from a forum")
        verbose_name_plural = _("inputs from forums")
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["module", "statement"], name="forum_input_once")]

    def __str__(self):
        return f"{REFERENCE_PREFIX}-{self.pk}"
