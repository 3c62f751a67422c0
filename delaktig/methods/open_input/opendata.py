"""Open input's public dataset (manifest `datasets`): every published input of a public dialogue.

No author: not even a name the person chose to show. Open data leaves names out altogether.
"""

from django.utils.translation import gettext_lazy as _

from delaktig.core.contributions import Dataset, DatasetField, detail_by_pk
from delaktig.participation.datasets import (
    CATEGORY,
    CATEGORY_FILTER,
    input_fields,
    input_filters,
    input_row,
    published_inputs,
)
from delaktig.participation.models import Channel

from .selectors import INPUTS


def input_rows(municipality, filters):
    qs = published_inputs(INPUTS, municipality, filters)
    if "category" in filters:
        qs = qs.filter(category__iexact=filters["category"])
    if "channel" in filters:
        qs = qs.filter(channel=filters["channel"])
    return qs


def open_input_row(item):
    return input_row(
        item,
        created_on=item.received_on or item.created_at.date(),
        title=item.title,
        text=item.text,
        category=item.category or None,
        channel=item.channel,
    )


OPEN_INPUT = Dataset(
    key="open-input",
    title=_("Open input"),
    description=_(
        "Ideas and views residents gave in dialogues with open input, as published: title, text, category, how it "
        "came in and how many supported and commented on it. No names."
    ),
    fields=input_fields(
        DatasetField("title", "string", _("Title")),
        DatasetField("text", "string", _("The idea or view")),
        CATEGORY,
        DatasetField("channel", "string", _("How it came in: online, paper, meeting, email or phone")),
    ),
    rows=input_rows,
    to_row=open_input_row,
    filters=input_filters(CATEGORY_FILTER, DatasetField("channel", "string", _("Only input that came in this way"))),
    detail=detail_by_pk(input_rows, open_input_row),
    keywords=("medborgardialog", "synpunkter", "idéer"),
    order=60,
    extra={"choices": {"channel": tuple(Channel.values)}},
)

DATASETS = (OPEN_INPUT,)
