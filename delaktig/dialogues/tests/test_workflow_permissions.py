"""Who may open each page of the staff workspace: role × page × municipality.

Roles that may use a step page are the roles of the lifecycle steps it leads to (workflow.TRANSITIONS).
People with no role in the municipality, and staff of another municipality, get a 404 and learn nothing.
"""

import pytest
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.urls import resolve

from delaktig.accounts.tests.factories import UserFactory
from delaktig.dialogues import workflow
from delaktig.dialogues.models import Dialogue, Kind, State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.dialogues.tests.staff_support import add_module, method_registered, staff_url
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import MembershipFactory
from delaktig.results.models import CompiledResults

pytestmark = pytest.mark.django_db

ANY = frozenset(Role.values)
CREATORS = frozenset({Role.OFFICER, Role.DEMOCRACY_OFFICER, Role.ELECTED_OFFICIAL})
MODERATORS = frozenset({Role.MODERATOR, Role.DEMOCRACY_OFFICER, Role.OFFICER})


@pytest.fixture
def test_method():
    with method_registered() as manifest:
        yield manifest


def roles(*names):
    return frozenset().union(*(s.actors for s in workflow.TRANSITIONS.values() if s.name in names))


# page -> (state of the dialogue, kind, roles that may use it)
DIALOGUE_PAGES = {
    "staff_detail": (State.INITIATIVE, Kind.CITIZEN_DIALOGUE, ANY),
    "staff_audit": (State.OPEN, Kind.CITIZEN_DIALOGUE, ANY),
    "staff_edit": (State.INITIATIVE, Kind.CITIZEN_DIALOGUE, CREATORS),
    "staff_checklist": (State.INITIATIVE, Kind.CITIZEN_DIALOGUE, roles("assess")),
    "staff_decision": (State.ASSESSED, Kind.CITIZEN_DIALOGUE, roles("decide", "decline")),
    "staff_plan": (State.DECIDED, Kind.CITIZEN_DIALOGUE, roles("plan")),
    "staff_module_add": (State.PLANNED, Kind.CITIZEN_DIALOGUE, roles("open")),
    "staff_phase_add": (State.PLANNED, Kind.CITIZEN_DIALOGUE, roles("open")),
    "staff_results": (State.CLOSED, Kind.USER_DIALOGUE, roles("compile_results")),
    "staff_matter_decision": (State.RESULTS_COMPILED, Kind.CITIZEN_DIALOGUE, roles("record_matter_decision")),
    "staff_feedback": (State.MATTER_DECIDED, Kind.CITIZEN_DIALOGUE, roles("publish_feedback")),
    "staff_evaluation": (State.FEEDBACK_PUBLISHED, Kind.CITIZEN_DIALOGUE, roles("evaluate")),
    "staff_cancel": (State.PLANNED, Kind.INFORMATION, roles("cancel")),
    "staff_close": (State.OPEN, Kind.CITIZEN_DIALOGUE, roles("close")),
}
# page -> (extra url arguments, roles that may use it)
MUNICIPALITY_PAGES = {
    "staff_dashboard": ((), ANY),
    "staff_list": ((), ANY),
    "staff_create": ((), CREATORS),
    "council_overview_current": ((), ANY),
    "council_overview": ((2026,), ANY),
    "council_overview_csv": ((2026,), ANY),
    "staff_moderation": ((), MODERATORS),
}
WHO = [*sorted(Role.values), "resident", "anonymous", "staff_elsewhere"]


@pytest.fixture
def staff_elsewhere(other_municipality):
    """Someone with every role, but in another municipality."""
    user = UserFactory(name="Annan Kommun")
    council = other_municipality.get_deciding_body()
    for role in Role.values:
        MembershipFactory(
            user=user,
            municipality=other_municipality,
            role=role,
            body=council if role in (Role.ELECTED_OFFICIAL, Role.PRESIDIUM) else None,
        )
    return user


def login(client, who, staff, resident, staff_elsewhere):
    user = {"resident": resident, "staff_elsewhere": staff_elsewhere, "anonymous": None}.get(who) or staff.get(who)
    if user is not None:
        client.force_login(user)


def expected_status(who, allowed, ok=200):
    if who == "anonymous":
        return 302
    if who in ("resident", "staff_elsewhere"):
        return 404
    return ok if who in allowed else 403


def dialogue_page_url(name, municipality, state=None, kind=None):
    state_, kind_, _roles = DIALOGUE_PAGES[name]
    dialogue = dialogue_in_state(state or state_, municipality=municipality, kind=kind or kind_)
    if name == "staff_phase_add":
        return dialogue, staff_url(name, dialogue, add_module(dialogue).pk)
    return dialogue, staff_url(name, dialogue)


def view_of(url):
    return resolve(url.split("?")[0]).func


@pytest.mark.parametrize("name", sorted(DIALOGUE_PAGES))
def test_each_dialogue_page_asks_for_the_roles_of_its_steps(municipality, test_method, name):
    """In-process: the roles the view asks for (the gate itself is tested in organisations)."""
    _dialogue, url = dialogue_page_url(name, municipality)
    assert view_of(url).staff_roles == DIALOGUE_PAGES[name][2]


@pytest.mark.parametrize("name", sorted(MUNICIPALITY_PAGES))
def test_each_municipality_page_asks_for_its_roles(municipality, name):
    args, allowed = MUNICIPALITY_PAGES[name]
    assert view_of(staff_url(name, None, *args, municipality=municipality)).staff_roles == allowed


def sample(allowed):
    """Over HTTP, a thin sample: the first role that may, and the first that may not (if any)."""
    refused = sorted(ANY - allowed)
    return [sorted(allowed)[0], *refused[:1]]


@pytest.mark.parametrize("name", sorted(DIALOGUE_PAGES))
def test_dialogue_pages_over_http(client, municipality, staff, resident, staff_elsewhere, test_method, name):
    _dialogue, url = dialogue_page_url(name, municipality)
    for who in sample(DIALOGUE_PAGES[name][2]):
        login(client, who, staff, resident, staff_elsewhere)
        assert client.get(url).status_code == expected_status(who, DIALOGUE_PAGES[name][2]), who


@pytest.mark.parametrize("who", ["anonymous", "resident", "staff_elsewhere"])
@pytest.mark.parametrize("name", ["staff_detail", "staff_decision", "staff_feedback"])
def test_people_without_a_role_here_over_http(
    client, municipality, staff, resident, staff_elsewhere, test_method, name, who
):
    _dialogue, url = dialogue_page_url(name, municipality)
    login(client, who, staff, resident, staff_elsewhere)
    response = client.get(url)
    assert response.status_code == expected_status(who, DIALOGUE_PAGES[name][2])
    if who == "anonymous":
        assert response["Location"].startswith("/konto/") and REDIRECT_FIELD_NAME in response["Location"]


@pytest.mark.parametrize("name", sorted(MUNICIPALITY_PAGES))
def test_municipality_pages_over_http(client, municipality, staff, resident, staff_elsewhere, name):
    args, allowed = MUNICIPALITY_PAGES[name]
    url = staff_url(name, None, *args, municipality=municipality)
    for who in [*sample(allowed), "staff_elsewhere"]:
        client.logout()
        login(client, who, staff, resident, staff_elsewhere)
        assert client.get(url).status_code == expected_status(who, allowed), who


@pytest.mark.parametrize("who", WHO)
def test_taking_a_step(client, municipality, staff, resident, staff_elsewhere, who):
    dialogue = dialogue_in_state(State.PLANNED, municipality=municipality)
    add_module(dialogue)
    login(client, who, staff, resident, staff_elsewhere)
    response = client.post(staff_url("staff_step", dialogue, "open"))
    assert response.status_code == expected_status(who, roles("open"), ok=302)
    dialogue.refresh_from_db()
    assert dialogue.state == (State.OPEN if who in roles("open") else State.PLANNED)


@pytest.mark.parametrize("who", WHO)
def test_saving_a_step_page(client, municipality, staff, resident, staff_elsewhere, who):
    dialogue = dialogue_in_state(State.CLOSED, municipality=municipality)
    login(client, who, staff, resident, staff_elsewhere)
    response = client.post(staff_url("staff_results", dialogue), {"results_summary": "Ändrat", "step": ""})
    assert response.status_code == expected_status(who, roles("compile_results"), ok=302)
    dialogue.refresh_from_db()
    assert (CompiledResults.of(dialogue).summary == "Ändrat") is (who in roles("compile_results"))


@pytest.mark.parametrize("who", WHO)
def test_creating(client, municipality, staff, resident, staff_elsewhere, who):
    login(client, who, staff, resident, staff_elsewhere)
    data = {"kind": Kind.USER_DIALOGUE, "title": "Skolmaten", "question": "Vad vill du äta?"}
    response = client.post(staff_url("staff_create", municipality=municipality), data)
    assert response.status_code == expected_status(who, CREATORS, ok=302)
    assert Dialogue.objects.filter(title="Skolmaten").exists() is (who in CREATORS)


@pytest.mark.parametrize("name", sorted(DIALOGUE_PAGES))
def test_another_municipalitys_dialogue_is_not_found(
    client, municipality, other_municipality, staff, test_method, name
):
    """Staff with every right here still get a 404 for a dialogue that belongs to another municipality."""
    theirs, their_url = dialogue_page_url(name, other_municipality)
    mine = their_url.replace(f"/{other_municipality.slug}/", f"/{municipality.slug}/", 1)
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    assert client.get(mine).status_code == 404
    assert client.get(their_url).status_code == 404
    assert client.post(staff_url("staff_step", theirs, "open", municipality=municipality)).status_code == 404


def test_a_module_of_another_dialogue_is_not_found(client, municipality, staff, test_method):
    planned = dialogue_in_state(State.PLANNED, municipality=municipality)
    other = dialogue_in_state(State.PLANNED, municipality=municipality)
    module = add_module(other)
    client.force_login(staff[Role.OFFICER])
    assert client.get(staff_url("staff_phase_add", planned, module.pk)).status_code == 404
    assert client.get(staff_url("staff_phase_add", other, module.pk)).status_code == 200
