"""The baseline counts: every activity once, whether from the platform or the register, on the ladder, per
department and per body, year against year."""

import datetime

import pytest

from delaktig.baseline import selectors
from delaktig.dialogues.models import Kind, State
from delaktig.dialogues.tests.factories import DialogueFactory
from delaktig.organisations.tests.factories import BodyFactory, DepartmentFactory

from .factories import ActivityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def culture(municipality):
    return municipality.departments.get(name="Kultur- och fritidsförvaltningen")


def platform_dialogue(municipality, department, *, level="consultation", year=2026, state=State.OPEN, **extra):
    return DialogueFactory(
        municipality=municipality,
        department=department,
        ladder_level=level,
        state=state,
        starts_on=datetime.date(year, 4, 1),
        **extra,
    )


def test_a_registered_activity_linked_to_a_platform_dialogue_is_counted_once(municipality, culture):
    dialogue = platform_dialogue(municipality, culture, title="Parken i centrum")
    ActivityFactory(municipality=municipality, department=culture, year=2026, name="Parken", dialogue=dialogue)
    ActivityFactory(municipality=municipality, department=culture, year=2026, name="Ungdomsrådet")
    entries = selectors.baseline_entries(municipality, (2026,))
    assert sorted((e.source, e.name) for e in entries) == [
        ("platform", "Parken i centrum"),
        ("register", "Ungdomsrådet"),
    ]


def test_cancelled_dialogues_are_not_counted_and_their_linked_activity_neither(municipality, culture):
    dialogue = platform_dialogue(municipality, culture, state=State.CANCELLED)
    ActivityFactory(municipality=municipality, department=culture, year=2026, dialogue=dialogue)
    assert selectors.baseline_entries(municipality, (2026,)) == []


def test_shares_on_the_ladder_year_against_year(municipality, culture):
    for level in ("information", "dialogue", "dialogue", "co_decision"):
        ActivityFactory(municipality=municipality, department=culture, year=2026, ladder_level=level)
    ActivityFactory(municipality=municipality, department=culture, year=2025, ladder_level="information")
    platform_dialogue(municipality, culture, level="dialogue", year=2025)
    found = selectors.baseline(municipality, 2026)
    assert found["years"] == ("2025", "2026") and found["totals"] == (2, 4)
    rows = {row.key: row for row in found["ladder"]}
    assert rows["information"].counts == (1, 1) and rows["information"].shares == (50.0, 25.0)
    assert rows["dialogue"].counts == (1, 2) and rows["dialogue"].shares == (50.0, 50.0)
    assert rows["consultation"].counts == (0, 0) and rows["co_decision"].shares == (0.0, 25.0)
    assert [row.key for row in found["ladder"]] == [
        "information",
        "consultation",
        "dialogue",
        "influence",
        "co_decision",
    ]


def test_a_dialogue_without_a_level_is_shown_as_not_stated(municipality, culture):
    platform_dialogue(municipality, culture, level="")
    found = selectors.baseline(municipality, 2026)
    assert found["ladder"][-1].key == "" and found["ladder"][-1].counts == (0, 1)


def test_per_department_and_per_body(municipality, culture):
    social = DepartmentFactory(municipality=municipality, name="Socialförvaltningen")
    board = BodyFactory(municipality=municipality, name="Socialnämnden")
    social.body = board
    social.save()
    ActivityFactory(municipality=municipality, department=social, year=2026, ladder_level="consultation")
    ActivityFactory(municipality=municipality, department=social, year=2026, ladder_level="influence")
    ks = municipality.bodies.get(short_name="KS")
    platform_dialogue(municipality, culture, level="dialogue", proposed_by=ks, kind=Kind.USER_DIALOGUE)
    found = selectors.baseline(municipality, 2026)
    by_department = {row.name: (row.counts, row.total) for row in found["by_department"]}
    assert by_department["Socialförvaltningen"] == ((0, 1, 0, 1, 0), 2)
    assert by_department["Kultur- och fritidsförvaltningen"] == ((0, 0, 1, 0, 0), 1)
    by_body = {row.name: row.total for row in found["by_body"]}
    assert by_body == {"Socialnämnden": 2, "Kommunstyrelsen": 1}


def test_another_municipalitys_activities_are_not_counted(municipality, other_municipality, culture):
    ActivityFactory(municipality=other_municipality, year=2026)
    assert selectors.baseline(municipality, 2026)["totals"] == (0, 0)
