import pytest
from django.urls import reverse

from delaktig.core.models import AuditEvent
from delaktig.organisations.models import Area, Role
from delaktig.organisations.tests.factories import staff_for

pytestmark = pytest.mark.django_db


def area_urls(municipality, area):
    slug = municipality.slug
    return [
        reverse("organisations:areas", args=[slug]),
        reverse("organisations:area_edit", args=[slug, area.pk]),
        reverse("organisations:area_delete", args=[slug, area.pk]),
    ]


@pytest.fixture
def area(municipality):
    return Area.objects.create(municipality=municipality, name="Centrum", order=1)


@pytest.mark.parametrize("role", list(Role.values))
def test_only_administrators_and_democracy_officers_manage_areas(client, municipality, staff, area, role):
    client.force_login(staff[role])
    expected = 200 if role in (Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER) else 403
    for url in area_urls(municipality, area):
        assert client.get(url).status_code == expected, url


def test_other_municipality_and_residents_get_404(client, municipality, other_municipality, resident, area):
    for user in (resident, staff_for(other_municipality)[Role.ADMINISTRATOR]):
        client.force_login(user)
        for url in area_urls(municipality, area):
            assert client.get(url).status_code == 404


def test_add_rename_delete_with_audit(client, municipality, staff, area):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    urls = area_urls(municipality, area)
    assert client.post(urls[0], {"name": "  Norra   byn ", "order": 2}).status_code == 302
    assert Area.objects.filter(municipality=municipality, name="Norra byn").exists()
    assert client.post(urls[1], {"name": "Centrala stan", "order": 1}).status_code == 302
    area.refresh_from_db()
    assert area.name == "Centrala stan"
    assert client.post(urls[2]).status_code == 302
    assert not Area.objects.filter(pk=area.pk).exists()
    assert list(AuditEvent.objects.filter(action__startswith="area.").values_list("action", flat=True)) == [
        "area.create",
        "area.update",
        "area.delete",
    ]


def test_empty_and_duplicate_names_are_refused(client, municipality, staff, area):
    client.force_login(staff[Role.ADMINISTRATOR])
    url = area_urls(municipality, area)[0]
    response = client.post(url, {"name": "", "order": 1})
    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    response = client.post(url, {"name": "centrum", "order": 3})
    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    assert Area.objects.filter(municipality=municipality).count() == 1


def test_an_area_may_have_its_number_of_residents(client, municipality, staff, area):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    urls = area_urls(municipality, area)
    assert client.post(urls[1], {"name": "Centrum", "order": 1, "population": "4200"}).status_code == 302
    area.refresh_from_db()
    assert area.population == 4200
    assert "4\u00a0200" in client.get(urls[0]).content.decode()
    response = client.post(urls[1], {"name": "Centrum", "order": 1, "population": "4 200 st"})
    assert response.status_code == 200
    assert "Skriv antalet invånare som ett heltal" in response.content.decode()
    assert 'value="4 200 st"' in response.content.decode()  # what was typed is kept
    response = client.post(urls[1], {"name": "Centrum", "order": 1, "population": "-3"})
    assert "kan inte vara negativt" in response.content.decode()
    assert client.post(urls[1], {"name": "Centrum", "order": 1, "population": ""}).status_code == 302
    area.refresh_from_db()
    assert area.population is None
