"""Hanna, an officer, registers a coming matter, first with mistakes, answers early whether a citizen dialogue is
planned and copies the paragraph for her officer's report; a resident then reads the coming decisions with dialogue.
Axe on every page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from delaktig.matters.models import Matter, Planned
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import MunicipalityFactory
from tests.e2e.support import arrive, click_through, logged_in, person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def hagby():
    return MunicipalityFactory(name="Hagby kommun", slug="hagby")


def test_hanna_registers_a_matter_and_gets_the_paragraph(page, live_server, hagby):
    hanna = person(hagby, Role.OFFICER, name="Hanna Handläggare", email="hanna@hagby.example")
    logged_in(page, hanna)
    page.goto(live_server.url + reverse("matters:staff_list", args=["hagby"]))
    arrive(page)
    assert "Inga ärenden är registrerade än" in page.content()
    click_through(page, page.get_by_role("link", name="Registrera ett ärende"))
    page.fill("#id_case_number", "KS 2027/15")
    page.fill("#id_title", "Ny renhållningstaxa")
    page.fill("#id_expected_decision_on", "2020-01-01")
    click_through(page, page.get_by_role("button", name="Registrera ärendet"))
    assert page.title().startswith("Fel:") and page.input_value("#id_title") == "Ny renhållningstaxa"
    assert "Välj det organ som beslutar" in page.content() and "Datumet har passerat" in page.content()
    page.select_option("#id_body", label=hagby.get_deciding_body().name)
    day = timezone.localdate() + datetime.timedelta(days=40)
    page.fill("#id_expected_decision_on", day.isoformat())
    click_through(page, page.get_by_role("button", name="Registrera ärendet"))
    assert "Ärendet KS 2027/15 är registrerat" in page.content()
    page.get_by_label("Ingen dialog", exact=True).check()
    click_through(page, page.get_by_role("button", name="Spara svaret"))
    assert page.title().startswith("Fel:") and "Skriv varför en dialog planeras eller varför inte" in page.content()
    page.get_by_label("Ja, en dialog planeras").check()
    page.fill("#id_reason", "Taxan påverkar alla hushåll, och det finns två modeller att välja mellan.")
    click_through(page, page.get_by_role("button", name="Spara svaret"))
    text = page.input_value("#paragraph-text")
    assert text.startswith("Medborgardialog") and "En medborgardialog planeras inför beslutet i ärendet." in text
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ner som Word (DOCX)").click()
    assert download.value.suggested_filename == "medborgardialog-KS-2027-15.docx"
    matter = Matter.objects.get()
    assert matter.planned == Planned.YES and matter.answered_by == hanna

    page.context.clear_cookies()
    page.goto(live_server.url + reverse("matters:coming", args=["hagby"]))
    arrive(page)
    assert "Ny renhållningstaxa" in page.content() and "Dialogen har inte öppnat än" in page.content()
