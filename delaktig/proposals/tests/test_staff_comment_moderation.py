import pytest
from django.urls import reverse

from delaktig.participation.models import Comment, ModerationStatus
from delaktig.participation.services import comment_create
from delaktig.proposals.tests.factories import ProposalFactory


@pytest.fixture
def waiting(municipality, resident):
    proposal = ProposalFactory(municipality=municipality, status="collecting")
    return comment_create(
        target=proposal, municipality=municipality, author=resident, text="Bra förslag!", premoderated=True
    )


def url(comment):
    return reverse("proposals:comment_moderate", args=[comment.municipality.slug, comment.pk])


def test_the_moderation_page_lists_waiting_comments(client, staff, waiting):
    client.force_login(staff["moderator"])
    page = client.get(reverse("proposals:moderation", args=[waiting.municipality.slug])).content.decode()
    assert "Bra förslag!" in page


@pytest.mark.parametrize(
    ("decision", "reason", "status"), [("publish", "", "published"), ("remove", "offensive", "rejected")]
)
def test_a_moderator_publishes_or_removes_with_a_reason(client, staff, waiting, decision, reason, status):
    client.force_login(staff["moderator"])
    response = client.post(url(waiting), {"decision": decision, "reason": reason})
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == status and waiting.moderation_reason == reason


def test_removing_needs_a_reason(client, staff, waiting):
    client.force_login(staff["moderator"])
    client.post(url(waiting), {"decision": "remove"})
    waiting.refresh_from_db()
    assert waiting.status == ModerationStatus.PENDING


def test_a_resident_or_another_municipality_cannot_moderate(client, resident, waiting, other_municipality):
    from delaktig.organisations.tests.factories import staff_for

    client.force_login(resident)
    assert client.post(url(waiting), {"decision": "publish"}).status_code == 404
    client.force_login(staff_for(other_municipality)["moderator"])
    other_url = reverse("proposals:comment_moderate", args=[other_municipality.slug, waiting.pk])
    assert client.post(other_url, {"decision": "publish"}).status_code == 404
    assert Comment.objects.get(pk=waiting.pk).status == ModerationStatus.PENDING
