"""Letters and e-mails entered at the desk keep the sender out of public view; the consultation report groups every
comment by section with its summary, response and position, as Word with real headings and as a tagged PDF."""

import datetime
import io

import docx
import pytest
from django.urls import reverse
from pypdf import PdfReader

from delaktig.participation.models import DeskRecord

from .. import services
from ..models import Remark, ReportFile
from ..selectors import export_rows
from .conftest import url
from .factories import paragraph_of, remark_on

pytestmark = pytest.mark.django_db


def desk_url(module):
    return reverse("participation:desk", args=[module.dialogue.municipality.slug, module.dialogue_id])


def letter(module, housing, **extra):
    return {
        "module": module.pk,
        "channel": "paper",
        "received_on": "2026-11-02",
        "item-place": housing.html_id,
        "item-text": "Vi vill ha fler hyresrätter.",
        "item-represents": "organisation",
        "item-organisation": "Hyresgästföreningen",
        "item-sender_name": "Greta Brevskrivare",
        "item-sender_address": "Storgatan 1, Hagfors",
        **extra,
    }


def test_a_letter_is_entered_at_the_desk_and_the_sender_is_not_public(client, staff, module, version):
    housing = paragraph_of(version, "200 nya bostäder")
    client.force_login(staff["officer"])
    response = client.post(desk_url(module), letter(module, housing))
    assert response.status_code == 302
    remark = Remark.objects.get()
    assert (remark.received_on, remark.comment.channel) == (datetime.date(2026, 11, 2), "paper")
    assert remark.paragraph_anchor == housing.anchor and remark.sender_name == "Greta Brevskrivare"
    assert DeskRecord.objects.get().reference == remark.reference
    public = client.get(url("index", module)).content.decode()
    assert "Vi vill ha fler hyresrätter." in public and "Hyresgästföreningen" in public
    assert "Greta" not in public and "Storgatan" not in public
    assert "Greta" not in str(export_rows(module))
    staff_page = client.get(url("staff:comment", module, remark.comment_id)).content.decode()
    assert "Greta Brevskrivare" in staff_page and "Storgatan 1" in staff_page


def test_the_desk_explains_and_keeps_what_was_typed(client, staff, module, version):
    housing = paragraph_of(version, "200 nya bostäder")
    client.force_login(staff["officer"])
    response = client.post(desk_url(module), letter(module, housing, **{"item-organisation": ""}))
    page = response.content.decode()
    assert "Skriv namnet på organisationen" in page and "Vi vill ha fler hyresrätter." in page
    assert not Remark.objects.exists()


def report_data(module, version, staff):
    housing = paragraph_of(version, "200 nya bostäder")
    first = remark_on(
        module,
        version,
        housing,
        text="Fler hyresrätter.",
        represents="organisation",
        organisation="Hyresgästföreningen",
    )
    second = remark_on(module, version, version.document, text="Bra plan.")
    services.position_set(
        remark=first, position="partly", response="Vi prövar det i detaljplanen.", actor=staff["officer"]
    )
    services.summary_set(
        document=version.document,
        chapter_anchor=housing.chapter.anchor,
        text="Många vill ha hyresrätter.",
        actor=staff["officer"],
    )
    services.answer_create(
        comment=second.comment, module=module, author=staff["elected_official"], role="politician", text="Tack!"
    )
    return first, second


def made(client, module, capture):
    """Ask for the report's files on the report page; the background task runs after the commit."""
    assert client.get(url("staff:report_docx", module)).status_code == 404  # nothing made yet
    with capture(execute=True):
        response = client.post(url("staff:report", module), {"generate": "1"})
    assert response.status_code == 302
    assert list(ReportFile.objects.values_list("status", "error")) == [("done", "")]
    page = client.get(url("staff:report", module)).content.decode()
    assert "Ladda ner som Word" in page, page[page.find('id="filer"') :][:1500]


def test_the_report_in_word_holds_every_comment_with_its_response(
    client, staff, module, version, django_capture_on_commit_callbacks
):
    first, second = report_data(module, version, staff)
    client.force_login(staff["officer"])
    page = client.get(url("staff:report", module)).content.decode()
    assert "Många vill ha hyresrätter." in page and "Beaktas delvis" in page
    made(client, module, django_capture_on_commit_callbacks)
    response = client.get(url("staff:report_docx", module))
    opened = docx.Document(io.BytesIO(b"".join(response.streaming_content)))
    headings = [p.text for p in opened.paragraphs if p.style.name.startswith("Heading")]
    assert "Bostäder" in headings and "Dokumentet som helhet" in headings
    assert f"{first.reference} · Hyresgästföreningen (organisation)" in headings
    body = "\n".join(p.text for p in opened.paragraphs)
    for text in (
        "Fler hyresrätter.",
        "Bra plan.",
        "Vi prövar det i detaljplanen.",
        "Många vill ha hyresrätter.",
        "Tack!",
        "Beaktas delvis",
    ):
        assert text in body


def test_the_report_pdf_is_tagged(client, staff, module, version, django_capture_on_commit_callbacks):
    report_data(module, version, staff)
    client.force_login(staff["officer"])
    made(client, module, django_capture_on_commit_callbacks)
    response = client.get(url("staff:report_pdf", module))
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/Lang"] == "sv"
    assert "Fler hyresrätter." in "".join(page.extract_text() for page in reader.pages)


def test_summaries_and_positions_need_an_officer(client, staff, module, version):
    first, _second = report_data(module, version, staff)
    client.force_login(staff["elected_official"])
    assert client.get(url("staff:report", module)).status_code == 200
    assert client.post(url("staff:report", module), {"section": "0", "s0-text": "x"}).status_code == 403
    assert client.post(url("staff:report", module), {"generate": "1"}).status_code == 403
    client.force_login(staff["officer"])
    refused = client.post(url("staff:report", module), {"section": "999999", "s999999-text": "x"}, follow=True)
    assert "Välj en del av dokumentet" in refused.content.decode()
    client.post(url("staff:report", module), {"section": "0", "s0-text": "Allmänt positivt."})
    assert "Allmänt positivt." in client.get(url("staff:report", module)).content.decode()
    response = client.post(url("staff:comment", module, first.comment_id), {"form": "position", "response": "Nej."})
    assert "Välj om synpunkten beaktas" in response.content.decode() and "Nej." in response.content.decode()


def test_only_the_person_who_entered_a_letter_takes_it_back_and_only_for_a_while(staff, module, version):
    from django.utils import timezone

    from delaktig.participation.models import Comment

    from ..desk import desk_undo

    data = {"place": "hela", "text": "Brev.", "represents": "myself", "organisation": ""}
    from ..desk import desk_save

    item = desk_save(
        module, data, actor=staff["officer"], channel="email", received_on=timezone.localdate(), occasion=None, group=""
    )
    assert not desk_undo(module, item.item_id, actor=staff["democracy_officer"])
    Comment.objects.filter(pk=item.item_id).update(created_at=timezone.now() - datetime.timedelta(hours=1))
    assert not desk_undo(module, item.item_id, actor=staff["officer"])
    Comment.objects.filter(pk=item.item_id).update(created_at=timezone.now())
    assert desk_undo(module, item.item_id, actor=staff["officer"]) and not Remark.objects.exists()
