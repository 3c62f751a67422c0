"""The phase × role × action matrix, over allowed() and over the pages residents and staff use."""

import pytest
from django.contrib.auth.models import AnonymousUser

from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.tests.factories import UserFactory
from delaktig.dialogues.models import State
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import staff_for
from delaktig.participation.rules import allowed

from ..models import Input
from .conftest import url
from .factories import InputFactory, open_input_module

pytestmark = pytest.mark.django_db

PHASES = ["collect", "comment", "view", None]  # None: the only phase is over
STATES = [State.OPEN, State.CLOSED]
FEATURES = {"collect": {"post", "comment", "support"}, "comment": {"comment", "support"}, "view": set(), None: set()}
RESIDENT_ACTIONS = ["post", "comment", "support"]
STAFF_ACTIONS = {
    "moderate": {Role.MODERATOR, Role.DEMOCRACY_OFFICER, Role.OFFICER},
    "enter_offline": {Role.OFFICER, Role.DEMOCRACY_OFFICER},
    "manage": {Role.OFFICER, Role.DEMOCRACY_OFFICER},
}


@pytest.fixture
def people(municipality, other_municipality, staff, resident):
    """Everyone the matrix asks about, by a readable name."""
    return {
        "anonymous": AnonymousUser(),
        "unconfirmed": UserFactory(identity_level=IdentityLevel.NONE),
        "resident": resident,
        **staff,
        "other_municipality_officer": staff_for(other_municipality)[Role.OFFICER],
    }


def may_take_part(who, phase, state, action):
    signed_in_and_confirmed = who not in {"anonymous", "unconfirmed"}
    return state == State.OPEN and action in FEATURES[phase] and signed_in_and_confirmed


def outcome(who, phase, state, action):
    """What the page should answer: 'ok', 'login' (redirect to log in) or 'refused' (403 with the reason)."""
    if may_take_part(who, phase, state, action):
        return "ok"
    if who == "anonymous" and state == State.OPEN and action in FEATURES[phase]:
        return "login"
    return "refused"


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("phase", PHASES)
def test_resident_actions_over_allowed(municipality, people, phase, state):
    module = open_input_module(municipality=municipality, state=state, phase=phase)
    actual = {(who, a): bool(allowed(user, a, module)) for who, user in people.items() for a in RESIDENT_ACTIONS}
    expected = {(who, a): may_take_part(who, phase, state, a) for who in people for a in RESIDENT_ACTIONS}
    assert actual == expected


def test_refusals_explain_themselves(municipality, people):
    module = open_input_module(municipality=municipality, phase="view")
    for who, user in people.items():
        assert allowed(user, "post", module).reason, who


def post_action(client, module, item, action):
    if action == "post":
        data = {"title": "Fler bänkar", "text": "Vid lekplatsen."}
        return client.post(url("create", module), data)
    if action == "comment":
        return client.post(url("comment", module, item.pk), {"text": "Bra idé"})
    return client.post(url("support", module, item.pk), {"support": "add"})


def answered(response):
    if response.status_code == 403:
        return "refused"
    if response.status_code == 302 and "/konto/logga-in/" in response["Location"]:
        return "login"
    return "ok" if response.status_code == 302 else f"status {response.status_code}"


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("phase", PHASES)
def test_resident_actions_over_http(client, municipality, people, phase, state):
    module = open_input_module(municipality=municipality, state=state, phase=phase)
    item = InputFactory(module=module)
    actual, expected = {}, {}
    for who, user in people.items():
        client.logout()
        if user.is_authenticated:
            client.force_login(user)
        for action in RESIDENT_ACTIONS:
            actual[who, action] = answered(post_action(client, module, item, action))
            expected[who, action] = outcome(who, phase, state, action)
    assert actual == expected


def test_a_refusal_page_gives_the_reason(client, municipality, resident):
    module = open_input_module(municipality=municipality, phase="view")
    client.force_login(resident)
    response = client.post(url("create", module), {"title": "x", "text": "y"})
    assert response.status_code == 403
    assert str(allowed(resident, "post", module).reason) in response.content.decode()
    assert not Input.objects.exists()


@pytest.mark.parametrize("action", sorted(STAFF_ACTIONS))
def test_staff_actions_over_allowed(module, people, action):
    actual = {who: bool(allowed(user, action, module)) for who, user in people.items()}
    assert actual == {who: who in STAFF_ACTIONS[action] for who in people}


STAFF_PAGES = {"moderate": "staff:moderation", "enter_offline": "desk", "manage": "staff:categories"}


def staff_answer(response):
    if response.status_code == 302 and "/konto/logga-in/" in response["Location"]:
        return "login"
    return {200: "ok", 403: "refused", 404: "not found"}.get(response.status_code, response.status_code)


def staff_expected(who, action):
    if who == "anonymous":
        return "login"
    if who in {"unconfirmed", "resident", "other_municipality_officer"}:
        return "not found"  # no hint that the staff page exists
    return "ok" if who in STAFF_ACTIONS[action] else "refused"


@pytest.mark.parametrize("action", sorted(STAFF_ACTIONS))
def test_staff_pages_over_http(client, module, people, action):
    actual = {}
    for who, user in people.items():
        client.logout()
        if user.is_authenticated:
            client.force_login(user)
        actual[who] = staff_answer(client.get(url(STAFF_PAGES[action], module)))
    assert actual == {who: staff_expected(who, action) for who in people}


def test_every_staff_role_sees_the_module_overview(client, module, staff):
    for user in staff.values():
        client.force_login(user)
        assert client.get(url("staff:index", module)).status_code == 200
