"""The proposer may withdraw until the proposal is decided, after a confirmation; nobody else may."""

import pytest
from django.urls import reverse

from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.models import AuditEvent
from delaktig.proposals.models import OPEN_FOR_WITHDRAWAL, Proposal, Status
from delaktig.proposals.tests.factories import ProposalFactory

pytestmark = pytest.mark.django_db
CLOSED = sorted(set(Status) - OPEN_FOR_WITHDRAWAL)


def withdraw_url(proposal):
    return reverse("proposals:withdraw", args=[proposal.municipality.slug, proposal.pk])


def status_of(proposal):
    return Proposal.objects.get(pk=proposal.pk).status


@pytest.mark.parametrize("status", sorted(OPEN_FOR_WITHDRAWAL))
def test_the_proposer_withdraws_after_confirming(client, municipality, resident, status):
    proposal = ProposalFactory(municipality=municipality, status=status, proposer=resident)
    client.force_login(resident)
    assert withdraw_url(proposal) in client.get(proposal.get_absolute_url()).content.decode()
    confirm = client.get(withdraw_url(proposal))
    assert confirm.status_code == 200
    assert 'name="confirm" value="yes"' in confirm.content.decode()
    assert client.post(withdraw_url(proposal)).status_code == 200  # no confirmation: asked again
    assert status_of(proposal) == status
    response = client.post(withdraw_url(proposal), {"confirm": "yes"})
    assert response.status_code == 302
    assert response["Location"] == proposal.get_absolute_url()
    assert status_of(proposal) == Status.WITHDRAWN
    event = AuditEvent.objects.get(action="proposal.withdraw", target_id=proposal.pk)
    assert event.actor == resident and event.public


@pytest.mark.parametrize("status", CLOSED)
def test_refused_once_decided_or_closed(client, municipality, resident, status):
    proposal = ProposalFactory(municipality=municipality, status=status, proposer=resident)
    client.force_login(resident)
    assert withdraw_url(proposal) not in client.get(proposal.get_absolute_url()).content.decode()
    assert 'name="confirm"' not in client.get(withdraw_url(proposal)).content.decode()
    assert client.post(withdraw_url(proposal), {"confirm": "yes"}).status_code == 409
    assert status_of(proposal) == status


def test_only_the_proposer(client, municipality, resident, staff, other_municipality):
    proposal = ProposalFactory(municipality=municipality, status=Status.COLLECTING, proposer=resident)
    assert reverse("accounts:login") in client.post(withdraw_url(proposal), {"confirm": "yes"})["Location"]
    for other in (UserFactory(), staff["democracy_officer"]):
        client.force_login(other)
        assert client.get(withdraw_url(proposal)).status_code == 404
        assert client.post(withdraw_url(proposal), {"confirm": "yes"}).status_code == 404
    client.force_login(resident)
    url = reverse("proposals:withdraw", args=[other_municipality.slug, proposal.pk])
    assert client.post(url, {"confirm": "yes"}).status_code == 404
    assert status_of(proposal) == Status.COLLECTING


def test_withdrawn_proposal_leaves_the_public_list(client, municipality, resident):
    proposal = ProposalFactory(municipality=municipality, status=Status.COLLECTING, proposer=resident)
    client.force_login(resident)
    client.post(withdraw_url(proposal), {"confirm": "yes"})
    client.logout()
    assert client.get(proposal.get_absolute_url()).status_code == 404
    assert client.get(reverse("proposals:list", args=[municipality.slug])).context["page"].paginator.count == 0


def test_wrong_method(client, municipality, resident):
    proposal = ProposalFactory(municipality=municipality, proposer=resident)
    client.force_login(resident)
    assert client.put(withdraw_url(proposal)).status_code == 405
