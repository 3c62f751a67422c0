"""The staff pages: for administrators and democracy officers of the municipality; another municipality's members
and samples are 404; no page gives a 500 on malformed input."""

import pytest
from django.urls import reverse

from delaktig.panel import services
from delaktig.panel.models import PanelMember, PanelSettings, Status
from delaktig.panel.views import staff as views
from delaktig.participation.tests.population_support import even_population

from .factories import PanelMemberFactory, panel_of

pytestmark = pytest.mark.django_db

PAGES = [
    "panel:staff_overview", "panel:staff_members", "panel:staff_import", "panel:staff_composition",
    "panel:staff_composition_csv", "panel:staff_samples", "panel:staff_sample_new", "panel:staff_settings",
]  # fmt: skip


def test_every_page_asks_for_administrators_or_democracy_officers():
    from delaktig.organisations.models import Role

    wanted = {Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER}
    pages = (views.overview, views.members, views.member, views.import_members, views.composition)
    pages += (views.composition_csv, views.samples, views.sample_new, views.sample, views.settings_edit)
    for view in pages:
        assert view.staff_roles == wanted, view.__name__


@pytest.mark.parametrize("name", PAGES)
def test_pages_open_for_a_democracy_officer_and_not_for_an_officer(client, municipality, staff, name):
    url = reverse(name, args=[municipality.slug])
    client.force_login(staff["democracy_officer"])
    assert client.get(url).status_code == 200
    client.force_login(staff["officer"])
    assert client.get(url).status_code == 403


def test_another_municipalitys_member_and_sample_are_404(client, municipality, other_municipality, staff):
    even_population(other_municipality)
    panel_of(other_municipality, 20)
    theirs = PanelMember.objects.filter(municipality=other_municipality).first()
    sample = services.sample_draw(municipality=other_municipality, size=5, by_area=False, seed=1, actor=None)
    client.force_login(staff["democracy_officer"])
    assert client.get(reverse("panel:staff_member", args=[municipality.slug, theirs.pk])).status_code == 404
    assert (
        client.post(
            reverse("panel:staff_member", args=[municipality.slug, theirs.pk]), {"status": "removed"}
        ).status_code
        == 404
    )
    assert client.get(reverse("panel:staff_sample", args=[municipality.slug, sample.pk])).status_code == 404
    client.force_login(staff["officer"])  # a wrong role on another municipality's object is a 404 too
    assert client.get(reverse("panel:staff_sample", args=[municipality.slug, sample.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Status.ACTIVE


def test_members_search_filter_and_paging(client, municipality, staff):
    PanelMemberFactory(municipality=municipality, name="Greta Garbo", email="greta@example.se")
    PanelMemberFactory(municipality=municipality, name="Bo Ek", status=Status.PAUSED)
    client.force_login(staff["democracy_officer"])
    url = reverse("panel:staff_members", args=[municipality.slug])
    assert "Greta Garbo" in client.get(url, {"q": "greta"}).content.decode()
    assert "Greta Garbo" not in client.get(url, {"status": "paused"}).content.decode()
    for bad in ({"status": "nonsense"}, {"page": "999"}, {"page": "x"}, {"q": "x" * 500}):
        assert client.get(url, bad).status_code == 200


def test_staff_pause_and_remove_a_member(client, municipality, staff):
    member = PanelMemberFactory(municipality=municipality)
    client.force_login(staff["democracy_officer"])
    url = reverse("panel:staff_member", args=[municipality.slug, member.pk])
    client.post(url, {"status": "paused"})
    member.refresh_from_db()
    assert member.status == Status.PAUSED
    assert client.post(url, {"status": "left"}).status_code == 200  # not a choice for staff
    client.post(url, {"status": "removed"})
    member.refresh_from_db()
    assert member.status == Status.REMOVED and member.email == "" and member.email_digest == ""
    assert client.post(url, {"status": "active"}).status_code == 200  # removed stays removed
    member.refresh_from_db()
    assert member.status == Status.REMOVED


def test_settings(client, municipality, staff):
    client.force_login(staff["democracy_officer"])
    url = reverse("panel:staff_settings", args=[municipality.slug])
    response = client.post(url, {"signup_open": "on", "inactivity_months": "3"})
    assert response.status_code == 200 and "Något behöver rättas" in response.content.decode()
    client.post(url, {"signup_open": "on", "inactivity_months": "36"})
    rules = PanelSettings.objects.get(municipality=municipality)
    assert rules.signup_open and rules.inactivity_months == 36
    assert "Medborgarpanel" in client.get(reverse("core:home", args=[municipality.slug])).content.decode()
