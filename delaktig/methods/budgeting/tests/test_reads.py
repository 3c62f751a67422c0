"""Who may do what in each phase, a proposal's point on the map, the open data, the yearly report, "my data" and
erasure."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.tests.factories import UserFactory
from delaktig.dialogues.models import State
from delaktig.opendata.tests.support import csv_rows, csv_url, detail_url, results_of
from delaktig.organisations.models import Role
from delaktig.participation.models import Phase
from delaktig.participation.rules import allowed

from .. import selectors, services
from ..models import Ballot, Project, Voter
from ..report import budgeting_report_section
from .conftest import url
from .factories import budgeting_module, budgets

pytestmark = pytest.mark.django_db

FEATURES = {"propose": {"post", "comment", "support"}, "review": {"comment"}, "vote": {"vote"}, "result": set()}
STAFF = {
    "moderate": {Role.MODERATOR, Role.DEMOCRACY_OFFICER, Role.OFFICER},
    "manage": {Role.OFFICER, Role.DEMOCRACY_OFFICER},
    "enter_offline": {Role.OFFICER, Role.DEMOCRACY_OFFICER},
}


@pytest.mark.parametrize("state", [State.OPEN, State.CLOSED])
@pytest.mark.parametrize("phase", list(FEATURES))
def test_resident_actions_follow_the_phase(municipality, resident, phase, state):
    module = budgeting_module(municipality=municipality, state=state, phase=phase)
    unconfirmed = UserFactory(identity_level=IdentityLevel.NONE)
    for action in ("post", "comment", "support", "vote"):
        expected = state == State.OPEN and action in FEATURES[phase]
        assert bool(allowed(resident, action, module)) == expected, (phase, state, action)
        assert not allowed(unconfirmed, action, module)
        decision = allowed(AnonymousUser(), action, module)
        assert not decision and decision.needs_login == expected


def test_staff_actions_follow_the_roles(module, staff, other_municipality):
    from delaktig.organisations.tests.factories import MembershipFactory

    elsewhere = MembershipFactory(municipality=other_municipality, role=Role.OFFICER).user
    for action, roles in STAFF.items():
        for role in (Role.MODERATOR, Role.OFFICER, Role.DEMOCRACY_OFFICER, Role.ELECTED_OFFICIAL):
            assert bool(allowed(staff[role], action, module)) == (role in roles), (action, role)
        assert not allowed(elsewhere, action, module)


def test_a_point_on_the_map_finds_its_district(client, municipality, resident):
    square = {
        "type": "Polygon",
        "coordinates": [[[13.0, 60.0], [14.0, 60.0], [14.0, 61.0], [13.0, 61.0], [13.0, 60.0]]],
    }
    module = budgeting_module(municipality=municipality, phase="propose")
    everyone, _district, north, _projects = budgets(module)
    north.geometry = square
    north.save()
    client.force_login(resident)
    assert 'id="point-map"' in client.get(url("create", module)).content.decode()
    data = {
        "budget": everyone.pk,
        "title": "Badplats",
        "text": "En ny badplats.",
        "longitude": "13.5",
        "latitude": "60.5",
    }
    assert client.post(url("create", module), data).status_code == 302
    item = Project.objects.get(title="Badplats")
    assert (item.longitude, item.latitude, item.district) == (13.5, 60.5, north)
    assert client.get(url("districts", module)).json()["features"][0]["properties"]["name"] == "Norr"


def test_without_a_map_the_form_asks_only_for_a_district(client, municipality, resident):
    module = budgeting_module(municipality=municipality, phase="propose")
    budgets(module)
    client.force_login(resident)
    page = client.get(url("create", module)).content.decode()
    assert 'id="point-map"' not in page and 'name="district"' in page


def voted_and_closed(municipality, resident):
    module = budgeting_module(municipality=municipality, phase="vote")
    everyone, district, north, projects = budgets(module)
    services.district_declare(module=module, user=resident, district=north)
    services.ballot_cast(budget=everyone, user=resident, project_ids=[projects["gym"].pk])
    services.ballot_cast(budget=district, user=resident, project_ids=[projects["lek"].pk])
    phase = Phase.objects.get(module=module)
    Phase.objects.filter(pk=phase.pk).update(ends_at=timezone.now() - datetime.timedelta(minutes=1))
    return type(module).objects.get(pk=module.pk), projects


def test_the_result_is_open_data_once_voting_is_over(client, municipality, resident):
    module, projects = voted_and_closed(municipality, resident)
    rows = results_of(client, municipality, "participatory-budgeting")
    gym = next(row for row in rows if row["id"] == projects["gym"].pk)
    assert (gym["cost"], gym["votes"], gym["selected"], gym["budget"]) == (40_000, 1, True, "Hela kommunen")
    assert len(rows) == 5 and not any("voter" in key or "author" in key for key in gym)
    assert (
        client.get(detail_url(municipality, "participatory-budgeting", projects["gym"].pk)).json()["title"] == "Utegym"
    )
    assert len(csv_rows(client.get(csv_url(municipality, "participatory-budgeting")))) == 6
    assert module.pk == gym["module_id"]


def test_the_yearly_report_counts_proposals_and_ballots(municipality, resident):
    voted_and_closed(municipality, resident)
    section = budgeting_report_section(municipality, timezone.localdate().year)
    assert section is not None and section.tables[0].rows[0][1:] == (5, 2)
    assert budgeting_report_section(municipality, 2000) is None


def test_my_data_and_erasure_keep_the_result(municipality, resident):
    module, projects = voted_and_closed(municipality, resident)
    before = [row.selected for result in selectors.results(module) for row in result.projects]
    types = {row["type"] for row in selectors.personal_data(resident)}
    assert {"budgeting.ballot", "budgeting.district"} <= types
    assert selectors.erase(resident) >= 3
    assert selectors.personal_data(resident) == [] and resident.pk not in selectors.participant_ids(module)
    assert Ballot.objects.filter(voter=None).count() == 2 and not Voter.objects.exists()
    assert [row.selected for result in selectors.results(module) for row in result.projects] == before
