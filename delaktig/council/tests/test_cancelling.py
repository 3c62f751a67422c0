"""A meeting is cancelled: its open questions are closed, the askers are told why and offered the next meeting, and
the meeting's page and appendix no longer offer question time."""

import pytest
import time_machine
from django.urls import reverse

from delaktig.core.audit import audit_events_for
from delaktig.council import services
from delaktig.council.models import Status
from delaktig.organisations.models import Role

from .factories import MeetingFactory, QuestionFactory, local

pytestmark = pytest.mark.django_db
NOW = local(2026, 11, 1, 12, 0)


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


def test_cancelling_closes_the_open_questions_and_tells_each_asker(
    client, municipality, staff, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(municipality=municipality, starts_at=local(2026, 12, 14, 18, 0))
    later = MeetingFactory(municipality=municipality, starts_at=local(2027, 2, 1, 18, 0))
    waiting = QuestionFactory(meeting=meeting, status=Status.SUBMITTED)
    approved = QuestionFactory(meeting=meeting, status=Status.APPROVED)
    refused = QuestionFactory(meeting=meeting, status=Status.REFUSED)
    client.force_login(staff[Role.REGISTRAR])
    url = reverse("council:staff_meeting_cancel", args=[municipality.slug, meeting.body_id, meeting.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"reason": "Inga ärenden att behandla."}).status_code == 302
    for question in (waiting, approved, refused):
        question.refresh_from_db()
    assert (waiting.status, approved.status, refused.status) == (
        Status.MEETING_CANCELLED,
        Status.MEETING_CANCELLED,
        Status.REFUSED,
    )
    assert audit_events_for(approved).last().actor == staff[Role.REGISTRAR]
    mails = {mail.to[0]: mail for mail in mailoutbox}
    assert set(mails) == {waiting.asker.email, approved.asker.email}
    mail = mails[waiting.asker.email]
    assert "inställt" in mail.subject and "Inga ärenden att behandla." in mail.body
    assert f"?mote={later.pk}" in mail.body and "1 februari 2027" in mail.body
    client.force_login(waiting.asker)
    receipt = client.get(reverse("council:receipt", args=[municipality.slug, waiting.pk])).content.decode()
    assert "Status nu: Sammanträdet ställdes in." in receipt and "besvaras på sammanträdet" not in receipt


def test_a_cancelled_meetings_page_offers_no_question_time_and_has_no_appendix(client, municipality):
    meeting = MeetingFactory(municipality=municipality, starts_at=local(2026, 12, 14, 18, 0))
    services.meeting_cancel(meeting=meeting, actor=None, reason="Inga ärenden.")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Sammanträdet är inställt." in page and "Allmänhetens frågestund" not in page
    assert "Ställ en fråga" not in page
    assert client.get(reverse("council:appendix", args=[municipality.slug, meeting.pk])).status_code == 404


def test_a_meeting_without_question_time_has_no_appendix(client, municipality):
    meeting = MeetingFactory(municipality=municipality, has_question_time=False)
    assert client.get(reverse("council:appendix", args=[municipality.slug, meeting.pk])).status_code == 404
