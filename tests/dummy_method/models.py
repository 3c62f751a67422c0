"""The dummy method's contributions: inputs, with participation.Comment for comments.

Its migration (tests/dummy_method/migrations) is applied only in test databases; `makemigrations --check` under
config.settings never sees the app. (Without migrations syncdb would create the table before the migrated tables it
points to, which PostgreSQL refuses.)
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse

from delaktig.core.models import TimeStampedModel
from delaktig.participation.demographics import AgeBand, Gender
from delaktig.participation.models import AbstractInput, AbstractSupport, Channel, Comment, Moderated, ModerationStatus

REFERENCE_PREFIX = "DM"


class DummyInputQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ModerationStatus.PUBLISHED)

    def received(self):
        return self.exclude(status=ModerationStatus.REJECTED)


class DummyInput(TimeStampedModel, Moderated):
    module = models.ForeignKey("participation.Module", on_delete=models.CASCADE, related_name="dummy_inputs")
    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    author_name = models.CharField(max_length=120, blank=True)
    title = models.CharField(max_length=150)
    text = models.TextField()
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.ONLINE)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    received_on = models.DateField(null=True, blank=True)  # entered at the desk: the day it came in
    occasion_key = models.CharField(max_length=80, blank=True)
    occasion_label = models.CharField(max_length=200, blank=True)
    group = models.CharField(max_length=100, blank=True)
    age_band = models.CharField(max_length=20, choices=AgeBand.choices, blank=True)
    gender = models.CharField(max_length=20, choices=Gender.choices, blank=True)
    area = models.ForeignKey("organisations.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    wants_updates = models.BooleanField(default=False)
    comments = GenericRelation(Comment, content_type_field="target_type", object_id_field="target_id")

    objects = DummyInputQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.title

    @property
    def reference(self):
        return f"{REFERENCE_PREFIX}-{self.pk}"

    @property
    def is_published(self):
        return self.status == ModerationStatus.PUBLISHED

    @property
    def demographics(self):
        told = {"age_band": self.age_band, "gender": self.gender, "area": self.area_id}
        return {key: value for key, value in told.items() if value}

    def get_absolute_url(self):
        module = self.module
        return reverse(
            "dummy_method:detail", args=[module.dialogue.municipality.slug, module.dialogue_id, module.pk, self.pk]
        )


class DummyIdea(AbstractInput):
    """An input built on participation's AbstractInput and AbstractSupport, for the tests of those shared pieces."""

    module = models.ForeignKey("participation.Module", on_delete=models.CASCADE, related_name="dummy_ideas")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="dummy_ideas"
    )
    text = models.TextField()

    reference_prefix = "DI"

    class Meta(AbstractInput.Meta):
        pass

    def __str__(self):
        return self.reference

    @property
    def title(self):
        return self.text[:40]


class DummySupport(AbstractSupport):
    input = models.ForeignKey(DummyIdea, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dummy_supports")
