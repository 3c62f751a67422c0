"""Giving map input: from the list (no map needed), a shape drawn on the map, a photo; and every kind of bad input
refused with a clear Swedish message, what was typed kept and nothing stored."""

import io
import json

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from delaktig.core.audit import AuditEvent
from delaktig.participation.models import ModerationStatus

from ..models import Category, MapInput, Place
from .conftest import url

pytestmark = pytest.mark.django_db


@pytest.fixture
def category(module):
    return Category.objects.create(module=module, name="Trygghet", symbol="triangle", colour="#b91c1c")


@pytest.fixture
def place(module):
    return Place.objects.create(module=module, kind="address", name="Storgatan 1", longitude=13.05, latitude=60.05)


def post(client, module, **data):
    return client.post(url("create", module), {"text": "Mörkt här på kvällen.", **data})


def test_the_form_offers_addresses_places_and_districts_in_a_list(client, resident, module, place, category):
    client.force_login(resident)
    page = client.get(url("create", module)).content.decode()
    assert "Storgatan 1" in page and "Norr" in page and "Söder" in page and "Trygghet" in page
    assert 'id="id_location"' in page and "<optgroup" in page


def test_a_resident_gives_input_at_an_address_from_the_list(client, resident, module, place, category, districts):
    client.force_login(resident)
    response = post(client, module, location=f"place:{place.pk}", category=category.pk)
    item = MapInput.objects.get()
    assert response.status_code == 302 and response.url == url("create_done", module, item.pk)
    assert (item.place_name, item.located_by, item.district, item.category) == (
        "Storgatan 1",
        "address",
        districts[1],
        category,
    )
    assert (item.author, item.author_name, item.status) == (resident, resident.name, ModerationStatus.PUBLISHED)
    assert AuditEvent.objects.filter(action="map_input.create").count() == 1
    done = client.get(response.url).content.decode()
    assert item.reference in done


def test_a_whole_district_from_the_list(client, resident, module, districts, category):
    client.force_login(resident)
    post(client, module, location=f"district:{districts[0].pk}", category=category.pk)
    item = MapInput.objects.get()
    assert (item.place_name, item.located_by, item.district) == ("Norr", "district", districts[0])


def test_a_line_drawn_on_the_map(client, resident, module, districts, category):
    client.force_login(resident)
    line = {"type": "LineString", "coordinates": [[13.01, 60.11], [13.05, 60.15]]}
    post(client, module, geometry=json.dumps(line), category=category.pk)
    item = MapInput.objects.get()
    assert (item.shape, item.district, item.min_lon, item.max_lat) == ("line", districts[0], 13.01, 60.15)


def test_sending_the_same_form_twice_stores_one_input(client, resident, module, place, category):
    client.force_login(resident)
    for _ in range(2):
        post(client, module, location=f"place:{place.pk}", category=category.pk, submission_key="abc123")
    assert MapInput.objects.count() == 1


def _error_page(response):
    assert response.status_code == 200
    page = response.content.decode()
    assert "error-summary" in page or "Det finns fel" in page or "aria-invalid" in page
    return page


@pytest.mark.parametrize(
    ("geometry", "message"),
    [
        ("{inte json", "kunde inte läsas som JSON"),
        ('{"type": "Point", "coordinates": [14.9, 60.15]}', "utanför kommunen"),
        (
            '{"type": "Polygon", "coordinates": [[[13.01, 60.01], [13.05, 60.05], [13.05, 60.01], [13.01, 60.05], '
            "[13.01, 60.01]]]}",
            "korsar sig själv",
        ),
        (
            '{"type": "Polygon", "coordinates": [[[13.0, 60.0], [13.1, 60.0], [13.1, 60.2], [13.0, 60.2], '
            "[13.0, 60.0]]]}",
            "för stort",
        ),
        (
            json.dumps({"type": "LineString", "coordinates": [[13.01 + i / 1e5, 60.01] for i in range(501)]}),
            "fler än 500 punkter",
        ),
    ],
)
def test_bad_shapes_are_refused_with_the_text_kept(client, resident, module, category, geometry, message):
    client.force_login(resident)
    page = _error_page(post(client, module, geometry=geometry, category=category.pk))
    assert message in page
    assert "Mörkt här på kvällen." in page  # what was typed is kept
    assert not MapInput.objects.exists()


def test_no_place_at_all_is_asked_for(client, resident, module, category):
    client.force_login(resident)
    page = _error_page(post(client, module, category=category.pk))
    assert "Välj en plats i listan" in page and not MapInput.objects.exists()


def test_a_place_of_another_module_cannot_be_chosen(client, resident, module, category, municipality):
    from .factories import map_module

    other = map_module(municipality=municipality)
    foreign = Place.objects.create(module=other, name="Någon annanstans", longitude=13.05, latitude=60.05)
    client.force_login(resident)
    _error_page(post(client, module, location=f"place:{foreign.pk}", category=category.pk))
    assert not MapInput.objects.exists()


def jpeg_with_position():
    image = Image.new("RGB", (64, 48), "red")
    exif = Image.Exif()
    exif[0x010F] = "Kamerafabriken"  # Make
    exif[0x8825] = {1: "N", 2: (60.0, 5.0, 0.0), 3: "E", 4: (13.0, 3.0, 0.0)}  # GPSInfo
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def test_a_photo_is_stored_without_exif_or_position(client, resident, module, place, category):
    data = jpeg_with_position()
    assert Image.open(io.BytesIO(data)).getexif()  # the camera's data is there before
    client.force_login(resident)
    photo = SimpleUploadedFile("IMG_Rut_Resident.jpg", data, content_type="image/jpeg")
    post(client, module, location=f"place:{place.pk}", category=category.pk, photo=photo, photo_description="Tunneln")
    item = MapInput.objects.get()
    assert "Rut" not in item.photo.name and item.photo.name.endswith(".jpg")
    with default_storage.open(item.photo.name) as stored:
        assert not Image.open(stored).getexif()
    response = client.get(url("photo", module, item.pk))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert 'alt="Tunneln"' in client.get(item.get_absolute_url()).content.decode()


def test_a_file_that_claims_to_be_a_jpeg_but_is_not_is_refused(client, resident, module, place, category):
    client.force_login(resident)
    fake = SimpleUploadedFile("foto.jpg", b"%PDF-1.4 inte en bild", content_type="image/jpeg")
    page = _error_page(post(client, module, location=f"place:{place.pk}", category=category.pk, photo=fake))
    assert "inte ett foto i formatet JPEG, PNG eller WebP" in page
    assert "Mörkt här på kvällen." in page and not MapInput.objects.exists()


def test_an_oversized_photo_is_refused(client, resident, module, place, category, monkeypatch):
    from .. import forms

    monkeypatch.setattr(forms, "MAX_BYTES", 100)
    client.force_login(resident)
    photo = SimpleUploadedFile("stor.jpg", jpeg_with_position(), content_type="image/jpeg")
    page = _error_page(post(client, module, location=f"place:{place.pk}", category=category.pk, photo=photo))
    assert "större än 10 MB" in page and not MapInput.objects.exists()


def test_a_photo_is_asked_for_again_when_another_field_was_wrong(client, resident, module, category):
    client.force_login(resident)
    photo = SimpleUploadedFile("foto.jpg", jpeg_with_position(), content_type="image/jpeg")
    page = _error_page(post(client, module, category=category.pk, photo=photo))
    assert "Välj fotot igen" in page


def test_a_pre_moderated_dialogue_holds_the_input(client, resident, municipality, districts):
    from .factories import map_module

    module = map_module(municipality=municipality, moderation="pre")
    client.force_login(resident)
    post(client, module, location=f"district:{districts[0].pk}")
    item = MapInput.objects.get()
    assert item.status == ModerationStatus.PENDING
    assert client.get(url("detail", module, item.pk)).status_code == 200  # the writer sees it
    client.logout()
    assert client.get(url("detail", module, item.pk)).status_code == 404
    assert client.get(url("photo", module, item.pk)).status_code == 404


def test_a_pseudonym_dialogue_shows_the_pseudonym_not_the_name(client, resident, municipality, districts):
    from .factories import map_module

    module = map_module(municipality=municipality, public_identity="pseudonym")
    client.force_login(resident)
    assert 'name="pseudonym"' in client.get(url("create", module)).content.decode()
    post(client, module, location=f"district:{districts[0].pk}", pseudonym="Skogsmus 17")
    item = MapInput.objects.get()
    assert (item.author, item.author_name) == (resident, "Skogsmus 17")


def test_a_pseudonym_someone_else_writes_under_is_refused_and_the_form_keeps_the_text(
    client, resident, municipality, districts
):
    from delaktig.accounts.tests.factories import UserFactory

    from .factories import map_module

    module = map_module(municipality=municipality, public_identity="pseudonym")
    client.force_login(UserFactory())
    post(client, module, location=f"district:{districts[0].pk}", pseudonym="Skogsmus 17")
    client.force_login(resident)
    response = post(client, module, location=f"district:{districts[0].pk}", pseudonym="skogsmus 17", text="Min text")
    page = response.content.decode()
    assert response.status_code == 200 and "skogsmus 17" in page and "Min text" in page
    assert "Någon annan skriver redan" in page
    assert MapInput.objects.count() == 1
    post(client, module, location=f"district:{districts[0].pk}", pseudonym="Ekorre 3")
    assert client.get(url("create", module)).content.decode().count('value="Ekorre 3"') == 1  # kept for next time


def test_anonymous_by_design_keeps_no_account_and_confirms_at_once(client, resident, municipality, districts):
    from .factories import map_module

    module = map_module(municipality=municipality, public_identity="anonymous_by_design")
    client.force_login(resident)
    response = post(client, module, location=f"district:{districts[0].pk}")
    item = MapInput.objects.get()
    assert item.author is None and item.author_name == ""
    assert response.status_code == 200 and item.reference in response.content.decode()
    assert AuditEvent.objects.get(action="map_input.create").actor is None
