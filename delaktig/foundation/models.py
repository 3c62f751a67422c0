"""The foundation of the steering model: adopted principles, the toolbox of methods, the handbook."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from delaktig.core.models import TimeStampedModel


class PrinciplesDocument(TimeStampedModel):
    """A version of the principles and promises to residents, adopted by a body."""

    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="principles_versions"
    )
    title = models.CharField(_("title"), max_length=200)
    version = models.PositiveIntegerField(_("version"))
    body_text = models.TextField(_("text"))
    easy_read = models.TextField(_("easy-to-read version"), blank=True)
    adopted_by = models.ForeignKey(
        "organisations.Body", verbose_name=_("adopted by"), on_delete=models.PROTECT, related_name="+"
    )
    adopted_on = models.DateField(_("adopted on"))
    minute_item = models.CharField(_("minute item"), max_length=40, help_text=_("For example § 45"))
    registration_number = models.CharField(_("registration number"), max_length=40)

    class Meta:
        ordering = ["-adopted_on", "-version"]
        verbose_name = _("principles document")
        constraints = [models.UniqueConstraint(fields=["municipality", "version"], name="principles_unique_version")]

    def __str__(self):
        return f"{self.title} ({self.version})"


class Effort(models.TextChoices):
    LOW = "low", _("Small")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("Large")


class ToolboxMethod(TimeStampedModel):
    """A method in the toolbox: what it is and when it fits. Not to be confused with a participation plug-in."""

    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="toolbox_methods"
    )
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField()
    summary = models.CharField(_("in short"), max_length=300)
    description = models.TextField(_("what it is"))
    when_to_use = models.TextField(_("when to use it"))
    ladder_levels = models.JSONField(_("ladder levels it serves"), default=list)
    target_groups = models.ManyToManyField(
        "organisations.TargetGroup", verbose_name=_("target groups it reaches"), blank=True
    )
    effort = models.CharField(_("effort"), max_length=10, choices=Effort.choices, default=Effort.MEDIUM)
    online = models.BooleanField(_("can be held online"), default=False)
    in_person = models.BooleanField(_("held in person"), default=True)
    participation_method = models.CharField(
        _("participation method on the platform"),
        max_length=40,
        blank=True,
        help_text=_("The platform method that supports this, if any."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("toolbox method")
        constraints = [models.UniqueConstraint(fields=["municipality", "slug"], name="toolbox_unique_slug")]

    def __str__(self):
        return self.name


class HandbookPage(TimeStampedModel):
    class Kind(models.TextChoices):
        GUIDE = "guide", _("Guide")
        TEMPLATE = "template", _("Template")

    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="handbook_pages"
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField()
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.GUIDE)
    body_text = models.TextField(_("text"))
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["kind", "order", "title"]
        verbose_name = _("handbook page")
        constraints = [models.UniqueConstraint(fields=["municipality", "slug"], name="handbook_unique_slug")]

    def __str__(self):
        return self.title
