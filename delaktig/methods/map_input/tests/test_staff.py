"""The staff workspace: counts per district, the list with filters by category, district and time, exports as CSV
and GeoJSON, moderation, categories, addresses and places, and the map background."""

import csv
import datetime
import io
import json

import pytest
from django.utils import timezone

from delaktig.core.audit import AuditEvent
from delaktig.participation.models import ModerationStatus

from ..models import Category, MapInput, Place, TileSource
from .conftest import url
from .factories import IN_NORTH, IN_SOUTH, map_input

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, staff):
    client.force_login(staff["officer"])
    return staff["officer"]


@pytest.fixture
def inputs(module, resident):
    cykel = Category.objects.create(module=module, name="Cykel")
    trygghet = Category.objects.create(module=module, name="Trygghet")
    first = map_input(module, resident, IN_NORTH, text="Cykelbana saknas", category=cykel)
    second = map_input(module, resident, IN_SOUTH, text="Mörk tunnel", category=trygghet)
    third = map_input(module, resident, IN_SOUTH, text="Gammal synpunkt", category=trygghet)
    MapInput.objects.filter(pk=third.pk).update(created_at=timezone.now() - datetime.timedelta(days=30))
    return {"cykel": cykel, "trygghet": trygghet, "first": first, "second": second, "third": third}


def test_the_overview_counts_per_district(client, officer, module, inputs):
    page = client.get(url("staff:index", module)).content.decode()
    assert "Synpunkter per område" in page
    assert '<th scope="row">Söder</th><td class="numeric">2</td>' in page


def test_the_list_filters_by_category_district_and_time(client, officer, module, inputs, districts):
    north, south = districts
    by_category = client.get(url("staff:inputs", module), {"category": inputs["cykel"].pk}).content.decode()
    assert "Cykelbana saknas" in by_category and "Mörk tunnel" not in by_category
    by_district = client.get(url("staff:inputs", module), {"district": south.pk}).content.decode()
    assert "Mörk tunnel" in by_district and "Cykelbana saknas" not in by_district
    since = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()
    recent = client.get(url("staff:inputs", module), {"since": since}).content.decode()
    assert "Mörk tunnel" in recent and "Gammal synpunkt" not in recent


def test_the_csv_export_follows_the_filters_and_has_no_names(client, officer, module, inputs, districts, resident):
    response = client.get(url("staff:export_csv", module), {"district": districts[1].pk})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Referens", "Kategori", "Form", "Angiven med"]
    assert not {"Placed", "Place", "Received", "Supports", "Comments"} & set(rows[0])  # every header in Swedish
    assert {row[6] for row in rows[1:]} == {"Mörk tunnel", "Gammal synpunkt"}
    assert resident.name not in response.content.decode("utf-8-sig")


def test_the_geojson_export_is_a_feature_collection(client, officer, module, inputs, resident):
    response = client.get(url("staff:export_geojson", module))
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 3
    first = next(f for f in data["features"] if f["id"] == inputs["first"].pk)
    assert first["geometry"] == IN_NORTH and first["properties"]["district"] == "Norr"
    assert resident.name not in response.content.decode()


def test_moderation_publishes_pending_input(client, officer, module, resident):
    item = map_input(module, resident)
    MapInput.objects.filter(pk=item.pk).update(status=ModerationStatus.PENDING)
    assert item.reference in client.get(url("staff:moderation", module)).content.decode()
    client.post(url("staff:moderate", module, "input", item.pk), {"decision": "publish"})
    assert MapInput.objects.get().status == ModerationStatus.PUBLISHED


def test_removing_needs_a_reason(client, officer, module, resident):
    item = map_input(module, resident)
    response = client.post(url("staff:moderate", module, "input", item.pk), {"decision": "remove"})
    assert response.status_code == 200 and MapInput.objects.get().status == ModerationStatus.PUBLISHED


def test_categories_are_added_changed_and_removed(client, officer, module, resident):
    client.post(url("staff:categories", module), {"name": "Grönska", "symbol": "star", "colour": "#15803d"})
    category = Category.objects.get()
    assert (category.name, category.symbol, category.colour) == ("Grönska", "star", "#15803d")
    same = client.post(url("staff:categories", module), {"name": "grönska", "symbol": "circle", "colour": "#1d4ed8"})
    assert same.status_code == 200 and Category.objects.count() == 1
    item = map_input(module, resident, category=category)
    edit = url("staff:category_edit", module, category.pk)
    client.post(edit, {"name": "Natur", "symbol": "square", "colour": "#0f766e"})
    assert Category.objects.get().name == "Natur"
    client.post(edit, {"delete": "1"})
    assert not Category.objects.exists() and MapInput.objects.get(pk=item.pk).category is None
    assert AuditEvent.objects.filter(action__startswith="map_input.category_").count() == 3


def test_places_must_lie_in_the_municipality(client, officer, module):
    data = {"kind": "address", "name": "Storgatan 1", "longitude": "13.05", "latitude": "60.05"}
    client.post(url("staff:places", module), data)
    assert Place.objects.get().name == "Storgatan 1"
    outside = client.post(url("staff:places", module), {**data, "name": "Långt bort", "longitude": "15"})
    assert "utanför kommunen" in outside.content.decode() and Place.objects.count() == 1
    edit = url("staff:place_edit", module, Place.objects.get().pk)
    client.post(edit, {**data, "name": "Storgatan 3"})
    assert Place.objects.get().name == "Storgatan 3"
    client.post(edit, {"delete": "1"})
    assert not Place.objects.exists()


def test_the_map_background_is_set_for_the_municipality(client, staff, module):
    client.force_login(staff["democracy_officer"])
    bad = client.post(url("staff:background", module), {"url_template": "http://x.se/tiles", "attribution": ""})
    assert bad.status_code == 200 and not TileSource.objects.exists()
    good = {"url_template": "https://tiles.example.se/{z}/{x}/{y}.png", "attribution": "© Exempel"}
    client.post(url("staff:background", module), good)
    assert TileSource.objects.get(municipality=module.municipality).attribution == "© Exempel"
    client.post(url("staff:background", module), {"url_template": "", "attribution": ""})
    assert 'data-tiles=""' in client.get(url("index", module)).content.decode()


def test_another_municipalitys_category_is_a_404(client, officer, module, municipality):
    from .factories import map_module

    other = map_module(municipality=municipality)
    category = Category.objects.create(module=other, name="Annan")
    assert client.get(url("staff:category_edit", module, category.pk)).status_code == 404
