"""The areas' shapes for maps, imported from a GeoJSON file: upload, preview, import; clear errors and nothing
imported half."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from delaktig.core.models import AuditEvent
from delaktig.organisations.models import Area, Role
from delaktig.organisations.tests.factories import staff_for

pytestmark = pytest.mark.django_db


def square(west, south, size=0.05):
    ring = [[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


def collection(*named, key="name"):
    features = [{"type": "Feature", "properties": {key: name}, "geometry": geometry} for name, geometry in named]
    return json.dumps({"type": "FeatureCollection", "features": features})


def upload(text, name="omraden.geojson"):
    return SimpleUploadedFile(name, text.encode() if isinstance(text, str) else text, "application/geo+json")


@pytest.fixture
def officer_client(client, staff):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    return client


def url(municipality):
    return reverse("organisations:area_shapes", args=[municipality.slug])


def test_shapes_are_previewed_then_imported_by_name_and_new_names_become_areas(officer_client, municipality):
    Area.objects.create(municipality=municipality, name="Centrum", order=1)
    text = collection(("centrum", square(13.65, 60.0)), ("Ekshärad", square(13.45, 60.15)))
    preview = officer_client.post(url(municipality), {"file": upload(text), "name_property": "name"})
    page = preview.content.decode()
    assert preview.status_code == 200 and "Gets a shape" not in page  # in Swedish
    assert "Får en form" in page and "Läggs till som nytt område" in page and "<svg" in page
    assert not Area.objects.exclude(geometry=None).exists()  # nothing yet
    done = officer_client.post(url(municipality), {"content": text, "name_property": "name"})
    assert done.status_code == 302
    areas = {area.name: area for area in Area.objects.filter(municipality=municipality)}
    assert set(areas) == {"Centrum", "Ekshärad"} and areas["Centrum"].geometry["type"] == "Polygon"
    assert areas["Ekshärad"].order == 2
    event = AuditEvent.objects.get(action="area.shapes_import")
    assert event.data["added"] == 1 and event.data["updated"] == 1
    listing = officer_client.get(reverse("organisations:areas", args=[municipality.slug])).content.decode()
    assert "Form på kartan" in listing


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("not json at all", "kunde inte läsas som JSON"),
        (json.dumps({"type": "Point", "coordinates": [13.6, 60.0]}), "FeatureCollection"),
        (collection(("Norr", {"type": "Point", "coordinates": [13.6, 60.0]})), "Objekt 1:"),
        (collection(("Norr", square(13.6, 60.0)), key="namn"), "har ingen ”name”"),
        (collection(("Norr", square(13.6, 60.0)), ("norr", square(13.8, 60.0))), "kommer två gånger"),
        (collection(("Norr", square(13.6, 60.0)), ("Söder", square(13.62, 60.02))), "överlappar"),
        (collection(("Allt", square(5.0, 50.0, size=10.0))), "större än en kommun"),
    ],
)
def test_a_bad_file_is_explained_and_nothing_is_imported(officer_client, municipality, text, words):
    response = officer_client.post(url(municipality), {"file": upload(text), "name_property": "name"})
    page = response.content.decode()
    assert response.status_code == 200 and words in page and "Fel:" in page
    assert 'value="name"' in page  # what was typed is kept
    assert not Area.objects.filter(municipality=municipality).exists()


def test_a_tampered_confirmation_imports_nothing_and_says_so(officer_client, municipality):
    response = officer_client.post(url(municipality), {"content": "{", "name_property": "name"}, follow=True)
    assert "kunde inte läsas som JSON" in response.content.decode()
    assert not Area.objects.exists()


def test_a_file_that_is_not_utf8_or_too_large_is_refused(officer_client, municipality):
    page = officer_client.post(url(municipality), {"file": upload(b"\xff\xfe\x00x"), "name_property": "name"})
    assert "UTF-8" in page.content.decode()
    big = upload(b" " * (2 * 1024 * 1024 + 1))
    assert (
        "större än 2 MB"
        in officer_client.post(url(municipality), {"file": big, "name_property": "name"}).content.decode()
    )


@pytest.mark.parametrize("role", list(Role.values))
def test_only_administrators_and_democracy_officers_import_shapes(client, municipality, staff, role):
    client.force_login(staff[role])
    expected = 200 if role in (Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER) else 403
    assert client.get(url(municipality)).status_code == expected


def test_another_municipalitys_staff_get_404(client, municipality, other_municipality):
    client.force_login(staff_for(other_municipality)[Role.ADMINISTRATOR])
    assert client.get(url(municipality)).status_code == 404
