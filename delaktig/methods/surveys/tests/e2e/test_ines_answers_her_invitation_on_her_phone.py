"""Ines, a member of the citizen panel drawn in a sample, is invited to a survey. She opens her personal link on a
375-pixel phone, answers the first page with the keyboard, makes a mistake and corrects it, saves halfway, continues
on her computer from the saved link, checks her answers and sends them. Then Olle, an officer, sees the result charts
and downloads the results as XLSX. Every page passes axe, and no page is wider than the phone.
"""

import datetime
import io
import re

import pytest
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook

from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import MunicipalityFactory
from delaktig.panel.models import PanelMember
from delaktig.panel.services import sample_draw
from delaktig.panel.tests.factories import PanelMemberFactory
from delaktig.participation.tests.population_support import population_set
from tests.e2e.support import arrive, by_id, click_through, logged_in, person, sv, tab_to

from ...models import Invitation, Response
from ...services_invitations import invitations_from_sample
from ..conftest import url
from ..factories import questions_by_text, survey_for, surveys_module

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 375, "height": 740}


@pytest.fixture
def survey():
    hagby = MunicipalityFactory(name="Hagby kommun", slug="hagby")
    module = surveys_module(municipality=hagby)
    module.name = "Enkät om parken"
    module.save()
    return survey_for(module, access="invitation")


def fits_the_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), page.url


def invited_from_the_panel(survey):
    """Ines in the panel, a sample of one drawn, the sample invited: her link comes in her e-mail."""
    municipality = survey.municipality
    population_set(municipality, {("30_44", "woman"): 900, ("30_44", "man"): 900})
    PanelMemberFactory(
        municipality=municipality,
        name="Ines",
        email="ines@example.se",
        age_band="30_44",
        last_active_on=datetime.date(2026, 1, 5),
    )
    sample = sample_draw(municipality=municipality, size=1, by_area=False, seed=1, actor=None, purpose="Parken")
    invitations_from_sample(survey=survey, sample=sample, actor=None)
    body = mail.outbox[-1].body
    assert "medborgarpanel" in body and "utan att logga in" in body  # her own link to leave the panel
    return re.search(r"https?://[^/\s]+(/\S+/inbjudan/\S+/)", body).group(1)


def test_ines_answers_on_her_phone_saves_halfway_and_sends_from_her_computer(page, second_page, survey):
    link = invited_from_the_panel(survey)
    by_text, _structure = questions_by_text(survey)
    page.set_viewport_size(PHONE)

    page.goto(link)
    arrive(page)
    fits_the_phone(page)
    click_through(page, page.get_by_role("link", name=sv("Start the survey")))
    fits_the_phone(page)
    answer_the_first_page_with_the_keyboard(page, by_text)

    saved_link = answer_half_of_the_second_page_and_save(page, by_text)

    computer = second_page
    computer.goto(saved_link)
    arrive(computer)
    assert sv("Welcome back. Your answers so far are filled in.") in computer.locator("main").inner_text()
    assert computer.input_value(f"#id_q{by_text['Vad heter din favoritplats?'].pk}") == "Dammen"
    finish_and_send(computer, by_text)

    response = Response.objects.get()
    assert response.reference in computer.locator(".panel-confirmation").inner_text()
    assert Invitation.objects.get().answered
    assert PanelMember.objects.get(email="ines@example.se").last_active_on == timezone.localdate()  # active today
    page.goto(link)
    arrive(page)
    assert sv("The link has been used") in page.locator("h1").inner_text()


def answer_the_first_page_with_the_keyboard(page, by_text):
    single = by_text["Hur tar du dig till parken?"].pk
    weekly = by_text["Besöker du parken varje vecka?"].pk
    tab_to(page, by_id(f"id_q{single}_0"))
    page.keyboard.press("ArrowDown")  # radio buttons: the arrow keys choose
    assert page.is_checked(f"#id_q{single}_1")
    click_through(page, page.get_by_role("button", name=sv("Continue"), exact=True))
    assert page.evaluate("document.activeElement.id") == "error-summary"  # "Besöker du …" is required
    assert page.is_checked(f"#id_q{single}_1")  # what she chose stays
    tab_to(page, by_id(f"id_q{weekly}_0"))
    page.keyboard.press("Space")
    tab_to(page, lambda info: info["text"] == sv("Continue"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    arrive(page)
    fits_the_phone(page)


def answer_half_of_the_second_page_and_save(page, by_text):
    page.check(f"#id_q{by_text['Hur nöjd är du med parken?'].pk}_3")
    page.fill(f"#id_q{by_text['Vad heter din favoritplats?'].pk}", "Dammen")
    click_through(page, page.get_by_role("button", name=sv("Save and continue later")))
    fits_the_phone(page)
    link = page.locator(".survey-link a").get_attribute("href")
    return re.sub(r"^https?://[^/]+", "", link)


def finish_and_send(page, by_text):
    matrix = by_text["Hur nöjd är du med det här?"].pk
    page.check(f"#id_q{matrix}_belysning_1")
    page.check(f"#id_q{matrix}_banker_4")
    ranking = by_text["Vad ska göras först?"].pk
    for key, place in (("lek", "2"), ("toa", "1"), ("ljus", "3")):
        page.select_option(f"#id_q{ranking}_{key}", place)
    page.fill(f"#id_q{by_text['Hur många gånger i månaden?'].pk}", "8")
    click_through(page, page.get_by_role("button", name=sv("Continue"), exact=True))
    page.select_option("#id_age_band", "30_44")
    click_through(page, page.get_by_role("button", name=sv("Continue"), exact=True))
    main = page.locator("main").inner_text()
    assert sv("Check your answers") in main and "Dammen" in main and "30–44" in main
    click_through(page, page.get_by_role("button", name=sv("Send my answers")))
    assert sv("We have received your answers") in page.locator("h1").inner_text()


def test_olle_sees_the_result_charts_and_downloads_the_xlsx(page, survey):
    from ...services import response_submit
    from ..factories import full_answers

    for _ in range(3):
        response_submit(survey=survey, answers=full_answers(survey))
    module = survey.module
    officer = person(module.dialogue.municipality, Role.OFFICER, name="Olle Officer", email="olle@hagby.se")
    page.set_viewport_size(PHONE)
    logged_in(page, officer)
    page.goto(url("staff:results", module))
    arrive(page)
    fits_the_phone(page)
    assert page.locator("svg.survey-chart").count() >= 4
    assert page.locator("svg.survey-chart").first.is_visible()
    with page.expect_download() as info:
        page.get_by_role("link", name=sv("Results and free-text answers (xlsx)")).click()
    workbook = load_workbook(io.BytesIO(open(info.value.path(), "rb").read()))  # noqa: SIM115
    assert "Hur tar du dig till parken?" in str(list(workbook.active.values))
    for path in (
        url("staff:index", module),
        url("staff:invitations", module),
        url("staff:paper", module),
        url("staff:texts", module),
        url("staff:groups", module),
        url("staff:settings", module),
        url("staff:section_add", module),
        url("staff:question_edit", module, survey.questions.first().pk),
        url("staff:question_add", module, survey.sections.first().pk) + "?kind=matrix",
        url("staff:copy", module),
    ):
        response = page.goto(path)
        assert response.status == 200, path
        arrive(page)
        fits_the_phone(page)
