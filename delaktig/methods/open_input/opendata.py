"""Open input's public dataset (manifest `datasets`): every published input of a public dialogue.

No author: not even a name the person chose to show. Open data leaves names out altogether.
"""

from django.utils.translation import gettext_lazy as _

from delaktig.core.contributions import Dataset, DatasetField, detail_by_pk
from delaktig.dialogues.models import PUBLIC_STATES
from delaktig.participation.models import Channel

from .models import Input
from .selectors import with_counts


def input_rows(municipality, filters):
    qs = Input.objects.published().filter(
        municipality=municipality,
        module__dialogue__municipality=municipality,
        module__dialogue__state__in=PUBLIC_STATES,
    )
    if "dialogue" in filters:
        qs = qs.filter(module__dialogue_id=filters["dialogue"])
    if "module" in filters:
        qs = qs.filter(module_id=filters["module"])
    if "category" in filters:
        qs = qs.filter(category__iexact=filters["category"])
    if "channel" in filters:
        qs = qs.filter(channel=filters["channel"])
    return with_counts(qs.select_related("module__dialogue__municipality")).order_by("id")


def input_row(item):
    return {
        "id": item.pk,
        "dialogue_id": item.module.dialogue_id,
        "module_id": item.module_id,
        "title": item.title,
        "text": item.text,
        "category": item.category or None,
        "channel": item.channel,
        "created_on": (item.received_on or item.created_at.date()).isoformat(),
        "supports": item.support_count,
        "comments": item.comment_count,
        "url": item.get_absolute_url(),
    }


OPEN_INPUT = Dataset(
    key="open-input",
    title=_("Open input"),
    description=_(
        "Ideas and views residents gave in dialogues with open input, as published: title, text, category, how it "
        "came in and how many supported and commented on it. No names."
    ),
    fields=(
        DatasetField("id", "integer", _("Identifier of the input")),
        DatasetField("dialogue_id", "integer", _("The dialogue")),
        DatasetField("module_id", "integer", _("The module (a way to take part)")),
        DatasetField("title", "string", _("Title")),
        DatasetField("text", "string", _("The idea or view")),
        DatasetField("category", "string", _("Category"), nullable=True),
        DatasetField("channel", "string", _("How it came in: online, paper, meeting, email or phone")),
        DatasetField("created_on", "date", _("The day it came in")),
        DatasetField("supports", "integer", _("Number of people who support it")),
        DatasetField("comments", "integer", _("Number of published comments")),
        DatasetField("url", "string", _("The input's page")),
    ),
    rows=input_rows,
    to_row=input_row,
    filters=(
        DatasetField("dialogue", "integer", _("Only input in this dialogue")),
        DatasetField("module", "integer", _("Only input in this module")),
        DatasetField("category", "string", _("Only input in this category")),
        DatasetField("channel", "string", _("Only input that came in this way")),
    ),
    detail=detail_by_pk(input_rows, input_row),
    keywords=("medborgardialog", "synpunkter", "idéer"),
    order=60,
    extra={"choices": {"channel": tuple(Channel.values)}},
)

DATASETS = (OPEN_INPUT,)
