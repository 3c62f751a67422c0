"""A proposal keeps one case number: in its case, its registry entry, its e-mails and its decision."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from delaktig.core.audit import audit_events_for
from delaktig.organisations.models import Role
from delaktig.proposals.handling import proposal_receive
from delaktig.proposals.models import ProposalCase, RegistryEntry, Route, Status
from delaktig.proposals.services import registration_number_next
from delaktig.proposals.tests.factories import ProposalFactory, SignatureFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def url(name, proposal):
    return reverse(f"proposals:{name}", args=[proposal.municipality.slug, proposal.pk])


def decision_data(proposal, **changes):
    return {
        "decision_body": proposal.municipality.get_deciding_body().pk,
        "decision_date": TODAY.isoformat(),
        "decision_minute_item": "§ 45",
        "decision_number": proposal.registration_number,
        "decision_text": "Kommunfullmäktige bifaller förslaget.",
        **changes,
    }


def test_new_numbers_follow_the_municipalitys_pattern(municipality):
    municipality.case_number_pattern = "KLK ÅÅÅÅ:N"
    municipality.save()
    assert registration_number_next(municipality=municipality) == f"KLK {TODAY.year}:1"


def test_the_case_the_registry_and_the_e_mails_cite_the_same_number(
    client, municipality, staff, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory(
        municipality=municipality,
        route=Route.CITIZEN_PROPOSAL,
        status=Status.UNDER_REVIEW,
        registration_number="KS 2026/900",
    )
    proposal_receive(proposal=proposal, actor=staff[Role.MODERATOR])
    assert ProposalCase.objects.get(proposal=proposal).registration_number == "KS 2026/900"
    assert RegistryEntry.objects.filter(registration_number="KS 2026/900", proposal=proposal).exists()

    proposal.refresh_from_db()
    proposal.status = Status.IN_PREPARATION
    proposal.save()
    client.force_login(staff[Role.OFFICER])
    assert client.post(url("decision", proposal), decision_data(proposal)).status_code == 302
    proposal.refresh_from_db()
    assert proposal.decision.number == "KS 2026/900"
    SignatureFactory(proposal=proposal, signer_key="anna@example.se")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("answer_mailing", proposal), {})
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert mail.outbox and all("KS 2026/900" in message.body for message in mail.outbox)


def test_the_decision_form_starts_with_the_proposals_number(client, municipality, staff):
    proposal = ProposalFactory(
        municipality=municipality, status=Status.IN_PREPARATION, registration_number="KS 2026/901"
    )
    client.force_login(staff[Role.OFFICER])
    assert 'name="decision_number" value="KS 2026/901"' in client.get(url("decision", proposal)).content.decode()


def test_a_decision_under_another_number_warns_and_keeps_what_was_typed(client, municipality, staff):
    proposal = ProposalFactory(
        municipality=municipality, status=Status.IN_PREPARATION, registration_number="KS 2026/902"
    )
    client.force_login(staff[Role.OFFICER])
    response = client.post(url("decision", proposal), decision_data(proposal, decision_number="KS 2026/903"))
    html = response.content.decode()
    assert response.status_code == 200 and "Beslutet har numret KS 2026/903, men ärendet har KS 2026/902" in html
    assert 'value="KS 2026/903"' in html and "Kommunfullmäktige bifaller förslaget." in html
    proposal.refresh_from_db()
    assert proposal.status == Status.IN_PREPARATION and proposal.decision is None

    data = decision_data(proposal, decision_number="KS 2026/903", confirm_other_number="on")
    assert client.post(url("decision", proposal), data).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.DECIDED and proposal.decision.number == "KS 2026/903"


def test_a_decision_number_in_the_wrong_form_is_refused(client, municipality, staff):
    proposal = ProposalFactory(
        municipality=municipality, status=Status.IN_PREPARATION, registration_number="KS 2026/904"
    )
    client.force_login(staff[Role.OFFICER])
    response = client.post(url("decision", proposal), decision_data(proposal, decision_number="fyrtio"))
    assert response.status_code == 200 and "”fyrtio” är inte ett diarienummer" in response.content.decode().replace(
        "“", "”"
    )


def test_a_decision_dated_before_the_proposal_is_refused(client, municipality, staff):
    proposal = ProposalFactory(
        municipality=municipality,
        status=Status.IN_PREPARATION,
        submitted_at=timezone.now() - datetime.timedelta(days=3),
    )
    client.force_login(staff[Role.OFFICER])
    before = (TODAY - datetime.timedelta(days=10)).isoformat()
    response = client.post(url("decision", proposal), decision_data(proposal, decision_date=before))
    assert response.status_code == 200 and "Beslutet kan inte vara fattat före" in response.content.decode()


def test_changing_the_number_asks_why_and_moves_case_and_registry_with_it(client, municipality, staff):
    proposal = ProposalFactory(
        municipality=municipality,
        route=Route.CITIZEN_PROPOSAL,
        status=Status.UNDER_REVIEW,
        registration_number="KS 2026/905",
    )
    proposal_receive(proposal=proposal, actor=staff[Role.MODERATOR])
    client.force_login(staff[Role.REGISTRAR])
    response = client.post(url("number_change", proposal), {"number-registration_number": "KS 2026/906"})
    assert response.status_code == 200 and "Skriv varför diarienumret ändras" in response.content.decode()
    data = {"number-registration_number": "KS 2026/906", "number-case_number_reason": "Dubbelregistrerat."}
    assert client.post(url("number_change", proposal), data).status_code == 302
    proposal.refresh_from_db()
    assert (
        proposal.registration_number == ProposalCase.objects.get(proposal=proposal).registration_number == "KS 2026/906"
    )
    assert RegistryEntry.objects.filter(registration_number="KS 2026/906", proposal=proposal).exists()
    event = audit_events_for(proposal).get(action="proposal.case_number_change")
    assert event.data == {"from": "KS 2026/905", "to": "KS 2026/906", "reason": "Dubbelregistrerat."}
    assert "Dubbelregistrerat." in client.get(url("staff_detail", proposal)).content.decode()
