"""Who may do what: phase × action for residents, role × action for staff, over allowed() and over the views."""

import pytest

from delaktig.dialogues.models import State
from delaktig.organisations.models import Role
from delaktig.participation.rules import allowed

from ..rules import STAFF_ACTIONS
from .conftest import url
from .factories import map_input, map_module

pytestmark = pytest.mark.django_db

PHASES = {
    "collect": {"post", "comment", "support"},
    "comment": {"comment", "support"},
    "view": set(),
    None: set(),  # the phase is over
}


@pytest.mark.parametrize("phase", list(PHASES))
@pytest.mark.parametrize("action", ["post", "comment", "support"])
def test_resident_actions_follow_the_running_phase(municipality, resident, phase, action):
    module = map_module(municipality=municipality, phase=phase)
    assert bool(allowed(resident, action, module)) == (action in PHASES[phase])


def test_a_closed_dialogue_takes_no_input(municipality, resident):
    module = map_module(municipality=municipality, state=State.CLOSED)
    assert not allowed(resident, "post", module)


@pytest.mark.parametrize("role", [role.value for role in Role])
@pytest.mark.parametrize("action", list(STAFF_ACTIONS))
def test_staff_actions_follow_the_role(municipality, staff, role, action):
    module = map_module(municipality=municipality)
    assert bool(allowed(staff[role], action, module)) == (role in STAFF_ACTIONS[action])


PAGES = {"moderation": "moderate", "categories": "manage", "places": "manage", "background": "map_background"}


@pytest.mark.parametrize("page", list(PAGES))
@pytest.mark.parametrize("role", [Role.OFFICER, Role.ELECTED_OFFICIAL, Role.ADMINISTRATOR, Role.MODERATOR])
def test_staff_pages_answer_by_role(client, municipality, staff, page, role):
    module = map_module(municipality=municipality)
    client.force_login(staff[role])
    status = client.get(url(f"staff:{page}", module)).status_code
    assert status == (200 if role in STAFF_ACTIONS[PAGES[page]] else 403)


def test_a_resident_sees_no_staff_page(client, municipality, resident):
    module = map_module(municipality=municipality)
    client.force_login(resident)
    assert client.get(url("staff:index", module)).status_code in (403, 404)


def test_nobody_comments_or_supports_in_a_read_only_phase(client, municipality, resident):
    module = map_module(municipality=municipality, phase="view")
    item = map_input(module, resident)
    client.force_login(resident)
    assert client.post(url("support", module, item.pk), {"support": "add"}).status_code == 403
    assert client.post(url("comment", module, item.pk), {"text": "Hej"}).status_code == 403
    assert client.get(url("create", module)).status_code == 403
