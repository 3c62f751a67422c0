"""The public dataset ("map-input": published input of public dialogues, no names, with its shape) and the yearly
report's section."""

import json

import pytest
from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory
from delaktig.opendata.selectors import datasets
from delaktig.opendata.tests.support import results_of
from delaktig.participation.models import ModerationStatus

from ..models import MapInput
from ..report import map_input_report_section
from .factories import IN_NORTH, IN_SOUTH, map_input

pytestmark = pytest.mark.django_db
KEY = "map-input"


@pytest.fixture
def data(module):
    author = UserFactory(name="Ada Författare")
    shown = map_input(module, author, IN_NORTH, text="Synlig")
    hidden = map_input(module, author, IN_SOUTH, text="Dold")
    MapInput.objects.filter(pk=hidden.pk).update(status=ModerationStatus.REJECTED)
    return {"shown": shown, "author": author}


def test_rows_have_exactly_the_fields_and_no_names(client, data, municipality):
    dataset = next(d for d in datasets() if d.key == KEY)
    rows = results_of(client, municipality, KEY)
    assert [row["id"] for row in rows] == [data["shown"].pk]
    assert list(rows[0]) == [field.name for field in dataset.fields]
    assert json.loads(rows[0]["geometry"]) == IN_NORTH and rows[0]["district"] == "Norr"
    assert "Ada" not in json.dumps(rows)


def test_the_district_filter(client, data, municipality):
    assert results_of(client, municipality, KEY, district="Söder") == []
    assert len(results_of(client, municipality, KEY, district="norr")) == 1


def test_the_report_counts_per_district(data, municipality):
    section = map_input_report_section(municipality, timezone.now().year)
    by_district = section.tables[0]
    assert by_district.rows == (("Norr", 1),)
    assert map_input_report_section(municipality, timezone.now().year - 1) is None


def test_the_dataset_is_also_served_as_geojson(client, data, municipality):
    from django.urls import reverse

    response = client.get(reverse("opendata:dataset_geojson", args=[municipality.slug, KEY]))
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(b"".join(response.streaming_content))
    assert collection["type"] == "FeatureCollection"
    [feature] = collection["features"]
    assert feature["id"] == data["shown"].pk and feature["geometry"] == IN_NORTH
    assert feature["properties"]["district"] == "Norr" and "geometry" not in feature["properties"]
    page = client.get(reverse("opendata:page", args=[municipality.slug])).content.decode()
    assert f"{KEY}.geojson" in page
    assert b"map-input-geojson" in client.get(reverse("opendata:catalogue", args=[municipality.slug])).content
