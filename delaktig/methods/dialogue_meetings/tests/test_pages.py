"""The pages render for the people who use them, with the figures and texts they expect."""

import pytest
from django.contrib.auth.models import AnonymousUser

from delaktig.dialogues.models import State
from delaktig.organisations.models import Role
from delaktig.participation.rules import allowed

from ..services import meeting_register
from ..views.register import registration_decision
from .conftest import url
from .factories import MeetingFactory, StatementFactory, meetings_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(module):
    coming = MeetingFactory(module=module, title="Dialogmöte i Ekshärad", online_url="https://möte.example/abc")
    held = MeetingFactory(module=module, title="Dialogmöte i Sunnemo", past=True, summary="Bra samtal.")
    StatementFactory(module=module, meeting=held, text="En varmvattenbassäng.")
    return coming, held


def test_the_public_pages_show_coming_and_held_meetings(client, module, series):
    coming, held = series
    index = client.get(url("index", module)).content.decode()
    assert "Dialogmöte i Ekshärad" in index and "Dialogmöte i Sunnemo" in index and "1 inlägg inskrivet" in index
    page = client.get(coming.get_absolute_url()).content.decode()
    assert "Anmäl dig till mötet" in page and "Tillgängligt utan trappsteg" in page and "20 platser kvar" in page
    assert "https://möte.example/abc" not in page  # only people registered get the link
    held_page = client.get(held.get_absolute_url()).content.decode()
    assert "Bra samtal." in held_page and "En varmvattenbassäng." in held_page and "Anmäl dig" not in held_page


def test_the_dialogue_page_shows_the_next_meetings(client, module, series):
    page = client.get(module.dialogue.get_absolute_url()).content.decode()
    assert "Dialogmöte i Ekshärad" in page and "Se mötena och anmäl dig" in page


def test_the_online_link_is_on_the_registration_page(client, series):
    coming, _held = series
    registration = meeting_register(meeting=coming, name="Anna", email="anna@example.se")
    page = client.get(registration.get_absolute_url()).content.decode()
    assert "https://möte.example/abc" in page and "19 platser kvar" in page


def test_the_staff_pages_render_with_figures(client, module, series, staff):
    coming, held = series
    meeting_register(meeting=coming, name="Anna", email="anna@example.se")
    client.force_login(staff["officer"])
    index = client.get(url("staff:index", module)).content.decode()
    assert "Lägg till ett möte" in index and "Dialogmöte i Sunnemo" in index
    for name, args in (
        ("meeting_add", ()),
        ("meeting", (coming.pk,)),
        ("meeting_edit", (coming.pk,)),
        ("meeting_move", (coming.pk,)),
        ("meeting_cancel", (coming.pk,)),
        ("record", (held.pk,)),
    ):
        assert client.get(url(f"staff:{name}", module, *args)).status_code == 200, name
    export = client.get(url("staff:export", module))
    assert export.status_code == 200 and "En varmvattenbassäng." in export.content.decode("utf-8-sig")
    attendance = client.get(url("staff:attendance_csv", module, coming.pk)).content.decode("utf-8-sig")
    assert "anna@example.se" in attendance


def test_a_dialogue_not_yet_public_is_a_404_for_residents(client, municipality):
    module = meetings_module(municipality=municipality, state=State.DECIDED)
    meeting = MeetingFactory(module=module)
    assert client.get(url("index", module)).status_code == 404
    assert client.get(url("calendar", module, meeting.pk)).status_code == 404


@pytest.mark.parametrize(
    "phase, state, expected",
    [
        ("registration", State.OPEN, True),
        ("view", State.OPEN, False),
        (None, State.OPEN, False),
        ("registration", State.CLOSED, False),
    ],
)
def test_who_may_register_by_phase_and_state(municipality, resident, phase, state, expected):
    module = meetings_module(municipality=municipality, state=state, phase=phase)
    assert bool(registration_decision(AnonymousUser(), module)) is expected
    assert bool(registration_decision(resident, module)) is expected


@pytest.mark.parametrize(
    "role, may",
    [
        (Role.OFFICER, True),
        (Role.DEMOCRACY_OFFICER, True),
        (Role.ELECTED_OFFICIAL, False),
        (Role.MODERATOR, False),
        (Role.REGISTRAR, False),
        (Role.ADMINISTRATOR, False),
    ],
)
def test_staff_actions_by_role(module, staff, role, may):
    assert bool(allowed(staff[role], "manage", module)) is may
    assert bool(allowed(staff[role], "record", module)) is may
