"""Residents read the document with its table of contents and comment counts, download it, comment on the whole,
a chapter or a paragraph saying whom they represent, and follow it; comments on a closed document are refused."""

import io
import re

import docx
import pytest
from django.core import mail

from delaktig.participation.models import Comment, ModerationStatus

from .. import services
from ..models import Follower, Remark
from .conftest import url
from .factories import consultation_module, paragraph_of, published_plan, remark_on

pytestmark = pytest.mark.django_db


def test_the_reading_page_has_contents_paragraphs_and_counts(client, module, version):
    housing = paragraph_of(version, "200 nya bostäder")
    remark_on(module, version, housing, text="Fler hyresrätter.")
    page = client.get(url("index", module)).content.decode()
    assert "Innehåll" in page and f'href="#{housing.chapter.html_id}"' in page
    assert f'id="{housing.html_id}"' in page and "1 synpunkt" in page and "Fler hyresrätter." in page
    assert url("comment", module, housing.html_id) in page


def test_the_whole_document_downloads_as_word(client, module, version):
    response = client.get(url("download", module))
    opened = docx.Document(io.BytesIO(b"".join(response.streaming_content)))
    headings = [p.text for p in opened.paragraphs if p.style.name.startswith("Heading")]
    assert "Bostäder" in headings and "Natur" in headings


def test_a_resident_comments_on_a_paragraph_as_an_organisation(client, resident, module, version):
    housing = paragraph_of(version, "200 nya bostäder")
    client.force_login(resident)
    form = client.get(url("comment", module, housing.html_id)).content.decode()
    assert "200 nya bostäder" in form and "Vem företräder du?" in form
    response = client.post(
        url("comment", module, housing.html_id),
        {"text": "Bygg hyresrätter.", "represents": "organisation", "organisation": "Hyresgästföreningen"},
    )
    assert response.status_code == 302
    remark = Remark.objects.get()
    assert (remark.paragraph_anchor, remark.chapter_anchor) == (housing.anchor, housing.chapter.anchor)
    assert remark.comment.target == housing and remark.organisation == "Hyresgästföreningen"
    done = client.get(response["Location"]).content.decode()
    assert remark.reference in done and "samrådsredogörelse" in done


def test_an_organisation_must_be_named_and_the_text_is_kept(client, resident, module, version):
    client.force_login(resident)
    response = client.post(url("comment", module, "hela"), {"text": "Min synpunkt.", "represents": "authority"})
    page = response.content.decode()
    assert "Skriv namnet på organisationen" in page and "Min synpunkt." in page and not Comment.objects.exists()
    assert client.get(url("comment", module, "stycke-99999")).status_code == 404
    assert client.get(url("comment", module, "nonsense")).status_code == 404


def test_a_closed_document_refuses_comments_in_words(client, resident, municipality):
    module = consultation_module(municipality=municipality, phase=None)
    published_plan(module)
    client.force_login(resident)
    refused = client.get(url("comment", module, "hela"))
    assert refused.status_code == 200 and "Samrådstiden är slut" in refused.content.decode()
    posted = client.post(url("comment", module, "hela"), {"text": "Sent.", "represents": "myself"})
    assert "Samrådstiden är slut" in posted.content.decode() and "Sent." in posted.content.decode()
    assert not Comment.objects.exists()
    reading = client.get(url("index", module)).content.decode()
    assert "Samrådstiden är slut" in reading and "Lämna synpunkt på stycket" not in reading


def test_anonymous_visitors_are_sent_to_log_in(client, module, version):
    response = client.get(url("comment", module, "hela"))
    assert response.status_code == 302 and "logga-in" in response["Location"]


def test_a_pre_moderated_comment_waits_in_the_central_queue(client, resident, staff, module, version):
    module.dialogue.moderation = "pre"
    module.dialogue.save(update_fields=["moderation"])
    client.force_login(resident)
    client.post(url("comment", module, "hela"), {"text": "Vänta på mig.", "represents": "myself"})
    comment = Comment.objects.get()
    assert comment.status == ModerationStatus.PENDING
    assert "Vänta på mig." not in client.get(url("index", module)).content.decode()
    from delaktig.participation.moderation import WaitingItems

    waiting = WaitingItems(module.dialogue.municipality)
    assert waiting.count() == 1 and waiting[0:1][0].url.startswith(url("staff:comments", module))
    client.force_login(staff["moderator"])
    client.post(url("staff:comments", module), {"comment": comment.pk, "publish": "0", "reason": ""})
    assert Comment.objects.get().status == ModerationStatus.PENDING  # a reason is needed to remove
    client.post(url("staff:comments", module), {"comment": comment.pk, "publish": "1"})
    assert Comment.objects.get().status == ModerationStatus.PUBLISHED


def test_followers_get_an_e_mail_when_an_official_answer_comes(
    client, resident, staff, module, version, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    client.post(url("follow", module), {"follow": "1"})
    assert Follower.objects.filter(user=resident).exists()
    remark = remark_on(module, version, paragraph_of(version, "200 nya bostäder"), text="Varför 200?")
    client.force_login(staff["elected_official"])
    page = client.get(url("staff:comment", module, remark.comment_id)).content.decode()
    assert "Kommunens ställningstagande" not in page  # politicians answer; officers set positions
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("staff:comment", module, remark.comment_id),
            {"form": "answer", "role": "politician", "text": "Det behövs fler bostäder."},
        )
    assert response.status_code == 302
    public = client.get(url("index", module)).content.decode()
    assert "Det behövs fler bostäder." in public and "Officiellt svar" in public
    assert [m.to for m in mail.outbox] == [[resident.email]] and "Det behövs fler bostäder." in mail.outbox[0].body


def test_an_empty_answer_is_refused_and_the_role_kept(client, staff, module, version):
    remark = remark_on(module, version, version.document)
    client.force_login(staff["officer"])
    response = client.post(url("staff:comment", module, remark.comment_id), {"form": "answer", "role": "officer"})
    page = response.content.decode()
    assert "Skriv svaret" in page and "checked" in page
    assert not remark.comment.consultation_answers.exists()


def test_the_answer_form_starts_as_the_role_the_person_has(client, staff, module, version):
    remark = remark_on(module, version, version.document)
    checked = re.compile(r'<input type="radio" name="role" value="(\w+)"[^>]*\bchecked')
    client.force_login(staff["officer"])
    assert checked.findall(client.get(url("staff:comment", module, remark.comment_id)).content.decode()) == ["officer"]
    client.force_login(staff["elected_official"])
    page = client.get(url("staff:comment", module, remark.comment_id)).content.decode()
    assert checked.findall(page) == ["politician"]


def test_another_municipality_s_comment_is_a_404(client, staff, module, version, other_municipality):
    other = consultation_module(municipality=other_municipality)
    other_version = published_plan(other)
    foreign = remark_on(other, other_version, other_version.document)
    client.force_login(staff["officer"])
    assert client.get(url("staff:comment", module, foreign.comment_id)).status_code == 404
    assert (
        client.post(url("staff:comments", module), {"comment": foreign.comment_id, "publish": "1"}).status_code == 404
    )


def test_erasing_a_resident_keeps_the_text_without_the_name(module, version, resident):
    remark_on(module, version, version.document, user=resident, text="Min text.")
    services.follow_set(document=version.document, user=resident, follow=True)
    from ..selectors import erase, personal_data

    assert len(personal_data(resident)) == 2
    assert erase(resident) == 2 and personal_data(resident) == []
    assert Comment.objects.get().text == "Min text."


def test_a_pseudonym_dialogue_asks_for_one_and_explains_a_bad_one(client, resident, module, version):
    module.dialogue.public_identity = "pseudonym"
    module.dialogue.save(update_fields=["public_identity"])
    client.force_login(resident)
    assert "pseudonym" in client.get(url("comment", module, "hela")).content.decode()
    data = {"text": "Hej.", "represents": "myself", "pseudonym": resident.name}
    refused = client.post(url("comment", module, "hela"), data)
    assert refused.status_code == 200 and not Comment.objects.exists()
    client.post(url("comment", module, "hela"), {**data, "pseudonym": "Skogsmus 417"})
    assert Comment.objects.get().author_name == "Skogsmus 417"


def test_the_pseudonym_used_before_is_offered_and_anothers_is_refused(client, resident, module, version):
    from delaktig.accounts.tests.factories import UserFactory

    module.dialogue.public_identity = "pseudonym"
    module.dialogue.save(update_fields=["public_identity"])
    data = {"text": "Hej.", "represents": "myself"}
    client.force_login(UserFactory())
    client.post(url("comment", module, "hela"), {**data, "pseudonym": "Skogsmus 417"})
    client.force_login(resident)
    refused = client.post(url("comment", module, "hela"), {**data, "pseudonym": "skogsmus 417"})
    assert "Någon annan skriver redan" in refused.content.decode() and Comment.objects.count() == 1
    client.post(url("comment", module, "hela"), {**data, "pseudonym": "Ekorre 3"})
    assert 'value="Ekorre 3"' in client.get(url("comment", module, "hela")).content.decode()


def test_a_reading_phase_says_comments_are_not_taken(client, resident, municipality):
    module = consultation_module(municipality=municipality, phase="reading")
    published_plan(module)
    client.force_login(resident)
    assert "Det går inte att lämna synpunkter" in client.get(url("comment", module, "hela")).content.decode()
