"""Dan, the democracy officer, adds the youth council and appoints its chair; appointing her again for an
overlapping term is refused in words with what he typed kept. Rut reads the council's public page: the chair's name
and what she represents, never her e-mail address. Every page passes axe."""

import pytest
from django.core.cache import cache

from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import MunicipalityFactory
from tests.e2e.support import arrive, click_through, log_out, logged_in, person, sv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def hagby():
    cache.clear()
    return MunicipalityFactory(name="Hagby kommun", slug="hagby")


def appoint(page, *, start, end):
    page.fill("#id_name", "Wilma Björk")
    page.select_option("#id_role", "chair")
    page.fill("#id_represents", "Elevkåren vid Hagbyskolan")
    page.fill("#id_term_start", start)
    page.fill("#id_term_end", end)
    page.fill("#id_email", "wilma.bjork@example.se")
    return click_through(page, page.get_by_role("button", name=sv("Save")))


def test_dan_appoints_the_youth_council_and_rut_reads_it(page, hagby):
    dan = person(hagby, Role.DEMOCRACY_OFFICER, name="Dan Demokratisson", email="dan@hagby.example")
    logged_in(page, dan)
    page.goto("/hagby/personal/")
    arrive(page)
    click_through(page, page.get_by_role("link", name=sv("Councils and forums")).first)
    click_through(page, page.get_by_role("link", name=sv("Add a forum")))
    page.fill("#id_name", "Ungdomsrådet")
    page.select_option("#id_kind", "youth")
    page.fill("#id_purpose", "Ungdomsrådet ger unga en röst i kommunen.")
    click_through(page, page.get_by_role("button", name=sv("Save")))
    assert page.get_by_role("heading", level=1).inner_text() == "Ungdomsrådet"

    click_through(page, page.get_by_role("link", name=sv("Appoint a member")))
    appoint(page, start="2026-01-01", end="2027-12-31")
    assert "Wilma Björk" in page.inner_text("main")

    click_through(page, page.get_by_role("link", name=sv("Appoint a member")))
    appoint(page, start="2027-01-01", end="2028-12-31")
    summary = page.locator("#error-summary")
    assert summary.is_visible() and "överlappar" in summary.inner_text()
    assert page.input_value("#id_represents") == "Elevkåren vid Hagbyskolan"

    log_out(page)
    page.goto("/hagby/")
    arrive(page)
    click_through(page, page.get_by_role("link", name=sv("Councils and forums")).first)
    click_through(page, page.get_by_role("link", name="Ungdomsrådet"))
    main = arrive(page).inner_text("main")
    assert "Wilma Björk" in main and "Elevkåren vid Hagbyskolan" in main
    assert "wilma.bjork@example.se" not in page.content()
