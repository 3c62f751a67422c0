"""Comments on a proposal wait for a moderator, then show; only on public proposals, only by confirmed residents."""

import pytest
from django.urls import reverse

from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.models import AuditEvent
from delaktig.participation.models import Comment, ModerationStatus
from delaktig.participation.services import comment_create, moderate
from delaktig.proposals.handling._public_selectors import comments_waiting
from delaktig.proposals.models import Status
from delaktig.proposals.tests.factories import ProposalFactory, collecting

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(municipality):
    return collecting(ProposalFactory(municipality=municipality))


def comment_url(proposal):
    return reverse("proposals:comment", args=[proposal.municipality.slug, proposal.pk])


def test_a_comment_waits_for_a_moderator_then_shows(client, proposal, resident, staff):
    client.force_login(resident)
    response = client.post(comment_url(proposal), {"text": "Bra förslag, jag håller med."})
    assert response.status_code == 302
    assert response["Location"] == proposal.get_absolute_url()
    comment = Comment.objects.get()
    assert comment.status == ModerationStatus.PENDING
    assert comment.target == proposal and comment.municipality == proposal.municipality
    assert AuditEvent.objects.filter(action="comment.create", target_id=comment.pk).exists()
    assert "Bra förslag, jag håller med." not in client.get(proposal.get_absolute_url()).content.decode()
    moderate(item=comment, actor=staff["moderator"], publish=True)
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Bra förslag, jag håller med." in page
    assert resident.name in page


def test_removed_comments_are_not_shown(client, proposal, resident, staff):
    comment = comment_create(target=proposal, author=resident, text="Borttagen text", premoderated=True)
    moderate(item=comment, actor=staff["moderator"], publish=False, reason="offensive")
    assert "Borttagen text" not in client.get(proposal.get_absolute_url()).content.decode()


def test_visitors_are_sent_to_log_in(client, proposal):
    response = client.post(comment_url(proposal), {"text": "Hej"})
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    assert not Comment.objects.exists()
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert 'name="text"' not in page
    assert f"{reverse('accounts:login')}?next=" in page


def test_unconfirmed_accounts_may_not_comment(client, proposal):
    client.force_login(UserFactory(identity_level=IdentityLevel.NONE))
    assert client.post(comment_url(proposal), {"text": "Hej"}).status_code == 403
    assert not Comment.objects.exists()


@pytest.mark.parametrize("status", [Status.WITHDRAWN, Status.SUBMITTED, Status.REJECTED])
def test_no_comments_on_proposals_that_are_not_public(client, municipality, resident, status):
    proposal = ProposalFactory(municipality=municipality, status=status, proposer=resident)
    client.force_login(resident)
    assert client.post(comment_url(proposal), {"text": "Hej"}).status_code == 403
    assert 'name="text"' not in client.get(proposal.get_absolute_url()).content.decode()
    client.force_login(UserFactory())
    assert client.post(comment_url(proposal), {"text": "Hej"}).status_code == 404
    assert not Comment.objects.exists()


@pytest.mark.parametrize("status", [Status.DECIDED, Status.CLOSED_BELOW_THRESHOLD])
def test_comments_stay_open_on_public_proposals(client, municipality, resident, status):
    proposal = ProposalFactory(municipality=municipality, status=status)
    client.force_login(resident)
    assert client.post(comment_url(proposal), {"text": "Hej"}).status_code == 302


def test_an_empty_or_oversized_comment_rerenders_with_the_text(client, proposal, resident):
    client.force_login(resident)
    assert 'class="error-summary"' in client.post(comment_url(proposal), {"text": ""}).content.decode()
    long_text = "långt " * 400
    response = client.post(comment_url(proposal), {"text": long_text})
    assert response.status_code == 200
    assert long_text.strip() in response.content.decode()
    assert not Comment.objects.exists()


def test_markup_in_a_comment_is_escaped(client, proposal, resident, staff):
    comment = comment_create(target=proposal, author=resident, text="<img src=x onerror=alert(1)>", premoderated=True)
    moderate(item=comment, actor=staff["moderator"], publish=True)
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "<img src=x" not in page and "&lt;img src=x" in page


def test_another_municipality_and_wrong_method(client, proposal, resident, other_municipality):
    client.force_login(resident)
    url = reverse("proposals:comment", args=[other_municipality.slug, proposal.pk])
    assert client.post(url, {"text": "Hej"}).status_code == 404
    assert client.get(comment_url(proposal)).status_code == 405


def test_comment_create_without_a_dialogue(proposal, resident):
    held = comment_create(target=proposal, author=resident, text="Väntar", premoderated=True)
    shown = comment_create(target=proposal, author=resident, text="Syns", premoderated=False)
    assert held.status == ModerationStatus.PENDING and shown.status == ModerationStatus.PUBLISHED
    assert held.municipality == proposal.municipality


def test_comments_waiting_for_a_moderator(proposal, resident, other_municipality):
    waiting = comment_create(target=proposal, author=resident, text="Väntar", premoderated=True)
    comment_create(target=proposal, author=resident, text="Syns", premoderated=False)
    elsewhere = collecting(ProposalFactory(municipality=other_municipality))
    comment_create(target=elsewhere, author=resident, text="Annan kommun", premoderated=True)
    [found] = comments_waiting(municipality=proposal.municipality)
    assert found == waiting and found.proposal == proposal
