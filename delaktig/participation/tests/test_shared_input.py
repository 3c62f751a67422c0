"""The input, support and reads a method builds on when residents support and comment on each other's input
(AbstractInput, AbstractSupport), tried on the dummy method's DummyIdea."""

import pytest
from django.db import IntegrityError

from delaktig.accounts.tests.factories import UserFactory
from delaktig.participation.models import ModerationStatus
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
