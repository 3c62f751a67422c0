"""The public pages: the map page with its list filtered by district, the GeoJSON the map reads, one input with
support and comments, and the module's summary on the dialogue page."""

import json

import pytest

from delaktig.accounts.tests.factories import UserFactory
from delaktig.participation.models import Comment, ModerationStatus

from .. import selectors
from ..models import Category, MapInput, Support
from .conftest import url
from .factories import IN_NORTH, IN_SOUTH, map_input

pytestmark = pytest.mark.django_db


def test_the_map_page_lists_input_and_filters_by_district(client, module, resident, districts):
    north, south = districts
    map_input(module, resident, IN_NORTH, text="Norr om ån")
    map_input(module, resident, IN_SOUTH, text="Söder om ån")
    page = client.get(url("index", module)).content.decode()
    assert "Norr om ån" in page and "Söder om ån" in page
    assert "js_lib_leaflet/leaflet.js" in page and "map_input/map_input.js" in page and "<script>" not in page
    filtered = client.get(url("index", module), {"district": north.pk}).content.decode()
    assert "Norr om ån" in filtered and "Söder om ån" not in filtered
    assert "1 synpunkt" in filtered


def test_a_wrong_filter_value_is_dropped_not_an_error(client, module):
    response = client.get(url("index", module), {"district": "x", "category": "999", "page": "abc"})
    assert response.status_code == 200


def test_the_list_is_paginated(client, module, resident):
    for number in range(21):
        map_input(module, resident, text=f"Synpunkt {number}")
    page = client.get(url("index", module)).content.decode()
    assert "Sida 1 av 2" in page and 'rel="next"' in page


def test_the_empty_state_invites_to_give_input(client, module, resident):
    client.force_login(resident)
    page = client.get(url("index", module)).content.decode()
    assert "Inga synpunkter har publicerats ännu" in page or "Ingen synpunkt" in page or "publicerats" in page


def test_the_features_endpoint_gives_what_lies_in_the_box_as_geojson(client, module, resident):
    north = map_input(module, resident, IN_NORTH)
    south = map_input(module, resident, IN_SOUTH)
    response = client.get(url("features", module), {"bbox": "13.0,60.1,13.1,60.2"})
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert [feature["id"] for feature in data["features"]] == [north.pk] and data["truncated"] is False
    assert data["features"][0]["geometry"] == IN_NORTH
    everything = json.loads(client.get(url("features", module)).content)
    assert {feature["id"] for feature in everything["features"]} == {north.pk, south.pk}


def test_at_most_the_limit_is_served_and_the_answer_says_so(module, resident):
    for _ in range(3):
        map_input(module, resident)
    data = json.loads(selectors.features_in_bbox(module, (-180, -90, 180, 90), limit=2))
    assert len(data["features"]) == 2 and data["truncated"] is True


@pytest.mark.parametrize("bbox", ["a,b,c,d", "1,2,3", "13.1,60,13.0,60.2", "1,2,3,999"])
def test_a_bad_bbox_is_a_400_in_words(client, module, bbox):
    response = client.get(url("features", module), {"bbox": bbox})
    assert response.status_code == 400 and b"bbox" in response.content


def test_pending_and_removed_input_is_not_on_the_map(client, module, resident):
    item = map_input(module, resident)
    MapInput.objects.filter(pk=item.pk).update(status=ModerationStatus.PENDING)
    assert json.loads(client.get(url("features", module)).content)["features"] == []


def test_the_districts_endpoint_draws_the_base_map(client, module, districts):
    data = json.loads(client.get(url("districts", module)).content)
    assert [feature["properties"]["name"] for feature in data["features"]] == ["Norr", "Söder"]


def test_support_once_and_take_it_back(client, module, resident):
    item = map_input(module, UserFactory())
    client.force_login(resident)
    for _ in range(2):
        client.post(url("support", module, item.pk), {"support": "add"})
    assert Support.objects.filter(input=item).count() == 1
    client.post(url("support", module, item.pk), {"support": "remove"})
    assert not Support.objects.exists()


def test_comment_through_the_central_comments(client, module, resident):
    item = map_input(module, UserFactory())
    client.force_login(resident)
    response = client.post(url("comment", module, item.pk), {"text": "Håller med!"})
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.target == item and comment.status == ModerationStatus.PUBLISHED
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Håller med!" in page and "1 kommentar" in page


def test_an_empty_comment_is_shown_again_with_an_error(client, module, resident):
    item = map_input(module, UserFactory())
    client.force_login(resident)
    response = client.post(url("comment", module, item.pk), {"text": ""})
    assert response.status_code == 200 and "aria-invalid" in response.content.decode()


def test_a_visitor_is_sent_to_log_in_to_give_input(client, module):
    response = client.get(url("create", module))
    assert response.status_code == 302 and "/logga-in/" in response.url


def test_another_municipalitys_module_is_a_404(client, module, other_municipality, resident):
    item = map_input(module, resident)
    args = [other_municipality.slug, module.dialogue_id, module.pk]
    from django.urls import reverse

    assert client.get(reverse("map_input:index", args=args)).status_code == 404
    assert client.get(reverse("map_input:detail", args=[*args, item.pk])).status_code == 404
    assert client.get(reverse("map_input:features", args=args)).status_code == 404


def test_the_category_shows_its_symbol_and_name_not_colour_alone(client, module, resident):
    category = Category.objects.create(module=module, name="Cykel", symbol="star", colour="#15803d")
    item = map_input(module, resident, category=category)
    page = client.get(item.get_absolute_url()).content.decode()
    assert "map-symbol--star" in page and "Cykel" in page


def test_the_tile_source_is_used_and_allowed_by_the_content_security_policy(client, module, staff):
    from ..services import tile_source_set

    tile_source_set(
        municipality=module.municipality,
        url_template="https://tiles.example.se/{z}/{x}/{y}.png",
        attribution="© Exempel",
        actor=staff["democracy_officer"],
    )
    response = client.get(url("index", module))
    assert 'data-tiles="https://tiles.example.se/{z}/{x}/{y}.png"' in response.content.decode()
    assert "img-src https://tiles.example.se" in response["Content-Security-Policy"]


def test_without_a_tile_source_the_map_draws_only_the_districts(client, module):
    response = client.get(url("index", module))
    assert 'data-tiles=""' in response.content.decode()
    assert "tiles" not in response["Content-Security-Policy"]


def test_tile_servers_named_by_a_letter_are_allowed_by_a_wildcard(client, module, staff):
    from ..services import tile_source_set

    tile_source_set(
        municipality=module.municipality,
        url_template="https://{s}.tiles.example.se/{z}/{x}/{y}.png",
        attribution="© Exempel",
        actor=staff["democracy_officer"],
    )
    assert "img-src https://*.tiles.example.se" in client.get(url("index", module))["Content-Security-Policy"]
