"""The dummy method's public dataset: every published input of a public dialogue, without names."""

from delaktig.core.contributions import Dataset, DatasetField, detail_by_pk
from delaktig.dialogues.models import PUBLIC_STATES
from delaktig.participation.models import Channel

from .models import DummyInput


def input_rows(municipality, filters):
    qs = DummyInput.objects.published().filter(
        municipality=municipality,
        module__dialogue__municipality=municipality,
        module__dialogue__state__in=PUBLIC_STATES,
    )
    if "dialogue" in filters:
        qs = qs.filter(module__dialogue_id=filters["dialogue"])
    if "channel" in filters:
        qs = qs.filter(channel=filters["channel"])
    return qs.select_related("module__dialogue__municipality").order_by("id")


def input_row(item):
    return {
        "id": item.pk,
        "dialogue_id": item.module.dialogue_id,
        "title": item.title,
        "text": item.text,
        "channel": item.channel,
        "created_on": item.created_at.date().isoformat(),
        "url": item.get_absolute_url(),
    }


DUMMY_INPUTS = Dataset(
    key="dummy-inputs",
    title="Dummy inputs",
    description="Published inputs to the dummy method. No names.",
    fields=(
        DatasetField("id", "integer", "Identifier"),
        DatasetField("dialogue_id", "integer", "The dialogue"),
        DatasetField("title", "string", "Title"),
        DatasetField("text", "string", "Text"),
        DatasetField("channel", "string", "How it came in"),
        DatasetField("created_on", "date", "The day it came in"),
        DatasetField("url", "string", "The input's page"),
    ),
    rows=input_rows,
    to_row=input_row,
    filters=(
        DatasetField("dialogue", "integer", "Only input in this dialogue"),
        DatasetField("channel", "string", "Only input that came in this way"),
    ),
    detail=detail_by_pk(input_rows, input_row),
    keywords=("test",),
    order=90,
    extra={"choices": {"channel": tuple(Channel.values)}},
)

DATASETS = (DUMMY_INPUTS,)
