"""The council's yearly overview (the Karlstad picture) and flat query counts of the workspace lists."""

import csv
import datetime
import io

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from delaktig.dialogues import selectors
from delaktig.dialogues.models import Kind, State
from delaktig.dialogues.overview_tables import overview_tables
from delaktig.dialogues.tests.factories import decision_change, dialogue_in_state
from delaktig.dialogues.tests.staff_support import add_module, staff_url
from delaktig.organisations.models import Body, Role
from delaktig.organisations.tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db
YEAR = 2026


@pytest.fixture(autouse=True)
def midsummer():
    with time_machine.travel(datetime.datetime(YEAR, 6, 15, 12, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def bodies(municipality):
    return {body.kind: body for body in municipality.bodies.all()}


@pytest.fixture
def year_of_activities(municipality, other_municipality, bodies):
    """Activities of every kind in YEAR, plus some that must be left out of it."""
    council, board, committee = (
        bodies[Body.Kind.COUNCIL],
        bodies[Body.Kind.EXECUTIVE_BOARD],
        bodies[Body.Kind.COMMITTEE],
    )
    service = DepartmentFactory(municipality=municipality, name="Skolförvaltningen", body=board)
    made = {
        "held": dialogue_in_state(State.OPEN, municipality=municipality, proposed_by=council, title="Parken"),
        "planned": dialogue_in_state(
            State.PLANNED, municipality=municipality, proposed_by=committee, title="Biblioteket"
        ),
        "user": dialogue_in_state(
            State.EVALUATED, municipality=municipality, kind=Kind.USER_DIALOGUE, department=service, title="Skolmaten"
        ),
        "info": dialogue_in_state(
            State.OPEN, municipality=municipality, kind=Kind.INFORMATION, proposed_by=council, title="Nya taxor"
        ),
        "idea": dialogue_in_state(State.INITIATIVE, municipality=municipality, proposed_by=committee, title="Idén"),
        "cancelled": dialogue_in_state(
            State.CANCELLED, municipality=municipality, proposed_by=council, title="Stoppad"
        ),
        "last_year": dialogue_in_state(
            State.EVALUATED, municipality=municipality, proposed_by=council, title="Förra året"
        ),
        "elsewhere": dialogue_in_state(State.OPEN, municipality=other_municipality, title="Grannkommunen"),
    }
    decision_change(made["cancelled"], "decision_to_hold", date=datetime.date(YEAR, 2, 1))  # then cancelled
    made["planned"].ladder_level = "consultation"
    made["user"].ladder_level = "influence"
    made["user"].opened_at = timezone.now() - datetime.timedelta(days=40)
    last = made["last_year"]
    last.starts_on = datetime.date(YEAR - 1, 3, 1)
    decision_change(last, "decision_to_hold", date=datetime.date(YEAR - 1, 1, 10))
    last.opened_at = timezone.now() - datetime.timedelta(days=400)
    for dialogue in made.values():
        dialogue.save()
    return made


def test_the_ladder_table_places_every_activity_of_the_year(municipality, bodies, year_of_activities):
    made = year_of_activities
    data = selectors.council_overview(municipality=municipality, year=YEAR)
    tables = overview_tables(municipality, data)

    assert {d.title for d in data["rows"]} == {"Parken", "Biblioteket", "Skolmaten", "Nya taxor", "Idén"}
    levels = [level.key for level in tables["levels"]] + [""]
    placed = {
        dialogue.title: (body, levels[i])
        for body, cells in tables["ladder_rows"]
        for i, cell in enumerate(cells)
        for dialogue in cell
    }
    assert placed == {
        "Parken": ("Kommunfullmäktige", "dialogue"),
        "Nya taxor": ("Kommunfullmäktige", "information"),
        "Biblioteket": ("Kultur- och fritidsnämnden", "consultation"),
        "Idén": ("Kultur- och fritidsnämnden", ""),
        "Skolmaten": ("Kommunstyrelsen", "influence"),
    }
    assert made["user"].title in {d.title for d in data["rows"]}


def test_counts_never_count_information_as_dialogues(municipality, bodies, year_of_activities):
    data = selectors.council_overview(municipality=municipality, year=YEAR)
    tables = overview_tables(municipality, data)

    by_kind = {label: (count, counted) for label, count, counted in tables["by_kind"]}
    assert [count for count, _counted in by_kind.values()] == [3, 1, 1]
    assert [counted for _count, counted in by_kind.values()] == [True, True, False]

    rows, total = tables["by_body"]
    assert {label: (n, info) for label, n, info in rows} == {
        "Kommunfullmäktige": (1, 1),
        "Kommunstyrelsen": (1, 0),
        "Kultur- och fritidsnämnden": (2, 0),
    }
    assert total[1:] == (4, 1)

    level_rows, level_total = tables["by_level"]
    by_level = {label: (n, info) for label, n, info in level_rows}
    assert list(by_level.values()) == [(0, 1), (1, 0), (1, 0), (1, 0), (1, 0)]
    assert level_total[1:] == (4, 1)


def test_planned_versus_held_per_body(municipality, bodies, year_of_activities):
    data = selectors.council_overview(municipality=municipality, year=YEAR)
    tables = overview_tables(municipality, data)
    planned_held = {label: (planned, held) for label, planned, held in tables["planned_held"]}
    assert planned_held == {
        "Kommunfullmäktige": (2, 1),  # Parken (held) and the cancelled one were decided this year
        "Kommunstyrelsen": (1, 1),  # the user dialogue started and opened this year
        "Kultur- och fritidsnämnden": (1, 0),  # decided, not opened yet
    }
    assert (tables["planned_total"], tables["held_total"]) == (4, 2)
    last_year = overview_tables(municipality, selectors.council_overview(municipality=municipality, year=YEAR - 1))
    assert {label: (p, h) for label, p, h in last_year["planned_held"]} == {"Kommunfullmäktige": (1, 1)}


def test_overview_page_and_csv(client, municipality, staff, year_of_activities):
    client.force_login(staff[Role.ELECTED_OFFICIAL])
    page = client.get(staff_url("council_overview", None, YEAR, municipality=municipality)).content.decode()
    assert "Parken" in page and "Nya taxor" in page and "Grannkommunen" not in page and "Stoppad" not in page
    assert staff_url("council_overview", None, YEAR - 1, municipality=municipality) in page
    assert staff_url("council_overview_csv", None, YEAR, municipality=municipality) in page
    assert "Parken" in client.get(staff_url("council_overview_current", municipality=municipality)).content.decode()

    response = client.get(staff_url("council_overview_csv", None, YEAR, municipality=municipality))
    assert response["Content-Disposition"] == f'attachment; filename="overview-{YEAR}.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {row["Rubrik"] for row in rows} == {"Parken", "Biblioteket", "Skolmaten", "Nya taxor", "Idén"}
    info = next(row for row in rows if row["Rubrik"] == "Nya taxor")
    counted = info["Räknas som medborgardialog"]
    assert (counted, info["Typ"], info["Politiskt organ"]) == ("Nej", "Informationsinsats", "Kommunfullmäktige")
    held = next(row for row in rows if row["Rubrik"] == "Parken")
    assert held["Räknas som medborgardialog"] == "Ja" and held["Öppnad"].startswith(str(YEAR))
    assert not any("_" in heading for heading in rows[0])  # headers people read, not keys


def test_overview_lists_overdue_feedback_in_words_and_colour(client, municipality, staff):
    late = dialogue_in_state(State.CLOSED, municipality=municipality, title="Sen återkoppling")
    late.closed_at = timezone.now() - datetime.timedelta(days=municipality.feedback_deadline_days + 2)
    late.set_feedback_due(late.closed_at)
    late.save()
    client.force_login(staff[Role.REGISTRAR])
    page = client.get(staff_url("council_overview_current", municipality=municipality)).content.decode()
    section = page.split('id="overdue-title"')[1].split("</section>")[0]
    assert "Sen återkoppling" in section and 'class="overdue-text"' in section


# --- Query counts stay flat -------------------------------------------------------------------

FLAT_PAGES = [
    ("staff_dashboard", ()),
    ("staff_list", ()),
    ("council_overview", (YEAR,)),
    ("council_overview_csv", (YEAR,)),
]


def _varied_dialogues(municipality, officer, count, start):
    """Dialogues spread over bodies, departments, kinds, states and officers, like a real year."""
    bodies = list(municipality.bodies.all())
    department = DepartmentFactory(municipality=municipality, body=bodies[0])
    states = [State.INITIATIVE, State.PLANNED, State.OPEN, State.CLOSED, State.EVALUATED]
    for n in range(start, start + count):
        kind = Kind.values[n % 3]
        dialogue = dialogue_in_state(
            states[n % len(states)],
            municipality=municipality,
            kind=kind,
            proposed_by=bodies[n % len(bodies)] if n % 4 else None,
            department=department if n % 2 else None,
            responsible_officer=officer if n % 3 == 0 else None,
        )
        if dialogue.state == State.OPEN and kind != Kind.INFORMATION:
            add_module(dialogue)
        if n % 5 == 0:  # overdue
            dialogue.state = State.CLOSED
            dialogue.kind = Kind.CITIZEN_DIALOGUE
            dialogue.closed_at = timezone.now() - datetime.timedelta(days=200)
            dialogue.set_feedback_due(dialogue.closed_at)
            dialogue.save()


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(("name", "args"), FLAT_PAGES)
def test_query_count_does_not_grow_with_the_number_of_dialogues(client, municipality, staff, name, args):
    officer = staff[Role.OFFICER]
    client.force_login(officer)
    url = staff_url(name, None, *args, municipality=municipality)
    _varied_dialogues(municipality, officer, 3, start=0)
    client.get(url)  # warm up the session and content types
    few = _queries(client, url)
    _varied_dialogues(municipality, officer, 27, start=3)
    many = _queries(client, url)
    assert few == many, f"{name}: {few} queries for 3 dialogues, {many} for 30"


def test_query_count_of_the_list_with_search_and_filters(client, municipality, staff):
    officer = staff[Role.OFFICER]
    client.force_login(officer)
    url = staff_url("staff_list", municipality=municipality) + f"?q=parken&kind=citizen_dialogue&year={YEAR}&sort=-body"
    _varied_dialogues(municipality, officer, 3, start=0)
    client.get(url)
    few = _queries(client, url)
    _varied_dialogues(municipality, officer, 27, start=3)
    assert _queries(client, url) == few
