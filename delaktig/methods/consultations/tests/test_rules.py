"""The phase × role × action matrix over allowed()."""

import pytest
from django.contrib.auth.models import AnonymousUser

from delaktig.dialogues.models import State
from delaktig.organisations.models import Role
from delaktig.participation.rules import allowed

from ..rules import STAFF_ACTIONS
from .factories import consultation_module

pytestmark = pytest.mark.django_db

FEATURES = {"commenting": {"comment", "follow"}, "reading": {"follow"}, None: set()}


@pytest.mark.parametrize("state", [State.OPEN, State.CLOSED])
@pytest.mark.parametrize("phase", ["commenting", "reading", None])
def test_residents_comment_only_in_the_consultation_period(municipality, resident, phase, state):
    module = consultation_module(municipality=municipality, state=state, phase=phase)
    for action in ("comment", "follow"):
        expected = state == State.OPEN and action in FEATURES[phase]
        assert bool(allowed(resident, action, module)) == expected, (action, phase, state)
        anonymous = allowed(AnonymousUser(), action, module)
        assert not anonymous and anonymous.needs_login == expected


def test_staff_actions_follow_the_roles(municipality, staff):
    module = consultation_module(municipality=municipality)
    for action, roles in STAFF_ACTIONS.items():
        for role in Role.values:
            assert bool(allowed(staff[role], action, module)) == (role in roles), (action, role)
    assert allowed(staff["elected_official"], "answer", module)
    assert not allowed(staff["elected_official"], "respond", module)
