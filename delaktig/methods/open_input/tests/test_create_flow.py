"""Rut gives her input: write, check her answers, send, see the reference number and get a receipt."""

import pytest
from django.core import mail

from delaktig.core.models import AuditEvent
from delaktig.participation.models import ModerationStatus

from ..models import Input
from .conftest import url
from .factories import open_input_module

pytestmark = pytest.mark.django_db
DRAFT = {"title": "Fler bänkar vid lekplatsen", "text": "Äldre behöver kunna vila.", "category": "Lek"}


@pytest.fixture
def rut(client, resident):
    client.force_login(resident)
    return client


def test_rut_gives_her_input(rut, module, resident, django_capture_on_commit_callbacks):
    response = rut.post(url("create", module), DRAFT)
    assert response.status_code == 302 and response["Location"] == url("create_check", module)
    check = rut.get(url("create_check", module)).content.decode()
    assert DRAFT["title"] in check and DRAFT["text"] in check
    assert "personuppgifter" in check  # the warning not to write personal data about others
    with django_capture_on_commit_callbacks(execute=True):
        response = rut.post(url("create_check", module))
    item = Input.objects.get()
    assert response["Location"] == url("create_done", module, item.pk)
    assert (item.author, item.title, item.category, item.status) == (resident, DRAFT["title"], "Lek", "published")
    done = rut.get(response["Location"]).content.decode()
    assert f"IN-{item.pk}" in done
    assert AuditEvent.objects.filter(action="open_input.create", target_id=item.pk).exists()
    assert len(mail.outbox) == 1
    receipt = mail.outbox[0]
    assert receipt.to == [resident.email]
    assert f"IN-{item.pk}" in receipt.subject and f"IN-{item.pk}" in receipt.body
    assert item.get_absolute_url() in receipt.body
    assert "Tack" in receipt.body  # Swedish by default


def test_going_back_keeps_what_was_typed(rut, module):
    rut.post(url("create", module), DRAFT)
    page = rut.get(url("create", module)).content.decode()
    assert DRAFT["title"] in page and DRAFT["text"] in page


def test_invalid_input_keeps_what_was_typed_and_says_what_is_wrong(rut, module):
    response = rut.post(url("create", module), {"title": "", "text": "Mina tankar om parken", "category": "Lek"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "error-summary" in page and "Mina tankar om parken" in page
    assert not Input.objects.exists()


def test_oversized_text_gives_a_form_error(rut, module):
    response = rut.post(url("create", module), {"title": "Lång", "text": "x" * 4001})
    assert response.status_code == 200
    assert "text" in response.context["form"].errors
    assert rut.post(url("create", module), {"title": "y" * 151, "text": "kort"}).context["form"].errors["title"]


def test_a_category_that_is_not_offered_is_an_error(rut, module):
    response = rut.post(url("create", module), {**DRAFT, "category": "Påhittad"})
    assert response.status_code == 200 and "category" in response.context["form"].errors


def test_a_module_without_categories_does_not_ask_for_one(rut, municipality):
    module = open_input_module(municipality=municipality)
    assert "category" not in rut.get(url("create", module)).context["form"].fields
    rut.post(url("create", module), {"title": "Utan", "text": "kategori"})
    rut.post(url("create_check", module))
    assert Input.objects.get().category == ""


def test_sending_twice_creates_one_input(rut, module):
    rut.post(url("create", module), DRAFT)
    first = rut.post(url("create_check", module))
    second = rut.post(url("create_check", module))
    assert Input.objects.count() == 1
    assert second.status_code == 302 and second["Location"] == first["Location"]


def test_two_requests_with_the_same_draft_create_one_input(rut, module):
    """Two tabs, or a double click that reaches the server twice: both carry the same draft."""
    rut.post(url("create", module), DRAFT)
    draft = rut.session[f"open_input:draft:{module.pk}"]
    rut.post(url("create_check", module))
    session = rut.session
    session[f"open_input:draft:{module.pk}"] = draft
    session.save()
    rut.post(url("create_check", module))
    assert Input.objects.count() == 1


def test_checking_without_a_draft_goes_back_to_writing(rut, module):
    assert rut.get(url("create_check", module))["Location"] == url("create", module)


def test_pre_moderated_input_waits_and_the_confirmation_says_so(rut, municipality, resident):
    module = open_input_module(municipality=municipality, moderation="pre")
    rut.post(url("create", module), {"title": "Vänta", "text": "på moderering"})
    done = rut.get(rut.post(url("create_check", module))["Location"]).content.decode()
    item = Input.objects.get()
    assert item.status == ModerationStatus.PENDING
    assert "innan vi publicerar" in done
    assert rut.get(url("index", module)).context["page"].paginator.count == 0
    assert rut.get(url("detail", module, item.pk)).status_code == 200  # the writer sees it


def test_post_moderated_input_is_published_at_once(rut, module):
    rut.post(url("create", module), DRAFT)
    rut.post(url("create_check", module))
    assert rut.get(url("index", module)).context["page"].paginator.count == 1


def test_only_the_writer_sees_the_confirmation(client, rut, module, staff):
    rut.post(url("create", module), DRAFT)
    done_url = rut.post(url("create_check", module))["Location"]
    client.force_login(staff["officer"])
    assert client.get(done_url).status_code == 404


def test_anonymous_is_sent_to_log_in_and_back(client, module):
    response = client.get(url("create", module))
    assert response.status_code == 302
    assert "/konto/logga-in/" in response["Location"] and "next=" in response["Location"]
