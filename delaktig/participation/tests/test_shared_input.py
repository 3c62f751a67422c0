"""The input, support and reads a method builds on when residents support and comment on each other's input
(AbstractInput, AbstractSupport), tried on the dummy method's DummyIdea."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError

from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.models import AuditEvent
from delaktig.dialogues.models import State
from delaktig.participation import datasets
from delaktig.participation.forms_inputs import CommentForm, ModerationForm
from delaktig.participation.models import ModerationReason, ModerationStatus
from delaktig.participation.selectors_inputs import InputReads
from delaktig.participation.services import comment_create
from delaktig.participation.services_inputs import input_create_once, input_moderate, support_toggle, written_online
from tests.dummy_method.factories import dummy_module
from tests.dummy_method.models import DummyIdea, DummySupport

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(municipality):
    return dummy_module(municipality=municipality)


def idea(module, author=None, **fields):
    return DummyIdea.objects.create(
        module=module, municipality=module.dialogue.municipality, author=author, text="Fler bänkar", **fields
    )


def test_an_input_reads_its_reference_status_and_page(module):
    item = idea(module, status=ModerationStatus.PENDING)
    assert item.reference == f"DI-{item.pk}"
    assert not item.is_published and not item.is_removed
    slug = module.dialogue.municipality.slug
    assert item.get_absolute_url() == f"/{slug}/dialoger/{module.dialogue_id}/delta/{module.pk}/dummy_method/{item.pk}/"


def test_published_and_received_leave_out_what_a_moderator_removed(module):
    published = idea(module)
    pending = idea(module, status=ModerationStatus.PENDING)
    idea(module, status=ModerationStatus.REJECTED)
    assert list(DummyIdea.objects.published()) == [published]
    assert set(DummyIdea.objects.received()) == {published, pending}


def test_a_person_supports_an_input_once(module, resident):
    item = idea(module)
    DummySupport.objects.create(input=item, user=resident)
    with pytest.raises(IntegrityError):
        DummySupport.objects.create(input=item, user=resident)
    assert DummySupport._meta.constraints[0].name == "dummy_method_support_once"


def test_inputs_are_listed_newest_first(module):
    first, second = idea(module, author=UserFactory()), idea(module)
    assert list(DummyIdea.objects.all()) == [second, first]


# The shared reads (participation.selectors_inputs)

READS = InputReads(DummyIdea, method_name="Idéer")


def test_counts_are_annotated_and_only_published_comments_count(module, resident):
    item = idea(module)
    DummySupport.objects.create(input=item, user=resident)
    comment_create(target=item, dialogue=module.dialogue, author=resident, text="Ja")
    comment_create(target=item, dialogue=module.dialogue, author=UserFactory(), text="Nej", premoderated=True)
    counted = READS.with_counts(DummyIdea.objects.all()).get()
    assert (counted.support_count, counted.comment_count) == (1, 1)
    assert READS.has_supported(item, resident) and not READS.has_supported(item, AnonymousUser())


def test_a_pending_input_is_visible_to_its_writer_only(module, resident):
    item = idea(module, author=resident, status=ModerationStatus.PENDING)
    assert READS.input_visible(module, item.pk, resident) == item
    assert READS.input_visible(module, item.pk, UserFactory()) is None
    assert READS.input_visible(module, item.pk, AnonymousUser()) is None


def test_participants_are_writers_commenters_and_supporters(module, resident):
    writer, commenter = UserFactory(), UserFactory()
    item = idea(module, author=writer)
    comment_create(target=item, dialogue=module.dialogue, author=commenter, text="Ja")
    DummySupport.objects.create(input=item, user=resident)
    idea(module, status=ModerationStatus.REJECTED)
    assert READS.participant_ids(module) == {writer.pk, commenter.pk, resident.pk}
    assert READS.stats(module) == {"inputs": 1, "comments": 1, "supports": 1, "participants": 3}


def test_the_queue_merges_pending_inputs_and_comments_oldest_first(municipality, resident):
    module = dummy_module(municipality=municipality, moderation="pre")
    first = idea(module, status=ModerationStatus.PENDING)
    published = idea(module)
    comment_create(target=published, dialogue=module.dialogue, author=resident, text="Vänta")
    queue = READS.moderation_queue(municipality)
    assert [item.text for item in queue] == ["Fler bänkar", "Vänta"]
    assert queue[0].method_name == "Idéer" and queue[0].url.endswith(f"/{module.pk}/dummy_method/moderering/")
    assert [item.text for item in READS.moderation_queue(municipality, limit=1)] == [first.text]
    assert READS.moderation_count(municipality) == 2


def test_my_data_names_the_input_and_erasure_keeps_the_text_without_the_person(module, resident):
    item = idea(module, author=resident, author_name="Rut")
    comment_create(target=item, dialogue=module.dialogue, author=resident, text="Och träd")
    DummySupport.objects.create(input=item, user=resident)
    assert READS.comments_data(resident)[0] | {"created": ""} == {
        "type": "dummy_method.comment",
        "on": item.reference,
        "dialogue": module.dialogue.title,
        "text": "Och träd",
        "name_shown": "Rut Resident",
        "status": "published",
        "moderation_reason": "",
        "url": item.get_absolute_url(),
        "created": "",
        "identity_level": resident.identity_level,
    }
    assert list(READS.supports_data(resident)[0]) == ["type", "on", "dialogue", "created"]
    assert list(READS.supports_data(resident, with_title=True)[0]) == ["type", "on", "dialogue", "title", "created"]
    assert READS.erase(resident, text="") == 3
    item.refresh_from_db()
    assert (item.author, item.author_name, item.text) == (None, "", "")
    assert not DummySupport.objects.exists()


def test_a_pseudonym_is_kept_within_the_dialogue_and_not_taken_by_another(municipality, resident):
    module = dummy_module(municipality=municipality)
    module.dialogue.public_identity = "pseudonym"
    idea(module, author=resident, author_name="Skogsmus 1")
    assert READS.pseudonym_last_used(module.dialogue, resident) == "Skogsmus 1"
    assert READS.pseudonym_taken(module.dialogue, "skogsmus 1", UserFactory())
    assert not READS.pseudonym_taken(module.dialogue, "Skogsmus 1", resident)
    assert READS.public_names_hide(module) == 1
    assert READS.pseudonym_last_used(module.dialogue, resident) == ""


# The shared writes (participation.services_inputs)


def test_a_form_sent_twice_makes_one_input(module, resident):
    fields = {"module": module, "municipality": module.dialogue.municipality, "author": resident, "text": "Ja"}
    first, created = input_create_once(DummyIdea.objects.filter(module=module), submission_key="k1", **fields)
    again, created_again = input_create_once(DummyIdea.objects.filter(module=module), submission_key="k1", **fields)
    assert (again, created, created_again) == (first, True, False)
    other, _ = input_create_once(DummyIdea.objects.filter(module=module), submission_key=None, **fields)
    assert other != first and DummyIdea.objects.count() == 2


def test_an_input_written_online_keeps_the_account_and_name_the_dialogue_allows(municipality, resident):
    module = dummy_module(municipality=municipality, moderation="pre")
    fields = written_online(module, resident, "Skogsmus 1")
    assert (fields["author"], fields["author_name"], fields["status"]) == (resident, "Rut Resident", "pending")
    module.dialogue.public_identity = "anonymous_by_design"
    assert (written_online(module, resident)["author"], written_online(module, resident)["author_name"]) == (None, "")
    DummyIdea.objects.create(**written_online(module, resident), text="Ja")


def test_supporting_twice_changes_nothing_the_second_time(module, resident):
    item = idea(module)
    assert support_toggle(item=item, user=resident) and not support_toggle(item=item, user=resident)
    assert support_toggle(item=item, user=resident, support=False)
    assert not support_toggle(item=item, user=resident, support=False)
    actions = AuditEvent.objects.filter(target_id=item.pk).values_list("action", flat=True)
    assert sorted(actions) == ["dummy_method.support", "dummy_method.unsupport"]


def test_removing_an_input_needs_a_reason(module, staff):
    item = idea(module)
    with pytest.raises(ValueError):
        input_moderate(item=item, actor=staff["moderator"], publish=False)
    input_moderate(item=item, actor=staff["moderator"], publish=False, reason=ModerationReason.OFF_TOPIC)
    item.refresh_from_db()
    assert item.is_removed and item.moderation_reason == ModerationReason.OFF_TOPIC


# The shared forms (participation.forms_inputs)


def test_removing_needs_a_reason_and_publishing_does_not():
    assert ModerationForm({"decision": "publish"}).is_valid()
    form = ModerationForm({"decision": "remove"})
    assert not form.is_valid() and "reason" in form.errors
    form = ModerationForm({"decision": "remove", "reason": ModerationReason.ADVERTISING})
    assert form.is_valid() and not form.publish


@pytest.fixture
def pseudonymous(municipality):
    module = dummy_module(municipality=municipality)
    module.dialogue.public_identity = "pseudonym"
    return module


def test_a_comment_asks_for_a_pseudonym_only_where_the_dialogue_does(module, pseudonymous, resident):
    assert "pseudonym" not in CommentForm(dialogue=module.dialogue, user=resident).fields
    form = CommentForm({"text": "Ja"}, dialogue=module.dialogue, user=resident)
    assert form.is_valid() and form.pseudonym() == ""
    assert "pseudonym" in CommentForm(dialogue=pseudonymous.dialogue, user=resident).fields


def test_with_the_methods_names_the_pseudonym_used_before_is_kept_and_anothers_refused(pseudonymous, resident):
    dialogue = pseudonymous.dialogue
    idea(pseudonymous, author=resident, author_name="Myrtrast 12")
    idea(pseudonymous, author=UserFactory(), author_name="Skogsmus 1")
    form = CommentForm(dialogue=dialogue, user=resident, names=READS)
    assert form.fields["pseudonym"].initial == "Myrtrast 12"
    taken = CommentForm({"text": "Ja", "pseudonym": "skogsmus 1"}, dialogue=dialogue, user=resident, names=READS)
    assert not taken.is_valid() and "pseudonym" in taken.errors
    without_names = CommentForm({"text": "Ja", "pseudonym": "skogsmus 1"}, dialogue=dialogue, user=resident)
    assert without_names.is_valid() and without_names.pseudonym() == "skogsmus 1"


def test_the_results_read_records_with_the_methods_own_details(module, resident):
    reads = InputReads(DummyIdea, method_name="Idéer", record_details=lambda item: {"received_on": item.created_at})
    item = idea(module, author=resident, author_name="Rut")
    idea(module, status=ModerationStatus.REJECTED)
    [record] = reads.inputs(module)
    assert (record.ref, record.title, record.author_shown) == (f"dummy_method:{item.pk}", "Fler bänkar", "Rut")
    assert record.received_on == item.created_at and record.staff_url.endswith(f"/moderering/input/{item.pk}/")
    assert reads.inputs(module, ids=[]) == []
    assert reads.input_channels(module) == {"online": 1}


# Open data (participation.datasets)


def test_a_dataset_of_inputs_lists_published_ones_of_public_dialogues_by_id(municipality, module):
    decided = dummy_module(municipality=municipality, state=State.DECIDED)
    first, second = idea(module), idea(module)
    idea(module, status=ModerationStatus.PENDING)
    idea(decided)
    rows = datasets.published_inputs(READS, municipality, {}, lookups={})
    assert list(rows) == [first, second] and rows[0].support_count == 0
    assert list(datasets.published_inputs(READS, municipality, {"module": decided.pk}, lookups={})) == []
    assert list(datasets.published_inputs(READS, municipality, {"dialogue": module.dialogue_id}, lookups={})) == [
        first,
        second,
    ]
    narrowed = datasets.published_inputs(READS, municipality, {"text": "ANNAT"}, lookups={"text": "text__iexact"})
    assert list(narrowed) == []


def test_a_row_of_a_dataset_of_inputs_has_the_fields_in_their_order(municipality, module):
    item = READS.with_counts(DummyIdea.objects.filter(pk=idea(module).pk)).get()
    fields = datasets.input_fields(datasets.CATEGORY)
    row = datasets.input_row(item, created_on=item.created_at.date(), category=None)
    assert list(row) == [field.name for field in fields]
    assert [f.name for f in datasets.input_filters(datasets.CATEGORY_FILTER)] == ["dialogue", "module", "category"]
