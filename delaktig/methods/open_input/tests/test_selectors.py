"""Stats, personal data and erasure, as reports and "my data" see them through the manifest."""

import pytest

from delaktig.accounts.tests.factories import UserFactory
from delaktig.participation.models import Channel, Comment, ModerationStatus
from delaktig.participation.registry import registry
from delaktig.participation.services import comment_create

from ..models import Input, Support
from .factories import InputFactory, SupportFactory

pytestmark = pytest.mark.django_db
manifest = registry["open_input"]


def test_stats_count_what_came_in_and_leave_out_removed(module, resident):
    mine = InputFactory(module=module, author=resident)
    InputFactory(module=module, author=None, author_name="", channel=Channel.PHONE)
    InputFactory(module=module, status=ModerationStatus.PENDING)
    removed = InputFactory(module=module, status=ModerationStatus.REJECTED)
    SupportFactory(input=removed)
    supporter = UserFactory()
    SupportFactory(input=mine, user=supporter)
    comment_create(target=mine, dialogue=module.dialogue, author=UserFactory(), text="Ja")
    assert manifest.stats(module) == {
        "inputs": 3,
        "comments": 1,
        "supports": 1,
        "participants": 6,  # everyone who wrote, commented or supported, also on what was removed
        "offline_inputs": 1,
    }


def test_removed_input_is_not_analysed_but_pending_is(module):
    InputFactory(module=module, status=ModerationStatus.REJECTED, title="Borttagen")
    InputFactory(module=module, status=ModerationStatus.PENDING, title="Väntar")
    assert [record.title for record in manifest.inputs(module)] == ["Väntar"]


def test_input_channels_count_the_same_inputs_as_the_records(module, resident):
    from collections import Counter

    InputFactory(module=module, author=resident)
    InputFactory(module=module, author=None, author_name="", channel=Channel.PHONE)
    InputFactory(module=module, author=None, author_name="", channel=Channel.PAPER)
    InputFactory(module=module, status=ModerationStatus.PENDING)
    InputFactory(module=module, status=ModerationStatus.REJECTED)
    counted = manifest.input_channels(module)
    assert counted == dict(Counter(record.channel for record in manifest.inputs(module)))
    assert counted == {Channel.ONLINE: 2, Channel.PHONE: 1, Channel.PAPER: 1}


def test_participants_are_people_who_wrote_commented_or_supported(module, resident):
    item = InputFactory(module=module)
    commenter, supporter = UserFactory(), UserFactory()
    comment_create(target=item, dialogue=module.dialogue, author=commenter, text="Ja")
    SupportFactory(input=item, user=supporter)
    InputFactory(module=module, author=None)
    assert manifest.participant_ids(module) == {item.author_id, commenter.pk, supporter.pk}


def test_personal_data_lists_inputs_comments_and_supports(module, resident):
    item = InputFactory(module=module, author=resident)
    comment_create(target=item, dialogue=module.dialogue, author=resident, text="Tillägg")
    SupportFactory(input=InputFactory(module=module), user=resident)
    data = manifest.personal_data(resident)
    assert [row["type"] for row in data] == ["open_input.input", "open_input.comment", "open_input.support"]
    assert data[0]["reference"] == item.reference and data[1]["text"] == "Tillägg"


def test_erase_anonymises_and_removes_supports(module, resident):
    item = InputFactory(module=module, author=resident)
    comment_create(target=item, dialogue=module.dialogue, author=resident, text="Mitt namn syns")
    SupportFactory(input=item, user=resident)
    assert manifest.erase(resident) == 3
    item.refresh_from_db()
    assert item.author is None and item.author_name == "" and item.text  # the record stays
    comment = Comment.objects.get()
    assert comment.author is None and comment.author_name == ""
    assert not Support.objects.exists()
    assert manifest.personal_data(resident) == []


def test_erase_leaves_other_peoples_data(module, resident):
    other = InputFactory(module=module)
    manifest.erase(resident)
    assert Input.objects.get(pk=other.pk).author_id == other.author_id
