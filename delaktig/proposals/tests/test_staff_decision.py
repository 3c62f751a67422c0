"""Handling after receipt: prepare, record the decision with its attachment, send the answer with visible progress."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.audit import audit_events_for
from delaktig.mailings.models import Mailing
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import DecisionFactory
from delaktig.proposals.models import Route, SignatureStatus, Status
from delaktig.proposals.tests.factories import ProposalFactory, SignatureFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%minimal\n"


@pytest.fixture
def officer(client, staff):
    client.force_login(staff[Role.OFFICER])
    return staff[Role.OFFICER]


def decision_url(proposal):
    return reverse("proposals:decision", args=[proposal.municipality.slug, proposal.pk])


def answer_url(proposal):
    return reverse("proposals:answer_mailing", args=[proposal.municipality.slug, proposal.pk])


def decision_data(proposal, **changes):
    data = {
        "decision_body": proposal.municipality.get_deciding_body().pk,
        "decision_date": timezone.localdate().isoformat(),
        "decision_minute_item": "§ 45",
        "decision_text": "Kommunfullmäktige bifaller förslaget. Lekplatsen byggs 2027.",
        "decision_attachment": SimpleUploadedFile("protokoll.pdf", PDF, content_type="application/pdf"),
    }
    data.update(changes)
    return data


def test_prepare_then_the_detail_page_points_to_the_decision(client, municipality, officer):
    proposal = ProposalFactory(municipality=municipality, status=Status.RECEIVED)
    response = client.post(reverse("proposals:staff_step", args=[municipality.slug, proposal.pk, "prepare"]))
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.IN_PREPARATION
    html = client.get(reverse("proposals:staff_detail", args=[municipality.slug, proposal.pk])).content.decode()
    assert decision_url(proposal) in html


def test_recording_the_decision_with_an_attachment(client, municipality, officer):
    proposal = ProposalFactory(municipality=municipality, status=Status.IN_PREPARATION)
    response = client.post(decision_url(proposal), decision_data(proposal))
    assert response.status_code == 302 and response["Location"] == answer_url(proposal)
    proposal.refresh_from_db()
    assert proposal.status == Status.DECIDED
    assert proposal.decision.minute_item == "§ 45" and proposal.decision.body == municipality.get_deciding_body()
    assert proposal.decision_attachment.name.endswith(".pdf")
    event = audit_events_for(proposal).get()
    assert event.action == "proposal.decide" and event.data["minute_item"] == "§ 45" and event.public


def test_the_attachment_is_optional(client, municipality, officer):
    proposal = ProposalFactory(municipality=municipality, status=Status.IN_PREPARATION)
    data = decision_data(proposal)
    del data["decision_attachment"]
    assert client.post(decision_url(proposal), data).status_code == 302


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("beslut.exe", PDF),
        ("beslut.pdf", b"MZ not really a pdf"),
        ("beslut.docx", PDF),
        ("beslut", PDF),
    ],
)
def test_wrong_attachments_are_refused_with_a_clear_error(client, municipality, officer, name, content):
    proposal = ProposalFactory(municipality=municipality, status=Status.IN_PREPARATION)
    upload = SimpleUploadedFile(name, content)
    response = client.post(decision_url(proposal), decision_data(proposal, decision_attachment=upload))
    assert response.status_code == 200
    html = response.content.decode()
    assert "error-summary" in html and "Kommunfullmäktige bifaller förslaget." in html
    proposal.refresh_from_db()
    assert proposal.status == Status.IN_PREPARATION and not proposal.decision_attachment


def test_an_attachment_over_10_mb_is_refused(client, municipality, officer):
    proposal = ProposalFactory(municipality=municipality, status=Status.IN_PREPARATION)
    upload = SimpleUploadedFile("stor.pdf", PDF + b"0" * (10 * 1024 * 1024))
    response = client.post(decision_url(proposal), decision_data(proposal, decision_attachment=upload))
    assert response.status_code == 200 and "10 MB" in response.content.decode()


@pytest.mark.parametrize(
    "changes",
    [
        {"decision_date": (timezone.localdate() + datetime.timedelta(days=3)).isoformat()},
        {"decision_date": "2026-02-31"},
        {"decision_text": ""},
        {"decision_body": "999999"},
        {"decision_body": "x"},
    ],
)
def test_invalid_decisions_are_shown_again_with_errors(client, municipality, officer, changes):
    proposal = ProposalFactory(municipality=municipality, status=Status.IN_PREPARATION)
    response = client.post(decision_url(proposal), decision_data(proposal, **changes))
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Status.IN_PREPARATION


def test_a_body_of_another_municipality_cannot_decide(client, municipality, other_municipality, officer):
    proposal = ProposalFactory(municipality=municipality, status=Status.IN_PREPARATION)
    foreign = other_municipality.get_deciding_body()
    response = client.post(decision_url(proposal), decision_data(proposal, decision_body=foreign.pk))
    assert response.status_code == 200
    proposal.refresh_from_db()
    assert proposal.decision is None


def test_the_decision_page_says_not_now_before_preparation(client, municipality, officer):
    proposal = ProposalFactory(municipality=municipality, status=Status.RECEIVED)
    assert client.get(decision_url(proposal)).status_code == 409
    assert client.post(decision_url(proposal), decision_data(proposal)).status_code == 409


def decided(municipality, **kwargs):
    return ProposalFactory(
        municipality=municipality,
        status=Status.DECIDED,
        decision=DecisionFactory(
            municipality=municipality, date=timezone.localdate(), minute_item="§ 12", text="Förslaget bifalls."
        ),
        **kwargs,
    )


def test_the_answer_goes_to_the_proposer_and_signers_who_asked(
    client, municipality, officer, django_capture_on_commit_callbacks
):
    proposal = decided(municipality, proposer=UserFactory(email="rut@example.se"), proposer_name="Rut")
    SignatureFactory(proposal=proposal, signer_key="a@example.se", name="Anna")
    SignatureFactory(proposal=proposal, signer_key="b@example.se", name="Bo")
    SignatureFactory(proposal=proposal, signer_key="quiet@example.se", wants_updates=False)
    SignatureFactory(proposal=proposal, signer_key="pending@example.se", status=SignatureStatus.PENDING)
    SignatureFactory(proposal=proposal, signer_key="bad@example.se", status=SignatureStatus.INVALIDATED)
    SignatureFactory(proposal=proposal, signer_key="paper:1", email="")
    SignatureFactory(proposal=proposal, signer_key="rut@example.se", name="Rut")  # the proposer signed too
    page = client.get(answer_url(proposal)).content.decode()
    assert "Förslaget bifalls." in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(answer_url(proposal))
    mailing = Mailing.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("mailings:detail", args=[municipality.slug, mailing.pk])
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.se", "b@example.se", "rut@example.se"]
    anna = next(m for m in mail.outbox if m.to == ["a@example.se"])
    assert "Anna" in anna.body and "Förslaget bifalls." in anna.body and proposal.get_absolute_url() in anna.body
    assert mailing.target == proposal and mailing.total == 3
    assert audit_events_for(proposal).get(action="proposal.answer_mailing").data["recipients"] == 3


def test_a_second_answer_mailing_is_refused_unless_sent_again_on_purpose(
    client, municipality, officer, django_capture_on_commit_callbacks
):
    proposal = decided(municipality)
    SignatureFactory(proposal=proposal, signer_key="a@example.se")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(answer_url(proposal))
        response = client.post(answer_url(proposal))
    assert response.status_code == 409 and "error-summary" in response.content.decode()
    assert Mailing.objects.count() == 1 and len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(answer_url(proposal), {"send_again": "on"})
    assert response.status_code == 302
    assert Mailing.objects.count() == 2 and len(mail.outbox) == 2


def test_no_answer_mailing_before_the_decision(client, municipality, officer):
    proposal = ProposalFactory(municipality=municipality, status=Status.IN_PREPARATION)
    assert client.post(answer_url(proposal)).status_code == 409
    assert not Mailing.objects.exists()


def test_the_progress_page_refreshes_while_sending(client, municipality, officer, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    proposal = decided(municipality)
    SignatureFactory.create_batch(3, proposal=proposal)
    response = client.post(answer_url(proposal), follow=True)
    html = response.content.decode()
    assert 'data-auto-refresh="5"' in html
    assert '<progress id="mailing-progress" max="3" value="0">' in html


def test_the_detail_page_of_a_citizen_proposal_shows_days_left_and_overdue(client, municipality, officer):
    today = timezone.localdate()
    soon = ProposalFactory(
        municipality=municipality,
        route=Route.CITIZEN_PROPOSAL,
        status=Status.IN_PREPARATION,
        answer_deadline=today + datetime.timedelta(days=10),
    )
    late = ProposalFactory(
        municipality=municipality,
        route=Route.CITIZEN_PROPOSAL,
        status=Status.IN_PREPARATION,
        answer_deadline=today - datetime.timedelta(days=4),
    )
    soon_html = client.get(reverse("proposals:staff_detail", args=[municipality.slug, soon.pk])).content.decode()
    late_html = client.get(reverse("proposals:staff_detail", args=[municipality.slug, late.pk])).content.decode()
    assert "10" in soon_html and "overdue-text" not in soon_html
    assert 'class="overdue-text"' in late_html and "4" in late_html
