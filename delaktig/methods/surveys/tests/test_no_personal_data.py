"""No page, export or open data shows who answered: names, addresses and accounts of respondents and invitees stay
out of every public page, the open data, and the staff's downloads of results and responses."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from delaktig.accounts.tests.factories import UserFactory
from delaktig.opendata.tests.support import csv_url, results_of

from ..services import response_submit
from ..services_builder import results_publish
from ..services_invitations import invitations_create
from .conftest import url
from .factories import full_answers, survey_for

pytestmark = pytest.mark.django_db
NAME, EMAIL = "Xenia Quarrelsome", "xenia.quarrelsome@resident.example"
INVITED = "ingvar.invitedsson@resident.example"


@pytest.fixture
def answered(module, staff, commits):
    survey = survey_for(module, actor=staff["officer"], access="logged_in")
    xenia = UserFactory(name=NAME, email=EMAIL)
    with commits():
        response_submit(survey=survey, answers=full_answers(survey), user=xenia, receipt_to=EMAIL)
        made = invitations_create(survey=survey, recipients=[(INVITED, "Unga")], actor=staff["officer"])
    invitation = survey.invitations.get()
    response_submit(survey=survey, answers=full_answers(survey), invitation_id=invitation.pk)
    results_publish(survey=survey, actor=staff["officer"], published=True)
    assert made.created == 1
    return survey


def _text(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", errors="replace")


def test_public_pages_and_open_data_show_no_respondent(client, module, answered, municipality):
    pages = [
        module.dialogue.get_absolute_url(),
        url("index", module),
        url("results", module),
        reverse("opendata:dataset_list", args=[municipality.slug, "surveys"]),
        reverse("opendata:dataset_list", args=[municipality.slug, "survey-results"]),
        csv_url(municipality, "survey-results"),
    ]
    for page in pages:
        text = _text(client.get(page))
        assert NAME not in text and EMAIL not in text and INVITED not in text, page
    assert results_of(client, municipality, "survey-results")


def test_staff_downloads_hold_answers_but_nobody_who_gave_them(client, staff, module, answered):
    client.force_login(staff["officer"])
    for name in ("staff:export_csv", "staff:responses_csv", "staff:results", "staff:texts", "staff:groups"):
        text = _text(client.get(url(name, module)))
        assert NAME not in text and EMAIL not in text and INVITED not in text, name
    workbook = load_workbook(io.BytesIO(client.get(url("staff:export_xlsx", module)).content))
    cells = " ".join(str(value) for sheet in workbook for row in sheet.iter_rows(values_only=True) for value in row)
    assert NAME not in cells and EMAIL not in cells and INVITED not in cells and "Dammen" in cells


def test_the_invitation_page_shows_groups_and_rates_never_which_answer(client, staff, module, answered):
    client.force_login(staff["officer"])
    page = _text(client.get(url("staff:invitations", module)))
    assert "Unga" in page and "100,0\u00a0%" in page and "EN-" not in page
