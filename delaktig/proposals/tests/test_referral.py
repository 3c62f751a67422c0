"""Referral (remiss): the council sends a citizen proposal to a board, the board answers, then the council decides.
The proposer is e-mailed at each step, citing the proposal's one case number."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.audit import audit_events_for
from delaktig.organisations.models import Body, Role
from delaktig.organisations.tests.factories import staff_for
from delaktig.proposals.models import Referral, Route, Status
from delaktig.proposals.tests.factories import ProposalFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def board(municipality):
    return Body.objects.create(municipality=municipality, name="Tekniska nämnden", short_name="TN", kind="committee")


@pytest.fixture
def proposal(municipality):
    proposer = UserFactory(email="rut@example.se", name="Rut Resident")
    return ProposalFactory(
        municipality=municipality,
        route=Route.CITIZEN_PROPOSAL,
        status=Status.IN_PREPARATION,
        proposer=proposer,
        registration_number="KS 2026/1200",
        submitted_at=timezone.now() - datetime.timedelta(days=30),
    )


def url(name, proposal):
    return reverse(f"proposals:{name}", args=[proposal.municipality.slug, proposal.pk])


def refer(client, proposal, board, **changes):
    data = {"body": board.pk, "sent_on": TODAY.isoformat(), "due_on": (TODAY + datetime.timedelta(days=60)).isoformat()}
    return client.post(url("referral", proposal), {**data, **changes})


def answer(client, proposal, **changes):
    data = {"answer": "Nämnden tillstyrker förslaget.", "answered_on": TODAY.isoformat()}
    return client.post(url("referral_answer", proposal), {**data, **changes})


@pytest.mark.parametrize(
    ("role", "allowed"),
    [(Role.REGISTRAR, True), (Role.OFFICER, True), (Role.DEMOCRACY_OFFICER, True), (Role.MODERATOR, False),
     (Role.ELECTED_OFFICIAL, False), (Role.ADMINISTRATOR, False)],
)  # fmt: skip
def test_who_may_refer(client, staff, proposal, board, role, allowed):
    client.force_login(staff[role])
    assert client.get(url("referral", proposal)).status_code == (200 if allowed else 403)
    assert refer(client, proposal, board).status_code == (302 if allowed else 403)
    proposal.refresh_from_db()
    assert (proposal.status == Status.REFERRED) is allowed


def test_residents_and_another_municipality_get_404(client, proposal, board, resident, other_municipality):
    for user in (resident, staff_for(other_municipality)[Role.REGISTRAR]):
        client.force_login(user)
        for name in ("referral", "referral_answer", "number_change"):
            assert client.get(url(name, proposal)).status_code == 404, name
        assert refer(client, proposal, board).status_code == 404
    assert not Referral.objects.exists()


def test_the_registrar_refers_and_records_the_answer_and_the_proposer_hears_of_both(
    client, staff, proposal, board, django_capture_on_commit_callbacks
):
    client.force_login(staff[Role.REGISTRAR])
    with django_capture_on_commit_callbacks(execute=True):
        assert refer(client, proposal, board).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.REFERRED
    [sent] = mail.outbox
    assert sent.to == ["rut@example.se"] and "KS 2026/1200" in sent.subject and "Tekniska nämnden" in sent.subject
    assert "KS 2026/1200" in sent.body and "Tekniska nämnden" in sent.body

    public = client.get(proposal.get_absolute_url()).content.decode()
    assert "Remitterat till Tekniska nämnden" in public and "Inte besvarad ännu." in public

    with django_capture_on_commit_callbacks(execute=True):
        assert answer(client, proposal).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.IN_PREPARATION
    referral = Referral.objects.get()
    assert referral.answer == "Nämnden tillstyrker förslaget." and referral.answered_on == TODAY
    answered = mail.outbox[1]
    assert "KS 2026/1200" in answered.subject and "Nämnden tillstyrker förslaget." in answered.body

    public = client.get(proposal.get_absolute_url()).content.decode()
    assert "Tekniska nämnden har svarat på remissen" in public and "Nämnden tillstyrker förslaget." in public
    actions = [event.action for event in audit_events_for(proposal).order_by("pk")]
    assert actions == ["proposal.refer", "proposal.referral_answer"]
    assert audit_events_for(proposal).get(action="proposal.refer").data["body"] == "Tekniska nämnden"


def test_the_answer_cannot_be_dated_before_the_referral(client, staff, proposal, board):
    client.force_login(staff[Role.OFFICER])
    refer(client, proposal, board, sent_on=(TODAY - datetime.timedelta(days=3)).isoformat())
    response = answer(client, proposal, answered_on=(TODAY - datetime.timedelta(days=5)).isoformat())
    html = response.content.decode()
    assert response.status_code == 200 and "Svaret kan inte ha ett datum före det" in html
    assert "Nämnden tillstyrker förslaget." in html  # what was typed is kept
    proposal.refresh_from_db()
    assert proposal.status == Status.REFERRED


def test_bad_referral_input_is_explained_and_kept(client, staff, proposal, board):
    client.force_login(staff[Role.OFFICER])
    response = refer(
        client, proposal, board, sent_on=TODAY.isoformat(), due_on=(TODAY - datetime.timedelta(1)).isoformat()
    )
    assert (
        response.status_code == 200 and "Svaret kan inte önskas innan förslaget skickas." in response.content.decode()
    )
    council = proposal.municipality.get_deciding_body()
    response = refer(client, proposal, council)
    assert response.status_code == 200 and "Välj en av nämnderna i listan." in response.content.decode()
    assert not Referral.objects.exists()


def test_an_e_petition_and_a_decided_proposal_cannot_be_referred(client, staff, municipality, board):
    client.force_login(staff[Role.OFFICER])
    for proposal in (
        ProposalFactory(municipality=municipality, route=Route.EPETITION, status=Status.IN_PREPARATION),
        ProposalFactory(municipality=municipality, route=Route.CITIZEN_PROPOSAL, status=Status.DECIDED),
    ):
        assert client.get(url("referral", proposal)).status_code == 409
        assert refer(client, proposal, board).status_code == 409
    assert not Referral.objects.exists()


def test_the_staff_page_offers_the_referral_and_then_the_answer(client, staff, proposal, board):
    client.force_login(staff[Role.REGISTRAR])
    detail = client.get(url("staff_detail", proposal)).content.decode()
    assert url("referral", proposal) in detail
    refer(client, proposal, board)
    detail = client.get(url("staff_detail", proposal)).content.decode()
    assert url("referral_answer", proposal) in detail and "Tekniska nämnden" in detail
