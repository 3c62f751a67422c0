"""The calendar file of a meeting, read back with the icalendar package: the right times on both sides of the
daylight-saving changes, a stable UID, and a cancelled or moved meeting that calendars update."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from ..forms import MeetingForm, local_time
from ..services_meetings import meeting_cancel, meeting_move
from .conftest import url
from .factories import MeetingFactory

pytestmark = pytest.mark.django_db
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def event_of(response):
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    return event


def at(*parts):
    return local_time(datetime.datetime(*parts))


@pytest.mark.parametrize(
    "starts, ends",
    [
        ((2027, 3, 12, 18, 0), (2027, 3, 12, 20, 0)),  # winter time
        ((2027, 6, 10, 18, 30), (2027, 6, 10, 20, 0)),  # summer time
        ((2026, 10, 25, 2, 30), (2026, 10, 25, 4, 0)),  # the last Sunday of October: 02.30 happens twice
        ((2027, 3, 27, 23, 0), (2027, 3, 28, 4, 0)),  # through the night the clocks go forward
    ],
)
def test_the_file_has_the_meeting_in_stockholm_time(client, module, starts, ends):
    meeting = MeetingFactory(module=module, starts_at=at(*starts), ends_at=at(*ends))
    event = event_of(client.get(url("calendar", module, meeting.pk)))
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start == meeting.starts_at and end == meeting.ends_at
    assert start.astimezone(STOCKHOLM).replace(tzinfo=None) == datetime.datetime(*starts)
    assert str(event["dtstart"].params["TZID"]) == "Europe/Stockholm"
    assert str(event["summary"]) == meeting.title and meeting.place in str(event["location"])


def test_half_past_two_on_the_night_the_clocks_go_back_is_the_first_half_past_two():
    first = at(2026, 10, 25, 2, 30)
    assert first.utcoffset() == datetime.timedelta(hours=2)
    assert first.astimezone(datetime.UTC).hour == 0


def test_a_time_that_does_not_exist_is_refused_in_swedish_and_what_was_typed_is_kept(module):
    data = {"title": "Möte", "place": "Ekshärad", "starts_at": "2027-03-28T02:30", "ends_at": "2027-03-28T04:00"}
    form = MeetingForm(data)
    assert not form.is_valid()
    assert "finns inte" in form.errors["starts_at"][0]
    assert 'value="2027-03-28T02:30"' in str(form["starts_at"])


def test_a_malformed_date_is_explained(module):
    form = MeetingForm(
        {"title": "Möte", "place": "Ekshärad", "starts_at": "tisdag kväll", "ends_at": "2027-03-12 20:00"}
    )
    assert not form.is_valid() and "2027-03-12 18:00" in form.errors["starts_at"][0]


def test_a_moved_meeting_keeps_its_uid_and_raises_the_sequence(client, module, staff):
    meeting = MeetingFactory(module=module, starts_at=at(2027, 3, 12, 18, 0), ends_at=at(2027, 3, 12, 20, 0))
    before = event_of(client.get(url("calendar", module, meeting.pk)))
    meeting_move(
        meeting=meeting,
        actor=staff["officer"],
        starts_at=at(2027, 3, 19, 18, 0),
        ends_at=at(2027, 3, 19, 20, 0),
        reason="Lokalen är upptagen.",
    )
    after = event_of(client.get(url("calendar", module, meeting.pk)))
    assert str(after["uid"]) == str(before["uid"]) and int(after["sequence"]) == int(before["sequence"]) + 1
    assert after.decoded("dtstart") == at(2027, 3, 19, 18, 0)


def test_a_cancelled_meeting_is_cancelled_in_the_file(client, module, staff):
    meeting = MeetingFactory(module=module)
    meeting_cancel(meeting=meeting, actor=staff["officer"], reason="Sjukdom.")
    assert str(event_of(client.get(url("calendar", module, meeting.pk)))["status"]) == "CANCELLED"
