"""Proposing, staff's review, the result and the staff pages."""

import datetime

import pytest

from delaktig.core.models import AuditEvent
from delaktig.participation.models import ModerationStatus, Phase

from .. import selectors, services
from ..models import Project, Review
from .conftest import url
from .factories import budgeting_module, budgets

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, staff):
    client.force_login(staff["officer"])
    return client


def test_a_resident_proposes_a_project_in_a_budget(client, municipality, resident):
    module = budgeting_module(municipality=municipality, phase="propose")
    everyone, _district, north, _projects = budgets(module)
    client.force_login(resident)
    assert client.get(url("create", module)).status_code == 200
    data = {
        "budget": everyone.pk,
        "title": "Hundrastgård",
        "text": "En inhägnad plats för hundar.",
        "cost_estimate": "20000",
        "district": north.pk,
        "submission_key": "k1",
    }
    response = client.post(url("create", module), data)
    item = Project.objects.get(title="Hundrastgård")
    assert response["Location"] == url("create_done", module, item.pk)
    assert (item.author, item.budget, item.district, item.review) == (resident, everyone, north, Review.PENDING)
    assert item.reference in client.get(response["Location"]).content.decode()
    client.post(url("create", module), data)  # sent twice: one proposal
    assert Project.objects.filter(title="Hundrastgård").count() == 1


def test_a_proposal_with_errors_is_shown_again_with_what_was_typed(client, municipality, resident):
    module = budgeting_module(municipality=municipality, phase="propose")
    budgets(module)
    client.force_login(resident)
    response = client.post(url("create", module), {"title": "Hundrastgård", "text": ""})
    assert response.status_code == 200
    page = response.content.decode()
    assert "error-summary" in page and "Hundrastgård" in page
    assert not Project.objects.filter(title="Hundrastgård").exists()


def test_proposing_is_closed_while_voting(client, module, setup, resident):
    client.force_login(resident)
    assert client.get(url("create", module)).status_code == 403


def test_staff_review_a_proposal_and_a_rejection_has_a_public_reason(officer, module, setup):
    item = setup[3]["skate"]
    item.review, item.cost = Review.PENDING, None
    item.save()
    response = officer.post(url("staff:review_project", module, item.pk), {"decision": "feasible"})
    assert response.status_code == 200 and "error-summary" in response.content.decode()  # no cost given
    officer.post(url("staff:review_project", module, item.pk), {"decision": "rejected", "reason": ""})
    item.refresh_from_db()
    assert item.review == Review.PENDING
    response = officer.post(
        url("staff:review_project", module, item.pk), {"decision": "rejected", "reason": "Marken är inte kommunens."}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.review == Review.REJECTED
    assert AuditEvent.objects.filter(action="budgeting.review").exists()
    assert "Marken är inte kommunens." in officer.get(url("detail", module, item.pk)).content.decode()
    officer.post(url("staff:review_project", module, item.pk), {"decision": "feasible", "cost": "55000"})
    item.refresh_from_db()
    assert (item.review, item.cost) == (Review.FEASIBLE, 55_000)


def test_the_result_is_public_when_voting_is_over(client, municipality, resident):
    module = budgeting_module(municipality=municipality, phase="vote")
    everyone, _district, _north, projects = budgets(module)
    services.ballot_cast(budget=everyone, user=resident, project_ids=[projects["gym"].pk, projects["bio"].pk])
    assert client.get(url("result", module)).status_code == 404
    phase = Phase.objects.get(module=module)
    Phase.objects.filter(pk=phase.pk).update(ends_at=phase.starts_at + datetime.timedelta(minutes=1))
    page = client.get(url("result", module)).content.decode()
    assert "Utegym" in page and "Sommarbio" in page
    result = selectors.results(module)[0]
    assert [row.project.title for row in result.selected] == ["Sommarbio", "Utegym"]  # a tie: the cheaper first
    assert result.spent == 70_000 and result.ballots == 1
    tables = selectors.decision_basis_tables(module)
    assert [table.rows[0][:3] for table in tables][0] == ("Sommarbio", 30_000, 1)


def test_the_rule_is_a_setting_of_the_process(officer, module, setup):
    response = officer.post(url("staff:budgets", module), {"rule": "equal_shares"})
    assert response.status_code == 302
    module.refresh_from_db()
    assert selectors.rule_of(module) == "equal_shares"
    response = officer.post(
        url("staff:budgets", module), {"new-name": "Söder", "new-amount": "20000", "new-order": "3"}
    )
    assert response.status_code == 302 and module.budgets.filter(name="Söder").exists()


@pytest.mark.parametrize(
    "name", ["staff:index", "staff:review", "staff:result", "staff:budgets", "staff:moderation", "staff:export_csv"]
)
def test_the_staff_pages_answer(officer, module, setup, name):
    assert officer.get(url(name, module)).status_code == 200


@pytest.mark.parametrize("name", ["index", "district"])
def test_the_public_pages_answer(client, resident, module, setup, name):
    client.force_login(resident)
    assert client.get(url(name, module)).status_code == 200
    assert client.get(url("detail", module, setup[3]["gym"].pk)).status_code == 200


def test_a_pending_proposal_is_not_on_the_ballot(module, setup):
    everyone, _district, _north, projects = setup
    projects["gym"].status = ModerationStatus.PENDING
    projects["gym"].save()
    assert projects["gym"] not in selectors.projects_on_ballot(everyone)


def test_the_winners_are_offered_as_measures_once_voting_is_over(municipality, resident):
    module = budgeting_module(municipality=municipality, phase="vote")
    everyone, _district, _north, projects = budgets(module)
    services.ballot_cast(budget=everyone, user=resident, project_ids=[projects["gym"].pk])
    assert selectors.measures_offered(module) == []
    phase = Phase.objects.get(module=module)
    Phase.objects.filter(pk=phase.pk).update(ends_at=phase.starts_at + datetime.timedelta(minutes=1))
    module = type(module).objects.get(pk=module.pk)
    offered = selectors.measures_offered(module)
    assert [(item.title, item.cost, item.ref) for item in offered] == [
        ("Utegym", 40_000, f"budgeting:{projects['gym'].pk}")
    ]
    assert "Hela kommunen" in offered[0].description


def test_a_visitor_is_offered_to_vote_and_asked_to_log_in(client, module, setup):
    page = client.get(url("index", module)).content.decode()
    assert url("district", module) in page
    assert client.get(url("district", module)).status_code == 302


def test_staff_enter_a_paper_proposal_at_the_desk(officer, module, setup):
    from django.urls import reverse
    from django.utils import timezone

    everyone, _district, north, _projects = setup
    desk = reverse("participation:desk", args=[module.dialogue.municipality.slug, module.dialogue_id])
    assert officer.get(desk, {"module": module.pk}).status_code == 200
    data = {
        "module": module.pk,
        "channel": "paper",
        "received_on": timezone.localdate().isoformat(),
        "group": "",
        "item-budget": everyone.pk,
        "item-title": "Lapp: pingisbord",
        "item-text": "Ett pingisbord i parken.",
        "item-district": north.pk,
        "item-author_name": "",
    }
    response = officer.post(desk, data)
    assert response.status_code in (200, 302)
    item = Project.objects.get(title="Lapp: pingisbord")
    assert (item.channel, item.district, item.author) == ("paper", north, None)
    assert AuditEvent.objects.filter(action="budgeting.enter_offline").exists()


def test_staff_change_a_budget(officer, module, setup):
    everyone = setup[0]
    assert officer.get(url("staff:budget_edit", module, everyone.pk)).status_code == 200
    data = {"name": "Hela kommunen", "amount": "0", "order": "1"}
    response = officer.post(url("staff:budget_edit", module, everyone.pk), data)
    assert response.status_code == 200 and "minst 1 krona" in response.content.decode()  # the amount must be positive
    response = officer.post(url("staff:budget_edit", module, everyone.pk), {**data, "amount": "120000"})
    assert response.status_code == 302
    everyone.refresh_from_db()
    assert everyone.amount == 120_000
    assert AuditEvent.objects.filter(action="budgeting.budget_change").exists()
