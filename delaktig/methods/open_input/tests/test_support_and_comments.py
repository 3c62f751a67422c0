"""Supporting and commenting: once per person, whatever the browser sends."""

import pytest
from django.db import IntegrityError

from delaktig.core.models import AuditEvent
from delaktig.participation.models import Comment, ModerationStatus

from ..models import Support
from ..services import support_toggle
from .conftest import url
from .factories import InputFactory, open_input_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def rut(client, resident):
    client.force_login(resident)
    return client


def test_supporting_twice_counts_once(rut, module, published, resident):
    for _ in range(2):
        assert rut.post(url("support", module, published.pk), {"support": "add"}).status_code == 302
    assert Support.objects.filter(input=published, user=resident).count() == 1
    assert AuditEvent.objects.filter(action="open_input.support").count() == 1
    assert rut.get(url("detail", module, published.pk)).context["input"].support_count == 1


def test_support_can_be_withdrawn_twice_without_error(rut, module, published):
    rut.post(url("support", module, published.pk), {"support": "add"})
    for _ in range(2):
        assert rut.post(url("support", module, published.pk), {"support": "remove"}).status_code == 302
    assert not Support.objects.exists()


def test_the_service_relies_on_the_database_constraint(published, resident):
    assert support_toggle(item=published, user=resident) is True
    assert support_toggle(item=published, user=resident) is False
    with pytest.raises(IntegrityError):
        Support.objects.create(input=published, user=resident)


def test_a_comment_is_published_and_listed(rut, module, published, resident):
    response = rut.post(url("comment", module, published.pk), {"text": "Bra idé!"})
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.target == published and comment.author == resident
    detail = rut.get(url("detail", module, published.pk))
    assert detail.context["comments"] == [comment]
    assert detail.context["input"].comment_count == 1


def test_a_comment_waits_in_a_pre_moderated_dialogue(rut, municipality):
    module = open_input_module(municipality=municipality, moderation="pre")
    item = InputFactory(module=module)
    rut.post(url("comment", module, item.pk), {"text": "Vänta"})
    assert Comment.objects.get().status == ModerationStatus.PENDING
    assert rut.get(url("detail", module, item.pk)).context["comments"] == []


def test_an_empty_or_oversized_comment_is_a_form_error(rut, module, published):
    for text in ("", "x" * 4001):
        response = rut.post(url("comment", module, published.pk), {"text": text})
        assert response.status_code == 200
        assert response.context["comment_form"].errors
    assert not Comment.objects.exists()


def test_anonymous_support_goes_to_login_and_back_to_the_input(client, module, published):
    response = client.post(url("support", module, published.pk))
    assert response.status_code == 302
    assert "/konto/logga-in/" in response["Location"]
    assert response["Location"].endswith("next=" + url("detail", module, published.pk))
