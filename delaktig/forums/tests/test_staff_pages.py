"""Staff manage forums, members, meetings, matters and statements; bad input is refused in words, nothing lost."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from delaktig.core.audit import audit_events_for
from delaktig.forums.models import Forum, ForumMeeting, ForumMember, Statement
from delaktig.organisations.models import Role

from .factories import ConsultationFactory, ForumFactory, ForumMeetingFactory, ForumMemberFactory

pytestmark = pytest.mark.django_db


def url(name, municipality, *args):
    return reverse(f"forums:{name}", args=[municipality.slug, *args])


def member_data(**changes):
    return {
        "name": "Amina Yusuf",
        "role": "member",
        "represents": "Hagfors gymnasium",
        "term_start": "2026-01-01",
        "term_end": "2027-12-31",
        "email": "",
        "phone": "",
        **changes,
    }


@pytest.fixture
def officer_client(client, staff):
    client.force_login(staff[Role.OFFICER])
    return client


def test_staff_add_a_forum_and_the_change_is_audited(officer_client, municipality):
    data = {"name": "Mångfaldsrådet", "kind": "diversity", "purpose": "Råd om mångfald.", "body": ""}
    response = officer_client.post(url("staff_forum_create", municipality), data)
    forum = Forum.objects.get()
    assert response.status_code == 302 and forum.municipality == municipality
    assert audit_events_for(forum).get().action == "forum.create"
    assert officer_client.get(url("staff_forums", municipality)).status_code == 200
    assert officer_client.get(url("staff_forum", municipality, forum.pk)).status_code == 200


def test_a_second_forum_of_the_same_name_is_refused_in_words(officer_client, municipality):
    ForumFactory(municipality=municipality, name="Ungdomsrådet")
    data = {"name": "ungdomsrådet", "kind": "youth", "purpose": "Igen.", "body": ""}
    response = officer_client.post(url("staff_forum_create", municipality), data)
    assert response.status_code == 200 and "Det finns redan ett forum med det namnet" in response.content.decode()


def test_a_member_is_appointed_with_a_term(officer_client, municipality):
    forum = ForumFactory(municipality=municipality)
    response = officer_client.post(url("staff_member_create", municipality, forum.pk), member_data())
    member = ForumMember.objects.get()
    assert response.status_code == 302 and member.forum == forum
    assert audit_events_for(member).get().action == "forum_member.create"


def test_overlapping_terms_of_the_same_person_are_refused_and_what_was_typed_is_kept(officer_client, municipality):
    forum = ForumFactory(municipality=municipality)
    ForumMemberFactory(forum=forum, name="Amina Yusuf", term_start="2026-01-01", term_end="2026-12-31")
    data = member_data(name="  amina   yusuf ", term_start="2026-06-01", term_end="2027-05-31", represents="Elevkåren")
    response = officer_client.post(url("staff_member_create", municipality, forum.pk), data)
    html = response.content.decode()
    assert response.status_code == 200 and ForumMember.objects.count() == 1
    assert "redan utsedd" in html and "överlappar" in html and 'value="Elevkåren"' in html


def test_a_following_term_of_the_same_person_is_fine(officer_client, municipality):
    forum = ForumFactory(municipality=municipality)
    ForumMemberFactory(forum=forum, name="Amina Yusuf", term_start="2026-01-01", term_end="2026-12-31")
    data = member_data(term_start="2027-01-01", term_end="")
    response = officer_client.post(url("staff_member_create", municipality, forum.pk), data)
    assert response.status_code == 302 and ForumMember.objects.count() == 2


def test_an_open_ended_term_overlaps_every_later_term(officer_client, municipality):
    forum = ForumFactory(municipality=municipality)
    ForumMemberFactory(forum=forum, name="Amina Yusuf", term_start="2026-01-01", term_end=None)
    response = officer_client.post(
        url("staff_member_create", municipality, forum.pk), member_data(term_start="2030-01-01")
    )
    assert response.status_code == 200 and ForumMember.objects.count() == 1


def test_changing_a_member_does_not_collide_with_the_same_appointment(officer_client, municipality):
    member = ForumMemberFactory(forum=ForumFactory(municipality=municipality), name="Amina Yusuf")
    data = member_data(role="chair")
    response = officer_client.post(url("staff_member", municipality, member.forum_id, member.pk), data)
    member.refresh_from_db()
    assert response.status_code == 302 and member.role == "chair"


def test_a_term_that_ends_before_it_starts_is_refused_in_words(officer_client, municipality):
    forum = ForumFactory(municipality=municipality)
    data = member_data(term_start="2027-01-01", term_end="2026-01-01")
    response = officer_client.post(url("staff_member_create", municipality, forum.pk), data)
    html = response.content.decode()
    assert response.status_code == 200 and not ForumMember.objects.exists()
    assert "Mandatperioden måste sluta" in html and 'value="Amina Yusuf"' in html


def meeting_data(**changes):
    return {"held_on": "2026-04-14", "place": "Kommunhuset", "agenda": "1. Skateparken", "minutes": "", **changes}


def test_a_meeting_with_its_agenda_as_pdf_is_saved_and_public(officer_client, client, municipality):
    forum = ForumFactory(municipality=municipality)
    pdf = SimpleUploadedFile("dagordning.pdf", b"%PDF-1.4 dagordning", content_type="application/pdf")
    response = officer_client.post(url("staff_meeting_create", municipality, forum.pk), meeting_data(agenda_file=pdf))
    meeting = ForumMeeting.objects.get()
    assert response.status_code == 302 and meeting.agenda_file
    assert audit_events_for(meeting).get().action == "forum_meeting.create"
    client.logout()
    download = client.get(url("meeting_file", municipality, forum.pk, meeting.pk, "dagordning"))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF-")
    assert client.get(url("meeting_file", municipality, forum.pk, meeting.pk, "protokoll")).status_code == 404


def test_an_attached_agenda_is_kept_when_the_meeting_is_changed_and_can_be_removed(officer_client, municipality):
    forum = ForumFactory(municipality=municipality)
    pdf = SimpleUploadedFile("dagordning.pdf", b"%PDF-1.4 dagordning", content_type="application/pdf")
    officer_client.post(url("staff_meeting_create", municipality, forum.pk), meeting_data(agenda_file=pdf))
    meeting = ForumMeeting.objects.get()
    edit = url("staff_meeting", municipality, forum.pk, meeting.pk)
    assert officer_client.post(edit, meeting_data(place="Folkets hus")).status_code == 302
    meeting.refresh_from_db()
    assert meeting.place == "Folkets hus" and meeting.agenda_file.name.endswith(".pdf")
    assert officer_client.post(edit, meeting_data(**{"agenda_file-clear": "on"})).status_code == 302
    meeting.refresh_from_db()
    assert not meeting.agenda_file and meeting.agenda_file.name == ""


@pytest.mark.parametrize(
    ("field", "upload", "message"),
    [
        (
            "agenda_file",
            SimpleUploadedFile("dagordning.docx", b"PK\x03\x04", content_type="application/msword"),
            "Ladda upp föredragningslistan som en pdf-fil",
        ),
        (
            "minutes_file",
            SimpleUploadedFile("protokoll.pdf", b"inte en pdf", content_type="application/pdf"),
            "Ladda upp protokollet som en pdf-fil",
        ),
    ],
)
def test_an_attachment_of_the_wrong_type_is_refused_and_the_text_kept(
    officer_client, municipality, field, upload, message
):
    forum = ForumFactory(municipality=municipality)
    response = officer_client.post(url("staff_meeting_create", municipality, forum.pk), meeting_data(**{field: upload}))
    html = response.content.decode()
    assert response.status_code == 200 and not ForumMeeting.objects.exists()
    assert message in html and "1. Skateparken" in html


def test_a_too_large_attachment_is_refused_in_words(officer_client, municipality, monkeypatch):
    from delaktig.forums import forms

    monkeypatch.setattr(forms, "MAX_FILE_BYTES", 10)
    forum = ForumFactory(municipality=municipality)
    pdf = SimpleUploadedFile("protokoll.pdf", b"%PDF-1.4 " + b"x" * 100, content_type="application/pdf")
    response = officer_client.post(url("staff_meeting_create", municipality, forum.pk), meeting_data(minutes_file=pdf))
    assert response.status_code == 200 and "Filen är större än 20 MB" in response.content.decode()
    assert not ForumMeeting.objects.exists()


def test_a_matter_with_a_statement_and_the_decision_is_recorded(officer_client, municipality):
    forum = ForumFactory(municipality=municipality)
    meeting = ForumMeetingFactory(forum=forum)
    data = {
        "title": "Ny skatepark",
        "description": "",
        "asked_on": "2026-03-01",
        "registration_number": "KS 2026/12",
        "deciding_body": "",
        "response": "",
        "responded_on": "",
    }
    response = officer_client.post(url("staff_consultation_create", municipality, forum.pk), data)
    consultation = forum.consultations.get()
    assert response.status_code == 302
    statement = {"given_on": "2026-03-20", "meeting": meeting.pk, "text": "Lägg parken nära bussen."}
    response = officer_client.post(url("staff_statement_create", municipality, forum.pk, consultation.pk), statement)
    assert response.status_code == 302 and Statement.objects.get().meeting == meeting
    decided = data | {"response": "Parken placeras vid busstationen.", "responded_on": "2026-05-01"}
    officer_client.post(url("staff_consultation", municipality, forum.pk, consultation.pk), decided)
    consultation.refresh_from_db()
    assert consultation.response.startswith("Parken")
    actions = sorted(e.action for e in audit_events_for(consultation))
    assert actions == ["forum_matter.create", "forum_matter.update"]


def test_a_decision_without_a_date_is_refused_in_words(officer_client, municipality):
    consultation = ConsultationFactory(forum=ForumFactory(municipality=municipality))
    data = {"title": "Ny skatepark", "asked_on": "2026-03-01", "response": "Beslutat.", "responded_on": ""}
    response = officer_client.post(
        url("staff_consultation", municipality, consultation.forum_id, consultation.pk), data
    )
    assert response.status_code == 200 and "Ange när det beslutande organet beslutade" in response.content.decode()


def test_another_municipalitys_forum_is_404(officer_client, municipality, other_municipality):
    foreign = ForumFactory(municipality=other_municipality)
    member = ForumMemberFactory(forum=foreign)
    consultation = ConsultationFactory(forum=foreign)
    assert officer_client.get(url("staff_forum", municipality, foreign.pk)).status_code == 404
    assert officer_client.get(url("staff_member", municipality, foreign.pk, member.pk)).status_code == 404
    assert officer_client.post(url("staff_member_create", municipality, foreign.pk), member_data()).status_code == 404
    assert officer_client.get(url("staff_consultation", municipality, foreign.pk, consultation.pk)).status_code == 404
    assert officer_client.get(url("forum", municipality, foreign.pk)).status_code == 404
    own = ForumFactory(municipality=municipality)
    assert officer_client.get(url("staff_member", municipality, own.pk, member.pk)).status_code == 404


def test_roles_without_forum_work_are_refused(client, municipality, staff):
    forum = ForumFactory(municipality=municipality)
    client.force_login(staff[Role.MODERATOR])
    assert client.get(url("staff_forum", municipality, forum.pk)).status_code == 403
    assert client.get(url("staff_forums", municipality)).status_code == 403
