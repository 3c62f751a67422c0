"""Who may do what: phase × action for residents, role × action for staff, over allowed() and the views."""

import pytest
from django.urls import reverse

from delaktig.dialogues.models import State
from delaktig.organisations.models import Role
from delaktig.participation.rules import allowed

from ..models import Choice, Statement, Vote
from .conftest import url
from .factories import statement, statements_module

pytestmark = pytest.mark.django_db

RESIDENT = [
    # (phase running, dialogue state, may post, may vote)
    ("write_and_vote", State.OPEN, True, True),
    ("vote", State.OPEN, False, True),
    (None, State.OPEN, False, False),
    ("write_and_vote", State.CLOSED, False, False),
]


@pytest.mark.parametrize(("phase", "state", "may_post", "may_vote"), RESIDENT)
def test_residents_may_write_and_vote_as_the_phase_allows(
    client, municipality, resident, phase, state, may_post, may_vote
):
    module = statements_module(municipality=municipality, phase=phase, state=state)
    target = statement(module)
    assert bool(allowed(resident, "post", module)) is may_post
    assert bool(allowed(resident, "vote", module)) is may_vote
    client.force_login(resident)
    client.post(url("create", module), {"text": "Ett nytt påstående."})
    assert Statement.objects.filter(author=resident).exists() is may_post
    client.post(url("vote", module), {"statement": target.pk, "choice": Choice.AGREE})
    assert Vote.objects.filter(user=resident).exists() is may_vote


STAFF = [
    # (role, may moderate, may manage)
    (Role.OFFICER, True, True),
    (Role.DEMOCRACY_OFFICER, True, True),
    (Role.MODERATOR, True, False),
    (Role.ELECTED_OFFICIAL, False, False),
]


@pytest.mark.parametrize(("role", "may_moderate", "may_manage"), STAFF)
def test_staff_roles_moderate_and_manage_as_the_rules_say(client, module, staff, role, may_moderate, may_manage):
    person = staff[role]
    assert bool(allowed(person, "moderate", module)) is may_moderate
    assert bool(allowed(person, "manage", module)) is may_manage
    client.force_login(person)
    assert client.get(url("staff:index", module)).status_code == 200
    assert client.get(url("staff:moderation", module)).status_code == (200 if may_moderate else 403)
    assert client.get(url("staff:statements", module)).status_code == (200 if may_manage else 403)


def test_another_municipalitys_module_is_not_found(client, module, other_municipality, resident):
    elsewhere = statements_module(municipality=other_municipality)
    target = statement(elsewhere)
    client.force_login(resident)
    here = [module.dialogue.municipality.slug, elsewhere.dialogue_id, elsewhere.pk]  # its ids under our address
    assert client.get(reverse("statements:index", args=here)).status_code == 404
    vote = {"statement": target.pk, "choice": Choice.AGREE}
    assert client.post(reverse("statements:vote", args=here), vote).status_code == 404
    assert not Vote.objects.exists()
