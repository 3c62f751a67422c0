"""Dan, the democracy officer, starts the municipality's action plan for participation from its empty page, adds a
goal and an action, follows the action up for this quarter, and appoints a board's participation ambassador.
Axe on every page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from delaktig.actionplan.models import Ambassador, FollowUp, Status
from delaktig.organisations.models import Body, Role
from delaktig.organisations.tests.factories import BodyFactory, DepartmentFactory, MunicipalityFactory
from tests.e2e.support import arrive, click_through, logged_in, person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def hagby():
    return MunicipalityFactory(name="Hagby kommun", slug="hagby")


def test_dan_builds_and_follows_up_the_plan(page, live_server, hagby):
    dan = person(hagby, Role.DEMOCRACY_OFFICER, name="Dan Demokratisson", email="dan@hagby.example")
    DepartmentFactory(municipality=hagby, name="Kulturförvaltningen")
    BodyFactory(municipality=hagby, name="Kulturnämnden", kind=Body.Kind.COMMITTEE)
    logged_in(page, dan)
    page.goto(live_server.url + reverse("actionplan:overview", args=["hagby"]))
    arrive(page)
    click_through(page, page.get_by_role("link", name="Skapa handlingsplanen"))
    year = timezone.localdate().year
    page.fill("#id_title", "Handlingsplan för delaktighet")
    page.fill("#id_starts_year", str(year))
    page.fill("#id_ends_year", str(year - 1))
    click_through(page, page.get_by_role("button", name="Spara"))
    assert page.title().startswith("Fel:") and page.input_value("#id_title") == "Handlingsplan för delaktighet"
    page.fill("#id_ends_year", str(year + 2))
    click_through(page, page.get_by_role("button", name="Spara"))
    page.fill("#id_title", "Fler unga deltar")
    click_through(page, page.get_by_role("button", name="Lägg till målet"))
    click_through(page, page.get_by_role("link", name="Lägg till en åtgärd"))
    page.fill("#id_title", "Ungdomsråd i varje kommundel")
    page.select_option("#id_owner_department", label="Kulturförvaltningen")
    page.fill("#id_deadline", f"{year + 1}-06-30")
    click_through(page, page.get_by_role("button", name="Spara"))
    page.select_option("#id_status", label="Pågår")
    page.fill("#id_note", "Två av fyra råd har startat.")
    click_through(page, page.get_by_role("button", name="Spara uppföljningen"))
    assert FollowUp.objects.get().status == Status.IN_PROGRESS and "Två av fyra råd har startat." in page.content()
    click_through(page, page.get_by_role("link", name="Tillbaka till handlingsplanen"))
    assert "0 av 1 åtgärder klara (0 %)" in page.content() and "Kulturnämnden" in page.content()
    click_through(page, page.get_by_role("link", name="Utbildning och ambassadörer"))
    page.select_option("#id_ambassador-body", label="Kulturnämnden")
    page.fill("#id_ambassador-person_name", "Eva Ek")
    page.fill("#id_ambassador-since", timezone.localdate().isoformat())
    click_through(page, page.get_by_role("button", name="Spara ambassadören"))
    assert Ambassador.objects.get().person_name == "Eva Ek"
