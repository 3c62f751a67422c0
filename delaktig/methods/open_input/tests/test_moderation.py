"""Moderators publish and remove input and comments, with a reason the writer can see."""

import pytest

from delaktig.core.models import AuditEvent
from delaktig.participation.models import Comment, ModerationReason, ModerationStatus
from delaktig.participation.registry import ModerationItem, registry
from delaktig.participation.services import comment_create

from ..models import Input
from .conftest import url
from .factories import InputFactory, open_input_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def pre_module(municipality):
    return open_input_module(municipality=municipality, moderation="pre")


@pytest.fixture
def pending(pre_module):
    return InputFactory(module=pre_module, status=ModerationStatus.PENDING)


@pytest.fixture
def moderator(client, staff):
    client.force_login(staff["moderator"])
    return client


def test_the_queue_shows_pending_input_and_comments(moderator, pre_module, pending, resident):
    published = InputFactory(module=pre_module)
    comment = comment_create(target=published, dialogue=pre_module.dialogue, author=resident, text="Vänta på mig")
    assert comment.status == ModerationStatus.PENDING
    context = moderator.get(url("staff:moderation", pre_module)).context
    assert context["pending_inputs"] == [pending]
    assert context["pending_comments"] == [comment]
    assert published in context["published_inputs"]


def test_publishing_shows_the_input(moderator, client, pre_module, pending):
    response = moderator.post(url("staff:moderate", pre_module, "input", pending.pk), {"decision": "publish"})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == ModerationStatus.PUBLISHED and pending.moderated_by is not None
    assert AuditEvent.objects.filter(action="moderation.publish", target_id=pending.pk).exists()
    client.logout()
    assert client.get(url("detail", pre_module, pending.pk)).status_code == 200


def test_removing_needs_a_reason(moderator, pre_module, pending):
    response = moderator.post(url("staff:moderate", pre_module, "input", pending.pk), {"decision": "remove"})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    pending.refresh_from_db()
    assert pending.status == ModerationStatus.PENDING


def test_the_writer_sees_why_the_input_was_removed(moderator, client, pre_module, pending):
    data = {"decision": "remove", "reason": ModerationReason.PERSONAL_DATA, "note": "Ta bort grannens namn."}
    moderator.post(url("staff:moderate", pre_module, "input", pending.pk), data)
    pending.refresh_from_db()
    assert pending.status == ModerationStatus.REJECTED
    assert pending.moderation_reason == ModerationReason.PERSONAL_DATA
    client.force_login(pending.author)
    page = client.get(url("detail", pre_module, pending.pk)).content.decode()
    assert str(ModerationReason.PERSONAL_DATA.label) in page or "personuppgifter" in page
    assert "Ta bort grannens namn." in page


def test_others_do_not_see_removed_or_pending_input(client, resident, pre_module, pending):
    client.force_login(resident)
    assert client.get(url("detail", pre_module, pending.pk)).status_code == 404
    client.logout()
    assert client.get(url("detail", pre_module, pending.pk)).status_code == 404


def test_a_published_input_can_be_removed_afterwards(moderator, module, published):
    data = {"decision": "remove", "reason": ModerationReason.ADVERTISING}
    moderator.post(url("staff:moderate", module, "input", published.pk), data)
    published.refresh_from_db()
    assert published.status == ModerationStatus.REJECTED
    assert moderator.get(url("index", module)).context["page"].paginator.count == 0


def test_comments_are_moderated_with_the_shared_comment_model(moderator, pre_module, resident):
    item = InputFactory(module=pre_module)
    comment = comment_create(target=item, dialogue=pre_module.dialogue, author=resident, text="Hej")
    moderator.post(url("staff:moderate", pre_module, "comment", comment.pk), {"decision": "publish"})
    comment.refresh_from_db()
    assert comment.status == ModerationStatus.PUBLISHED
    assert moderator.get(url("detail", pre_module, item.pk)).context["comments"] == [comment]


def test_another_modules_items_cannot_be_moderated_here(moderator, municipality, pre_module, pending):
    elsewhere = open_input_module(municipality=municipality)
    other = InputFactory(module=elsewhere, status=ModerationStatus.PENDING)
    response = moderator.post(url("staff:moderate", pre_module, "input", other.pk), {"decision": "publish"})
    assert response.status_code == 404
    assert moderator.post(url("staff:moderate", pre_module, "poll", pending.pk), {}).status_code == 404


def test_the_central_queue_lists_pending_items_of_this_municipality(
    municipality, other_municipality, pre_module, pending, resident
):
    comment_create(target=InputFactory(module=pre_module), dialogue=pre_module.dialogue, author=resident, text="Hm")
    InputFactory(module=open_input_module(municipality=other_municipality), status=ModerationStatus.PENDING)
    items = registry["open_input"].moderation_queue(municipality)
    assert len(items) == 2 and all(isinstance(i, ModerationItem) for i in items)
    assert {i.url for i in items} == {url("staff:moderation", pre_module)}
    assert {i.title for i in items} >= {pending.title}


def test_a_pending_input_cannot_be_supported_or_commented(client, resident, pre_module, pending):
    client.force_login(resident)
    assert client.post(url("support", pre_module, pending.pk)).status_code == 404
    assert client.post(url("comment", pre_module, pending.pk), {"text": "x"}).status_code == 404
    assert not Comment.objects.exists()
    assert Input.objects.get().supports.count() == 0
