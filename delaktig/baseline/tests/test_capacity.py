"""Capacity per department and body: planned against held, the gap marked, in the council's overview and the
yearly report."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from delaktig.baseline import selectors
from delaktig.baseline.report import capacity_section
from delaktig.dialogues.models import Kind, State
from delaktig.dialogues.tests.factories import DialogueFactory
from delaktig.organisations.models import Role
from delaktig.reports.selectors import contributed_sections

from .factories import ActivityFactory, CapacityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def culture(municipality):
    return municipality.departments.get(name="Kultur- och fritidsförvaltningen")


def held_dialogue(municipality, department, *, kind=Kind.CITIZEN_DIALOGUE, year=2026):
    opened = timezone.make_aware(datetime.datetime(year, 3, 1, 10, 0))
    return DialogueFactory(
        municipality=municipality,
        department=department,
        kind=kind,
        state=State.CLOSED,
        opened_at=opened,
        starts_on=opened.date(),
        ladder_level="consultation",
    )


@pytest.fixture
def year_of_capacity(municipality, culture):
    CapacityFactory(municipality=municipality, department=culture, planned=4, staff_hours=200)
    CapacityFactory(municipality=municipality, body=municipality.bodies.get(short_name="KS"), planned=1, staff_hours=40)
    dialogue = held_dialogue(municipality, culture)
    held_dialogue(municipality, culture, kind=Kind.INFORMATION)  # not a dialogue
    ActivityFactory(municipality=municipality, department=culture, year=2026, ladder_level="dialogue")
    ActivityFactory(municipality=municipality, department=culture, year=2026, ladder_level="information")
    ActivityFactory(municipality=municipality, department=culture, year=2026, dialogue=dialogue)  # counted once


def test_planned_against_held_with_the_gap(municipality, year_of_capacity):
    rows = {row.name: row for row in selectors.capacity_rows(municipality, 2026)}
    culture = rows["Kultur- och fritidsförvaltningen"]
    assert (culture.planned, culture.held, culture.staff_hours, culture.gap) == (4, 2, 200, 2)
    board = rows["Kommunstyrelsen"]
    assert (board.planned, board.held, board.gap) == (1, 0, 1)


def test_no_gap_when_more_are_held_than_planned(municipality, culture):
    CapacityFactory(municipality=municipality, department=culture, planned=0)
    held_dialogue(municipality, culture)
    (row,) = selectors.capacity_rows(municipality, 2026)
    assert row.held == 1 and row.gap == 0


def test_the_yearly_report_has_the_section_with_the_gap_marked(municipality, year_of_capacity):
    section = next(s for s in contributed_sections(municipality, 2026) if s.key == "baseline")
    capacity = section.tables[0]
    assert ("Kultur- och fritidsförvaltningen", 4, 2, 200, "2 färre än planerat") in capacity.rows
    assert section.charts and section.charts[0].table is section.tables[1]


def test_the_council_overview_shows_planned_against_held(client, municipality, staff, year_of_capacity):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    page = client.get(reverse("dialogues:council_overview", args=[municipality.slug, 2026])).content.decode()
    assert "Planerat mot genomfört 2026" in page and "2 färre än planerat" in page


def test_the_section_without_figures_is_still_readable(municipality):
    section = capacity_section(municipality, 2026)
    assert section.tables[0].rows == () and section.charts == ()
