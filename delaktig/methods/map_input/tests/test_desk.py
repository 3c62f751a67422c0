"""Map input at the desk ("Registrera inkommet"): staff enter what came on paper, by phone, letter or at a meeting,
with a place from the list (an address, a named place or a whole district); undo, and bad input explained."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from delaktig.core.models import AuditEvent
from delaktig.participation.models import Channel, DeskRecord, ModerationStatus
from delaktig.participation.registry import Occasion

from ..desk import DESK_ENTRY
from ..forms import DeskMapInputForm
from ..models import Category, LocatedBy, MapInput, Place, PlaceKind
from .conftest import url
from .factories import districts_for, map_module

pytestmark = pytest.mark.django_db

MEETING = Occasion(key="dialogue_meetings:12", label="Dialogmöte i Sunnemo, 12 mars 2026")


@pytest.fixture
def address(module):
    """An address in Söder."""
    return Place.objects.create(
        module=module, kind=PlaceKind.ADDRESS, name="Storgatan 1", longitude=13.05, latitude=60.05
    )


@pytest.fixture
def as_officer(client, staff):
    client.force_login(staff["officer"])
    return client


def desk_url(module, *extra, name="desk"):
    return reverse(f"participation:{name}", args=[module.dialogue.municipality.slug, module.dialogue_id, *extra])


def posted(module, **overrides):
    return {
        "module": module.pk,
        "channel": "paper",
        "received_on": "2026-03-02",
        "occasion": "",
        "group": "",
        "item-text": "Gatlyktan vid busskuren är trasig sedan i höstas.",
        **overrides,
    }


def enter(module, user, located_value, **data):
    form = DeskMapInputForm({"location": located_value, "text": "Mörkt vid skolan.", **data}, module=module)
    assert form.is_valid(), form.errors
    values = {"channel": Channel.MEETING, "received_on": datetime.date(2026, 3, 12), "occasion": MEETING}
    return DESK_ENTRY.save(module, form.cleaned_data, actor=user, group="Bord 3", **values)


# Entering from the desk page


def test_a_district_entered_on_the_desk_page_is_published_with_its_district(as_officer, module, districts, staff):
    north, _south = districts
    response = as_officer.post(desk_url(module), posted(module, **{"item-location": f"district:{north.pk}"}))
    assert response.status_code == 302, response.context and response.context["item_form"].errors
    item = MapInput.objects.get()
    assert (item.located_by, item.place_name, item.district) == (LocatedBy.DISTRICT, "Norr", north)
    assert (item.channel, item.received_on) == (Channel.PAPER, datetime.date(2026, 3, 2))
    assert (item.author, item.entered_by, item.status) == (None, staff["officer"], ModerationStatus.PUBLISHED)
    assert DeskRecord.objects.get().reference == f"KA-{item.pk}"
    page = as_officer.get(response["Location"]).content.decode()
    assert f"Sparat: KA-{item.pk}" in page
    assert AuditEvent.objects.filter(action="map_input.enter_offline", target_id=item.pk).exists()


def test_an_address_entered_at_a_meeting_is_tagged_with_the_district_it_lies_in(as_officer, module, districts, address):
    _north, south = districts
    category = Category.objects.create(module=module, name="Trygghet")
    data = {"item-location": f"place:{address.pk}", "item-category": category.pk, "channel": "meeting"}
    response = as_officer.post(desk_url(module), posted(module, group="Bord 2", **data))
    assert response.status_code == 302
    item = MapInput.objects.get()
    assert (item.located_by, item.place_name, item.district, item.category) == (
        "address",
        "Storgatan 1",
        south,
        category,
    )
    assert (item.channel, item.group) == (Channel.MEETING, "Bord 2")
    assert (item.point_lon, item.point_lat) == (13.05, 60.05)


def test_the_desk_form_offers_the_list_the_residents_alternative_offers(module, districts, address):
    Category.objects.create(module=module, name="Trygghet")
    form = DeskMapInputForm(module=module)
    html = str(form["location"])
    assert '<optgroup label="Adresser">' in html and '<optgroup label="Hela områden">' in html
    assert "Storgatan 1" in html and "Söder" in html
    assert {"location", "category", "text", "author_name", "age_band", "gender", "area"} <= set(form.fields)


def test_what_the_desk_adds_and_the_about_you_answers_are_stored_but_never_published(client, module, districts, staff):
    north, south = districts
    desk_item = enter(
        module,
        staff["officer"],
        f"district:{south.pk}",
        author_name="  Anna   Brevskrivare ",
        age_band="65_79",
        gender="woman",
        area=north.pk,
    )
    item = MapInput.objects.get(pk=desk_item.item_id)
    assert (item.occasion_key, item.occasion_label, item.group) == (MEETING.key, MEETING.label, "Bord 3")
    assert item.author_name == "Anna Brevskrivare"
    assert item.demographics == {"age_band": "65_79", "gender": "woman", "area": north.pk}
    assert desk_item.summary.startswith("Söder: Mörkt vid skolan")
    record = module.manifest.inputs(module)[0]
    assert record.received_on == datetime.date(2026, 3, 12) and record.demographics["age_band"] == "65_79"
    detail = client.get(url("detail", module, item.pk)).content.decode()
    assert "Anna Brevskrivare" in detail and "Mörkt vid skolan." in detail
    assert staff["officer"].name not in detail and "65–79" not in detail and "Kvinna" not in detail


@pytest.mark.parametrize("public_identity", ["anonymous", "anonymous_by_design"])
def test_the_sender_is_never_on_public_pages_where_the_dialogue_shows_no_names(
    client, municipality, districts, staff, public_identity
):
    module = map_module(municipality=municipality, public_identity=public_identity)
    north, _south = districts
    assert "author_name" not in DeskMapInputForm(module=module).fields
    desk_item = DESK_ENTRY.save(
        module,
        {"located": _located_in(module, north), "text": "Brev.", "author_name": "Anna Brevskrivare"},
        actor=staff["officer"],
        channel="paper",
        received_on=datetime.date(2026, 3, 2),
        occasion=None,
        group="",
    )
    item = MapInput.objects.get(pk=desk_item.item_id)
    assert item.author_name == ""
    for page in (url("index", module), url("detail", module, item.pk)):
        html = client.get(page).content.decode()
        assert "Anna Brevskrivare" not in html and staff["officer"].name not in html


def _located_in(module, area):
    form = DeskMapInputForm({"location": f"district:{area.pk}", "text": "x"}, module=module)
    assert form.is_valid(), form.errors
    return form.cleaned_data["located"]


# Undo


def test_undo_is_for_the_same_person_within_the_minutes(module, districts, staff, settings):
    settings.DESK_UNDO_MINUTES = 10
    north, _south = districts
    with time_machine.travel(datetime.datetime(2026, 3, 12, 18, tzinfo=datetime.UTC), tick=False) as traveller:
        first = enter(module, staff["officer"], f"district:{north.pk}")
        second = enter(module, staff["officer"], f"district:{north.pk}")
        assert not DESK_ENTRY.undo(module, first.item_id, actor=staff["democracy_officer"])
        assert DESK_ENTRY.undo(module, first.item_id, actor=staff["officer"])
        traveller.shift(datetime.timedelta(minutes=11))
        assert not DESK_ENTRY.undo(module, second.item_id, actor=staff["officer"])
    assert list(MapInput.objects.values_list("pk", flat=True)) == [second.item_id]
    assert AuditEvent.objects.filter(action="map_input.desk_undo", target_id=first.item_id).exists()


def test_undo_over_http_takes_it_back_and_says_so(as_officer, module, districts):
    north, _south = districts
    as_officer.post(desk_url(module), posted(module, **{"item-location": f"district:{north.pk}"}))
    record = DeskRecord.objects.get()
    response = as_officer.post(desk_url(module, record.pk, name="desk_undo"), {"module": module.pk})
    assert f"Ångrat: {record.reference}" in as_officer.get(response["Location"]).content.decode()
    assert not MapInput.objects.exists()


def test_an_input_online_cannot_be_undone_at_the_desk(module, districts, staff, resident):
    from .factories import map_input

    online = map_input(module, resident)
    assert not DESK_ENTRY.undo(module, online.pk, actor=staff["officer"])
    assert MapInput.objects.filter(pk=online.pk).exists()


# Bad input: a Swedish error and what was typed kept


def test_no_place_chosen_is_explained_and_the_text_kept(as_officer, module, districts):
    response = as_officer.post(desk_url(module), posted(module, **{"item-location": ""}))
    html = response.content.decode()
    assert response.status_code == 200 and "Välj en plats i listan." in html
    assert "Gatlyktan vid busskuren är trasig sedan i höstas." in html
    assert not MapInput.objects.exists()


def test_a_place_of_another_municipality_is_refused(as_officer, module, districts, other_municipality):
    elsewhere = map_module(municipality=other_municipality)
    far_district, _ = districts_for(other_municipality)
    far_place = Place.objects.create(module=elsewhere, name="Torget", longitude=13.05, latitude=60.15)
    for value in (f"place:{far_place.pk}", f"district:{far_district.pk}"):
        response = as_officer.post(desk_url(module), posted(module, **{"item-location": value}))
        html = response.content.decode()
        assert response.status_code == 200 and "Välj en plats i listan." in html
        assert "Gatlyktan vid busskuren" in html
    assert not MapInput.objects.exists()


def test_a_text_too_long_is_explained_and_kept(as_officer, module, districts):
    north, _south = districts
    long_text = "Lång synpunkt " * 150  # 2 100 characters
    response = as_officer.post(
        desk_url(module), posted(module, **{"item-location": f"district:{north.pk}", "item-text": long_text})
    )
    html = response.content.decode()
    assert response.status_code == 200 and "2000 tecken" in html
    assert "Lång synpunkt Lång synpunkt" in html and f'value="district:{north.pk}" selected' in html
    assert not MapInput.objects.exists()


def test_the_module_links_to_the_desk_with_the_module_chosen(module, staff):
    pages = {title: link for link, title in module.manifest.staff_pages(module, staff["officer"])}
    assert pages["Registrera inkommet"].endswith(f"/registrera/?module={module.pk}")
    moderator_pages = [title for _link, title in module.manifest.staff_pages(module, staff["moderator"])]
    assert "Registrera inkommet" not in moderator_pages


def test_the_channel_and_date_received_are_in_the_staff_list_and_the_export(as_officer, module, districts, staff):
    north, _south = districts
    enter(module, staff["officer"], f"district:{north.pk}")
    html = as_officer.get(url("staff:inputs", module)).content.decode()
    assert "På ett möte" in html and "inkommen 12 mars 2026" in html
    export = as_officer.get(url("staff:export_csv", module)).content.decode("utf-8-sig")
    assert "Inkommet datum" in export and "2026-03-12" in export


def test_the_modules_overview_offers_the_desk_to_those_who_may_enter(as_officer, module):
    from .. import navigation
    from .conftest import url

    page = as_officer.get(url("staff:index", module)).content.decode()
    assert f'href="{navigation.desk_url(module)}"' in page and "Registrera inkommet" in page
