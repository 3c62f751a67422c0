"""Pieces of open datasets (core.contributions.Dataset) that methods share: the rows of contributions in public
dialogues, and the fields, filters and rows every dataset of supported and commented inputs has."""

from django.utils.translation import gettext_lazy as _

from delaktig.core.contributions import DatasetField
from delaktig.dialogues.models import PUBLIC_STATES

CATEGORY = DatasetField("category", "string", _("Category"), nullable=True)
CATEGORY_FILTER = DatasetField("category", "string", _("Only input in this category"))


def in_public_dialogues(qs, municipality, filters):
    """The rows of `qs` (a model with `module` and `municipality`) in the municipality's public dialogues, narrowed
    by the filters "dialogue" and "module" when they are given."""
    qs = qs.filter(
        municipality=municipality,
        module__dialogue__municipality=municipality,
        module__dialogue__state__in=PUBLIC_STATES,
    )
    if "dialogue" in filters:
        qs = qs.filter(module__dialogue_id=filters["dialogue"])
    if "module" in filters:
        qs = qs.filter(module_id=filters["module"])
    return qs


def published_inputs(reads, municipality, filters, *, lookups):
    """The published inputs of a method (its InputReads) in public dialogues, with their counts, by id, narrowed by
    the filters "dialogue" and "module" and by the method's own: `lookups` maps each to a field lookup."""
    qs = in_public_dialogues(reads.model.objects.published(), municipality, filters)
    for name, lookup in lookups.items():
        if name in filters:
            qs = qs.filter(**{lookup: filters[name]})
    return reads.with_counts(reads.with_related(qs, "module__dialogue__municipality")).order_by("id")


def input_fields(*own):
    """The fields of a dataset of inputs: the input, its dialogue and module, the method's `own` fields, then the
    day, the counts and the input's page."""
    return (
        DatasetField("id", "integer", _("Identifier of the input")),
        DatasetField("dialogue_id", "integer", _("The dialogue")),
        DatasetField("module_id", "integer", _("The module (a way to take part)")),
        *own,
        DatasetField("created_on", "date", _("The day it came in")),
        DatasetField("supports", "integer", _("Number of people who support it")),
        DatasetField("comments", "integer", _("Number of published comments")),
        DatasetField("url", "string", _("The input's page")),
    )


def input_filters(*own):
    """The filters of a dataset of inputs: dialogue and module, then the method's `own`."""
    return (
        DatasetField("dialogue", "integer", _("Only input in this dialogue")),
        DatasetField("module", "integer", _("Only input in this module")),
        *own,
    )


def input_row(item, *, created_on, **own):
    """One input as a row of `input_fields`: `own` are the method's own fields, in their order."""
    return {
        "id": item.pk,
        "dialogue_id": item.module.dialogue_id,
        "module_id": item.module_id,
        **own,
        "created_on": created_on.isoformat(),
        "supports": item.support_count,
        "comments": item.comment_count,
        "url": item.get_absolute_url(),
    }
