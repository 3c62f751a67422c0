"""A resident who comments online gets an e-mail receipt with the reference, what is public, what happens next and a
link; in a dialogue that keeps no account it goes at once and the address is kept nowhere; letters entered at the
desk get none."""

from unittest import mock

import pytest
from django.core import mail
from django.utils import formats, timezone

from delaktig.participation.models import Comment

from ..models import Remark
from .conftest import url
from .factories import paragraph_of, remark_on

pytestmark = pytest.mark.django_db


def _comment(client, module, slug, data, capture):
    mail.outbox.clear()
    with capture(execute=True):
        response = client.post(url("comment", module, slug), data)
    assert response.status_code == 302
    return response


def test_a_resident_gets_a_receipt_with_reference_place_period_and_link(
    client, resident, module, version, django_capture_on_commit_callbacks
):
    housing = paragraph_of(version, "200 nya bostäder")
    client.force_login(resident)
    data = {"text": "Bygg hyresrätter.", "represents": "organisation", "organisation": "Hyresgästföreningen"}
    response = _comment(client, module, housing.html_id, data, django_capture_on_commit_callbacks)
    remark = Remark.objects.get()
    assert [m.to for m in mail.outbox] == [[resident.email]]
    receipt = mail.outbox[0]
    assert receipt.subject == f"Vi har tagit emot din synpunkt ({remark.reference})"
    body = receipt.body
    assert remark.reference in body and version.title in body and housing.chapter.title in body
    assert "Hyresgästföreningen" in body and "samrådsredogörelse" in body
    ends = module.phases.get().ends_at
    assert formats.date_format(timezone.localtime(ends), "j F Y") in body
    assert f"{module.get_absolute_url()}#kommentar-{remark.pk}" in body
    done = client.get(response["Location"]).content.decode()
    assert remark.reference in done and "Hyresgästföreningen" in done and "kvitto" in done


def test_a_comment_waiting_for_a_moderator_says_so_and_links_to_its_place(
    client, resident, module, version, django_capture_on_commit_callbacks
):
    module.dialogue.moderation = "pre"
    module.dialogue.save(update_fields=["moderation"])
    client.force_login(resident)
    _comment(client, module, "hela", {"text": "Vänta.", "represents": "myself"}, django_capture_on_commit_callbacks)
    body = mail.outbox[0].body
    assert "moderator" in body and Remark.objects.get().reference in body
    assert "#kommentar-" not in body and module.get_absolute_url() in body


def test_a_dialogue_that_keeps_no_account_sends_the_receipt_at_once_and_keeps_no_address(
    client, resident, module, version, django_capture_on_commit_callbacks
):
    module.dialogue.public_identity = "anonymous_by_design"
    module.dialogue.save(update_fields=["public_identity"])
    client.force_login(resident)
    with mock.patch("delaktig.methods.consultations.tasks.remark_receipt_send") as task:
        data = {"text": "Utan konto.", "represents": "myself"}
        _comment(client, module, "hela", data, django_capture_on_commit_callbacks)
    assert not task.enqueue.called  # no task row holds the address
    comment = Comment.objects.get()
    assert comment.author is None and comment.author_name == ""
    assert mail.outbox[-1].to == [resident.email] and comment.consultation_remark.reference in mail.outbox[-1].body
    assert "inte sparat din e-postadress" in mail.outbox[-1].body


def test_a_letter_entered_at_the_desk_gets_no_receipt(module, version, staff, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        remark_on(
            module,
            version,
            version.document,
            entered_by=staff["officer"],
            channel="email",
            sender_name="Anna Andersson",
            sender_address="anna@example.org",
        )
    assert Remark.objects.count() == 1 and mail.outbox == []
