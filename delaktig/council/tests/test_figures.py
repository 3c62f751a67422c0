"""Question time in figures (the yearly report and the council's overview) and the archive as open data."""

import datetime

import pytest
from django.urls import reverse

from delaktig.council.models import Status
from delaktig.council.report import figures
from delaktig.opendata.selectors import datasets
from delaktig.organisations.models import Role
from delaktig.reports.selectors import contributed_sections

from .factories import MeetingFactory, QuestionFactory, local

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_of_questions(municipality):
    meeting = MeetingFactory(municipality=municipality, starts_at=local(2026, 3, 16, 18, 0))
    answered = {"status": Status.ANSWERED, "answer": "Ja, i vår.", "answered_by": "Anna Andersson (S)"}
    QuestionFactory(
        meeting=meeting, submitted_at=local(2026, 3, 1, 9, 0), answered_on=datetime.date(2026, 3, 16), **answered
    )
    QuestionFactory(
        meeting=meeting, submitted_at=local(2026, 3, 4, 9, 0), answered_on=datetime.date(2026, 3, 16), **answered
    )
    QuestionFactory(meeting=meeting, submitted_at=local(2026, 3, 5, 9, 0), status=Status.APPROVED)
    QuestionFactory(meeting=meeting, submitted_at=local(2026, 3, 5, 9, 0), status=Status.REFUSED)
    QuestionFactory(meeting=meeting, submitted_at=local(2026, 3, 5, 9, 0), status=Status.WITHDRAWN)
    QuestionFactory(meeting=meeting, submitted_at=local(2026, 3, 5, 9, 0), status=Status.MEETING_CANCELLED)
    QuestionFactory(meeting=meeting, submitted_at=local(2025, 12, 31, 23, 30), status=Status.SUBMITTED)  # 2025
    return meeting


def test_figures_per_body_and_year(municipality, year_of_questions):
    (row,) = figures(municipality, 2026)
    assert row == ("Kommunfullmäktige", 6, 3, 1, 1, 1, 2, 13.5, 13.5)  # 15 and 12 days to answer
    assert figures(municipality, 2025)[0][1] == 1  # 23.30 on New Year's Eve is 2025 in Stockholm


def test_the_yearly_report_has_a_question_time_section(municipality, year_of_questions):
    section = next(s for s in contributed_sections(municipality, 2026) if s.key == "question_time")
    assert section.tables[0].rows[0][:2] == ("Kommunfullmäktige", 6)


def test_the_council_overview_shows_the_figures(client, municipality, staff, year_of_questions):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    page = client.get(reverse("dialogues:council_overview", args=[municipality.slug, 2026])).content.decode()
    assert "Allmänhetens frågestund 2026" in page and "13,5" in page


def test_the_archive_is_open_data_without_the_askers(client, municipality, year_of_questions):
    dataset = next(d for d in datasets() if d.key == "question-time")
    body = client.get(f"/{municipality.slug}/api/v1/question-time/").json()
    rows = body["results"]
    assert len(rows) == 2 and all(list(row) == [field.name for field in dataset.fields] for row in rows)
    assert rows[0]["answer"] == "Ja, i vår." and "Rut Resident" not in str(body)
    filtered = client.get(f"/{municipality.slug}/api/v1/question-time/?year=2025").json()
    assert filtered["results"] == []
