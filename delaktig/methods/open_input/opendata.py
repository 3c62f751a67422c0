"""Open input's public dataset (manifest `datasets`): every published input of a public dialogue.

No author: not even a name the person chose to show. Open data leaves names out altogether.
"""

from django.utils.translation import gettext_lazy as _

from delaktig.core.contributions import Dataset, DatasetField, detail_by_pk
from delaktig.participation import datasets
from delaktig.participation.models import Channel

from .selectors import INPUTS


def input_rows(municipality, filters):
    lookups = {"category": "category__iexact", "channel": "channel"}
    return datasets.published_inputs(INPUTS, municipality, filters, lookups=lookups)


def input_row(item):
    return datasets.input_row(
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
    fields=datasets.input_fields(
        DatasetField("title", "string", _("Title")),
        DatasetField("text", "string", _("The idea or view")),
        datasets.CATEGORY,
        DatasetField("channel", "string", _("How it came in: online, paper, meeting, email or phone")),
    ),
    rows=input_rows,
    to_row=input_row,
    filters=datasets.input_filters(
        datasets.CATEGORY_FILTER, DatasetField("channel", "string", _("Only input that came in this way"))
    ),
    detail=detail_by_pk(input_rows, input_row),
    keywords=("medborgardialog", "synpunkter", "idéer"),
    order=60,
    extra={"choices": {"channel": tuple(Channel.values)}},
)

DATASETS = (OPEN_INPUT,)
