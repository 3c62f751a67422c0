"""Calendar files parse with the icalendar package and keep the hour a meeting is held, across daylight saving."""

import datetime
from zoneinfo import ZoneInfo

import icalendar

from delaktig.core.calendars import CalendarEvent, calendar_bytes, calendar_response

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _event(starts, **kwargs):
    return CalendarEvent(
        uid="meeting-1@test", starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), title="Möte", **kwargs
    )


def _parsed(*events):
    return list(icalendar.Calendar.from_ical(calendar_bytes(events, name="KF")).walk("VEVENT"))


def test_times_on_both_sides_of_a_daylight_saving_change_keep_their_instant():
    summer = datetime.datetime(2026, 10, 24, 18, 0, tzinfo=STOCKHOLM)
    night_of_change = datetime.datetime(2026, 10, 25, 2, 30, tzinfo=STOCKHOLM)  # the first 02:30 (summer time)
    winter = datetime.datetime(2026, 10, 26, 18, 0, tzinfo=STOCKHOLM)
    parsed = _parsed(_event(summer), _event(night_of_change), _event(winter))
    starts = [event.decoded("dtstart") for event in parsed]
    assert starts == [summer, night_of_change, winter]
    assert [start.utcoffset() for start in starts] == [
        datetime.timedelta(hours=2),
        datetime.timedelta(hours=2),
        datetime.timedelta(hours=1),
    ]
    assert parsed[2].decoded("dtend") - parsed[2].decoded("dtstart") == datetime.timedelta(hours=2)


def test_the_calendar_names_its_time_zone_and_the_event_its_details():
    raw = calendar_bytes([_event(datetime.datetime(2027, 3, 28, 2, 30, tzinfo=STOCKHOLM), location="Stadshuset")])
    calendar = icalendar.Calendar.from_ical(raw)
    assert [zone["tzid"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    (event,) = calendar.walk("VEVENT")
    assert (str(event["uid"]), str(event["location"]), str(event["status"])) == (
        "meeting-1@test",
        "Stadshuset",
        "CONFIRMED",
    )


def test_a_cancelled_event_says_so_and_the_answer_is_a_download():
    start = datetime.datetime(2027, 1, 10, 18, 0, tzinfo=STOCKHOLM)
    response = calendar_response([_event(start, cancelled=True, sequence=2)], filename="mote.ics")
    assert response["Content-Type"].startswith("text/calendar")
    assert 'filename="mote.ics"' in response["Content-Disposition"]
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert (str(event["status"]), event.decoded("sequence")) == ("CANCELLED", 2)
