"""A dataset offered on the hook and one in a method's manifest appear everywhere, with no change to this app."""

import pytest
from django.urls import reverse
from rdflib import Graph

from delaktig.core import hookspecs as core_hooks
from delaktig.core.contributions import Dataset, DatasetField
from delaktig.dialogues.models import Dialogue
from delaktig.participation.registry import registry
from delaktig.participation.tests.dummy_method import dummy_manifest

from .support import csv_rows, csv_url, list_url

pytestmark = pytest.mark.django_db


def _rows(municipality, filters):
    qs = Dialogue.objects.filter(municipality=municipality).order_by("id")
    return qs.filter(title__icontains=filters["word"]) if "word" in filters else qs


def throwaway(key, theme="EDUC"):
    return Dataset(
        key=key,
        title=f"Throwaway {key}",
        description="Only in tests.",
        fields=(DatasetField("id", "integer", "Id"), DatasetField("size", "integer", "Size", nullable=True)),
        rows=_rows,
        to_row=lambda d: {"id": d.pk, "size": None},
        filters=(DatasetField("word", "string", "A word in the title"),),
        keywords=("test",),
        theme=theme,
    )


@pytest.fixture
def extended():
    manifest = dummy_manifest(key="throwaway_method", datasets=(throwaway("method-rows", theme="SOCI"),))
    with (
        core_hooks.open_data_datasets.temporarily(lambda: [throwaway("hook-rows")]),
        registry.temporarily(manifest),
    ):
        yield


@pytest.mark.usefixtures("extended")
def test_new_datasets_appear_in_index_openapi_csv_and_catalogue(client, data, municipality):
    slug = municipality.slug
    index = client.get(reverse("opendata:api_index", args=[slug])).json()
    keys = [d["key"] for d in index["datasets"]]
    assert "hook-rows" in keys and "method-rows" in keys
    assert "detail" not in next(d for d in index["datasets"] if d["key"] == "hook-rows")

    document = client.get(reverse("opendata:openapi", args=[slug])).json()
    for key in ("hook-rows", "method-rows"):
        assert f"/{key}/" in document["paths"] and f"/{key}.csv" in document["paths"]
        assert f"/{key}/{{id}}/" not in document["paths"]  # no detail() given
        assert document["components"]["schemas"][key]["properties"]["size"]["nullable"] is True

    body = client.get(list_url(municipality, "method-rows")).json()
    assert body["count"] == Dialogue.objects.filter(municipality=municipality).count()
    header, *rows = csv_rows(client.get(csv_url(municipality, "hook-rows") + "?word=zzz"))
    assert header == ["id", "size"] and rows == []
    assert client.get(reverse("opendata:dataset_detail", args=[slug, "hook-rows", "1"])).status_code == 404

    graph = Graph().parse(data=client.get(reverse("opendata:catalogue", args=[slug])).content, format="xml")
    text = graph.serialize(format="nt")
    assert "#hook-rows>" in text and "#method-rows>" in text
    assert "data-theme/SOCI" in text

    page = client.get(reverse("opendata:page", args=[slug])).content.decode()
    assert "Throwaway method-rows" in page


def test_they_are_gone_afterwards(client, municipality):
    assert client.get(list_url(municipality, "hook-rows")).status_code == 404
