"""The public pages: calendars, the ICS feed, a meeting with its questions, the appendix, the archive; another
municipality's objects are 404 and malformed parameters never fail."""

import datetime
import io

import icalendar
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from delaktig.council.models import Status, Topic

from .factories import STOCKHOLM, MeetingFactory, QuestionFactory, local

pytestmark = pytest.mark.django_db
NOW = local(2026, 10, 1, 12, 0)


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def meeting(municipality):
    return MeetingFactory(municipality=municipality, starts_at=local(2026, 10, 25, 2, 30))  # summer time still


def url(name, municipality, *args):
    return reverse(f"council:{name}", args=[municipality.slug, *args])


def test_the_municipal_calendar_and_the_body_page_list_coming_and_past_meetings(client, municipality, meeting):
    past = MeetingFactory(municipality=municipality, starts_at=local(2026, 3, 2, 18, 0), minutes_url="https://x.se/p")
    page = client.get(url("calendar", municipality)).content.decode()
    assert "25 oktober 2026" in page and "2 mars 2026" in page
    assert page.index("25 oktober 2026") < page.index("Tidigare sammanträden") < page.index("2 mars 2026")
    body_page = client.get(url("body", municipality, meeting.body_id)).content.decode()
    assert "kalender.ics" in body_page and f"?mote={meeting.pk}" in body_page and past.place in body_page


def test_the_past_meetings_are_paginated(client, municipality):
    for day in range(1, 26):
        MeetingFactory(municipality=municipality, starts_at=local(2026, 1, day, 18, 0))
    first = client.get(url("calendar", municipality)).content.decode()
    second = client.get(url("calendar", municipality) + "?page=2").content.decode()
    assert "Sida 1 av 2" in first and "torsdag 1 januari 2026" not in first and "torsdag 1 januari 2026" in second
    assert client.get(url("calendar", municipality) + "?page=abc").status_code == 200


def test_the_ics_feed_parses_with_the_right_times_across_daylight_saving(client, municipality, meeting):
    winter = MeetingFactory(municipality=municipality, starts_at=local(2026, 12, 7, 18, 0))
    response = client.get(url("body_ics", municipality, meeting.body_id))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(event["uid"]): event for event in calendar.walk("VEVENT")}
    october = events[f"council-meeting-{meeting.pk}@{municipality.slug}.delaktig"]
    starts = october.decoded("dtstart")
    assert starts == local(2026, 10, 25, 2, 30) and starts.utcoffset() == datetime.timedelta(hours=2)
    assert october.decoded("dtend") == meeting.ends_at
    december = events[f"council-meeting-{winter.pk}@{municipality.slug}.delaktig"].decoded("dtstart")
    assert december.astimezone(datetime.UTC).hour == 17 and december.astimezone(STOCKHOLM).hour == 18
    assert str(october["location"]) == meeting.place and "frågestund" in str(october["summary"])


def test_a_cancelled_meeting_is_cancelled_in_the_feed(client, municipality, meeting):
    meeting.cancelled_at, meeting.cancellation_reason, meeting.sequence = NOW, "För få ärenden.", 1
    meeting.save()
    calendar = icalendar.Calendar.from_ical(client.get(url("body_ics", municipality, meeting.body_id)).content)
    event = next(iter(calendar.walk("VEVENT")))
    assert str(event["status"]) == "CANCELLED" and int(event["sequence"]) == 1
    assert "För få ärenden." in client.get(meeting.get_absolute_url()).content.decode()


def test_the_meeting_page_shows_approved_questions_only(client, meeting):
    QuestionFactory(meeting=meeting, text="En godkänd fråga om badet", status=Status.APPROVED)
    QuestionFactory(meeting=meeting, text="En fråga som väntar", status=Status.SUBMITTED)
    QuestionFactory(meeting=meeting, text="En fråga som inte godkändes", status=Status.REFUSED)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "En godkänd fråga om badet" in page and "väntar" not in page and "inte godkändes" not in page
    assert "Rut Resident" not in page  # the asker's name is not published
    assert "Ställ en fråga" in page and "fragor.pdf" in page
    assert "söndag 25 oktober 2026 kl. 02.30" in page and "Skicka din fråga senast 15 oktober 2026." in page


def test_the_appendix_is_a_tagged_pdf_of_the_approved_questions(client, meeting):
    from pypdf import PdfReader

    QuestionFactory(meeting=meeting, text="Varför stängs biblioteket i Ekshärad?", status=Status.APPROVED)
    QuestionFactory(meeting=meeting, text="Hemlig väntande fråga", status=Status.SUBMITTED)
    response = client.get(url("appendix", meeting.municipality, meeting.pk))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "biblioteket i Ekshärad" in text and "Hemlig" not in text and reader.trailer["/Root"]["/Lang"] == "sv"


def test_an_uploaded_agenda_is_served_with_its_type_and_size(client, meeting):
    meeting.agenda_file.save("kallelse.pdf", SimpleUploadedFile("kallelse.pdf", b"%PDF-1.4 " + b"x" * 2048))
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "(pdf, 2,0\xa0kB)" in page
    response = client.get(url("agenda", meeting.municipality, meeting.pk))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert client.get(url("agenda", meeting.municipality, meeting.pk + 1000)).status_code == 404


def test_the_archive_searches_answered_questions_by_text_body_topic_and_meeting(client, municipality, meeting):
    QuestionFactory(
        meeting=meeting, status=Status.ANSWERED, text="Snöröjning vid Älvstranden", answer="Vi ser över det."
    )
    QuestionFactory(meeting=meeting, status=Status.ANSWERED, topic=Topic.SCHOOL, text="Skolskjuts till Sunnemo")
    QuestionFactory(meeting=meeting, status=Status.APPROVED, text="Snöröjning men ännu inte besvarad")
    archive = url("archive", municipality)
    page = client.get(archive + "?q=snöröjning").content.decode()
    assert "Älvstranden" in page and "ännu inte besvarad" not in page and "1 fråga hittades" in page
    assert "Sunnemo" in client.get(archive + "?topic=school").content.decode()
    assert "Älvstranden" not in client.get(archive + "?topic=school").content.decode()
    assert "2 frågor hittades" in client.get(archive + f"?body={meeting.body_id}&meeting={meeting.pk}").content.decode()
    assert "Ingen besvarad fråga passar" in client.get(archive + "?q=finnsinte").content.decode()
    choices = client.get(archive).context["form"].fields["meeting"].queryset
    assert list(choices) == [meeting]  # the meeting filter offers the meetings with answered questions


@pytest.mark.parametrize(
    "query", ["?body=abc", "?body=999999", "?topic=nope", "?meeting=-1", "?meeting=99999999999999999999", "?page=9999"]
)
def test_malformed_archive_parameters_never_fail(client, municipality, query):
    assert client.get(url("archive", municipality) + query).status_code == 200


def test_another_municipalitys_objects_are_404(client, meeting, other_municipality):
    question = QuestionFactory(meeting=meeting, status=Status.APPROVED)
    for name, pk in (("body", meeting.body_id), ("body_ics", meeting.body_id), ("meeting", meeting.pk),
                     ("appendix", meeting.pk), ("agenda", meeting.pk), ("ask", meeting.body_id),
                     ("receipt", question.pk), ("withdraw", question.pk)):  # fmt: skip
        assert client.get(url(name, other_municipality, pk)).status_code == 404, name
