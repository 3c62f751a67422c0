"""Voting: the knapsack ballot with and without JavaScript, the district, and bad input (over the budget, a tampered
project id, after closing, two ballots at once): a clear message, nothing stored half, never a 500."""

import pytest
from django.db import IntegrityError, transaction

from delaktig.core.models import AuditEvent
from delaktig.participation.models import Phase

from .. import services
from ..models import Ballot, BallotChoice, Voter
from .conftest import url
from .factories import budgeting_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def voter(client, resident):
    client.force_login(resident)
    return client


def send(client, module, budget, *projects, action="send"):
    return client.post(url("ballot", module, budget.pk), {"projects": [str(p) for p in projects], "action": action})


def test_the_ballot_lists_the_projects_with_their_costs_and_the_money_left(voter, module, setup):
    everyone, _district, _north, projects = setup
    page = voter.get(url("ballot", module, everyone.pk)).content.decode()
    for key in ("skate", "gym", "bio"):
        assert projects[key].title in page
    assert "Lekplats i Norr" not in page  # another budget's project
    assert "100\u00a0000" in page and 'data-cost="60000"' in page


def test_count_again_shows_the_money_left_and_stores_nothing(voter, module, setup):
    everyone, _district, _north, projects = setup
    response = send(voter, module, everyone, projects["skate"].pk, action="recount")
    assert response.status_code == 200
    page = response.content.decode()
    assert "40\u00a0000" in page  # left: 100 000 − 60 000
    assert f'value="{projects["skate"].pk}" id="project-{projects["skate"].pk}" data-cost="60000" checked' in page
    assert not Ballot.objects.exists()


def test_a_ballot_over_the_budget_is_refused_in_words(voter, module, setup):
    everyone, _district, _north, projects = setup
    response = send(voter, module, everyone, projects["skate"].pk, projects["gym"].pk, projects["bio"].pk)
    assert response.status_code == 200
    page = response.content.decode()
    assert "error-summary" in page and "130\u00a0000" in page
    assert not Ballot.objects.exists() and not BallotChoice.objects.exists()


def test_recount_over_the_budget_says_so(voter, module, setup):
    everyone, _district, _north, projects = setup
    page = send(voter, module, everyone, projects["skate"].pk, projects["gym"].pk, projects["bio"].pk, action="recount")
    assert "ballot-sum--over" in page.content.decode()


def test_a_ballot_is_stored_and_may_be_changed_until_voting_closes(voter, module, setup, resident):
    everyone, _district, _north, projects = setup
    response = send(voter, module, everyone, projects["gym"].pk, projects["bio"].pk)
    assert response.status_code == 302 and response["Location"] == url("ballot_done", module, everyone.pk)
    ballot = Ballot.objects.get()
    assert set(ballot.choices.values_list("project_id", flat=True)) == {projects["gym"].pk, projects["bio"].pk}
    assert "Utegym" in voter.get(response["Location"]).content.decode()
    send(voter, module, everyone, projects["skate"].pk)
    assert Ballot.objects.get() == ballot
    assert list(ballot.choices.values_list("project_id", flat=True)) == [projects["skate"].pk]
    actions = list(AuditEvent.objects.filter(action__startswith="budgeting.ballot").values_list("action", flat=True))
    assert sorted(actions) == ["budgeting.ballot_cast", "budgeting.ballot_change"]


def test_the_confirmation_and_the_receipt_give_the_ballots_number_and_choices(
    voter, module, setup, resident, django_capture_on_commit_callbacks
):
    from django.core import mail

    everyone, _district, _north, projects = setup
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = send(voter, module, everyone, projects["gym"].pk)
    reference = Ballot.objects.get().reference
    page = voter.get(response["Location"]).content.decode()
    assert reference.startswith("MBR-") and reference in page and resident.email in page
    (receipt,) = mail.outbox
    assert receipt.to == [resident.email] and reference in receipt.subject
    assert f"- {projects['gym'].title} – 40\u00a0000 kronor" in receipt.body


@pytest.mark.parametrize("tampered", ["district", "unknown", "text", "rejected"])
def test_a_tampered_project_id_is_refused_and_nothing_is_stored(voter, module, setup, tampered):
    everyone, _district, _north, projects = setup
    values = {"district": projects["lek"].pk, "unknown": 999_999, "text": "abc"}
    if tampered == "rejected":
        projects["bio"].review = "rejected"
        projects["bio"].save()
        values["rejected"] = projects["bio"].pk
    response = send(voter, module, everyone, projects["gym"].pk, values[tampered])
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not Ballot.objects.exists()


def test_votes_after_closing_are_refused_and_nothing_is_stored(voter, municipality, resident):
    from .factories import budgets

    closed = budgeting_module(municipality=municipality, phase=None)
    everyone, _district, _north, projects = budgets(closed)
    response = send(voter, closed, everyone, projects["gym"].pk)
    assert response.status_code == 403
    assert not Ballot.objects.exists()
    with pytest.raises(services.BallotError):
        services.ballot_cast(budget=everyone, user=resident, project_ids=[projects["gym"].pk])


def test_voting_that_closes_while_the_page_is_open_refuses_the_ballot(voter, module, setup):
    everyone, _district, _north, projects = setup
    voter.get(url("ballot", module, everyone.pk))
    Phase.objects.filter(module=module).update(phase_type="result")
    assert send(voter, module, everyone, projects["gym"].pk).status_code == 403
    assert not Ballot.objects.exists()


def test_the_database_keeps_one_ballot_per_person_and_budget(module, setup, resident):
    everyone = setup[0]
    Ballot.objects.create(budget=everyone, voter=resident)
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.create(budget=everyone, voter=resident)


def test_two_ballots_sent_at_once_keep_one_and_tell_the_second(voter, module, setup, resident, monkeypatch):
    """The other request stored its ballot after this one looked for it: the unique constraint refuses the second
    ballot, which gets a message and stores nothing (the first ballot's choices stay as they were)."""
    everyone, _district, _north, projects = setup
    services.ballot_cast(budget=everyone, user=resident, project_ids=[projects["gym"].pk])
    monkeypatch.setattr(services, "ballot_existing", lambda budget, user: None)
    response = send(voter, module, everyone, projects["skate"].pk)
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    ballot = Ballot.objects.get()
    assert list(ballot.choices.values_list("project_id", flat=True)) == [projects["gym"].pk]


def test_a_voter_says_their_district_and_votes_there_and_for_everyone(voter, module, setup, resident):
    everyone, district, north, projects = setup
    assert voter.get(url("ballot", module, district.pk))["Location"] == url("district", module)
    response = voter.post(url("district", module), {"district": north.pk})
    assert response.status_code == 302
    assert Voter.objects.get(user=resident).district == north
    page = voter.get(url("district", module)).content.decode()
    assert "Hela kommunen" in page and url("ballot", module, district.pk) in page
    assert send(voter, module, district, projects["lek"].pk).status_code == 302
    assert send(voter, module, everyone, projects["gym"].pk).status_code == 302
    assert Ballot.objects.filter(voter=resident).count() == 2


def test_a_voter_cannot_vote_in_another_district(voter, module, setup, municipality, resident):
    from delaktig.organisations.models import Area

    _everyone, district, _north, projects = setup
    south = Area.objects.create(municipality=municipality, name="Söder")
    Voter.objects.create(module=module, user=resident, district=south)
    assert voter.get(url("ballot", module, district.pk)).status_code == 404
    with pytest.raises(services.BallotError):
        services.ballot_cast(budget=district, user=resident, project_ids=[projects["lek"].pk])


def test_the_district_cannot_change_after_voting_there(voter, module, setup, municipality, resident):
    from delaktig.organisations.models import Area

    _everyone, district, north, projects = setup
    services.district_declare(module=module, user=resident, district=north)
    services.ballot_cast(budget=district, user=resident, project_ids=[projects["lek"].pk])
    south = Area.objects.create(municipality=municipality, name="Söder")
    with pytest.raises(services.BallotError):
        services.district_declare(module=module, user=resident, district=south)


def test_voting_needs_a_login(client, module, setup):
    everyone = setup[0]
    assert client.get(url("ballot", module, everyone.pk)).status_code == 302  # to the login page
    assert client.post(url("ballot", module, everyone.pk), {"projects": []}).status_code == 302
    assert not Ballot.objects.exists()


def test_another_municipalitys_budget_is_a_404(voter, module, setup, other_municipality):
    from .factories import budgets

    other = budgeting_module(municipality=other_municipality)
    other_everyone = budgets(other)[0]
    assert voter.get(url("ballot", module, other_everyone.pk)).status_code == 404
