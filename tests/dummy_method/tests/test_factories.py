import pytest

from delaktig.participation.models import Channel
from tests.dummy_method.factories import dialogue_with_inputs, ref

pytestmark = pytest.mark.django_db


def test_a_dialogue_with_inputs_reads_through_the_manifest(municipality):
    module = dialogue_with_inputs(municipality=municipality, n=3, channel=Channel.PAPER, age_band="30_44")
    records = list(module.manifest.inputs(module))
    assert [record.ref for record in records] == [ref(item) for item in module.dummy_inputs.order_by("pk")]
    assert {record.channel for record in records} == {Channel.PAPER}
    assert all(record.demographics == {"age_band": "30_44"} and record.author_shown == "" for record in records)
    assert module.manifest.input_channels(module) == {Channel.PAPER: 3}
    assert records[0].reference.startswith("DM-")
