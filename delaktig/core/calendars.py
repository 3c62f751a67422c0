"""Calendar files (iCalendar, RFC 5545) for meetings: one event to download, or a feed of a body's meetings.

Times are written in the site's time zone (Europe/Stockholm) with its VTIMEZONE, so a calendar shows a meeting at
the hour it is held on either side of a daylight-saving change. Every event has a UID that stays the same when the
meeting moves, so a calendar that subscribes updates the event instead of adding another.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

PRODUCT = "-//Delaktig//Delaktig//SV"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str  # stable and unique in the installation, e.g. "council-meeting-12@hagfors.delaktig"
    starts_at: datetime.datetime  # aware
    ends_at: datetime.datetime  # aware, after starts_at
    title: str
    description: str = ""
    location: str = ""
    url: str = ""
    cancelled: bool = False
    sequence: int = 0  # raise it when the event changes, so calendars take the new version


def calendar_bytes(events: Iterable[CalendarEvent], *, name: str = "") -> bytes:
    zone = ZoneInfo(settings.TIME_ZONE)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(datetime.UTC)
    for item in events:
        calendar.add_component(_event(item, zone, stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _event(item: CalendarEvent, zone: ZoneInfo, stamp: datetime.datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", item.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", item.starts_at.astimezone(zone))
    event.add("dtend", item.ends_at.astimezone(zone))
    event.add("summary", item.title)
    event.add("sequence", item.sequence)
    event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
    if item.description:
        event.add("description", item.description)
    if item.location:
        event.add("location", item.location)
    if item.url:
        event.add("url", item.url)
    return event


def calendar_response(events: Iterable[CalendarEvent], *, filename: str, name: str = "") -> HttpResponse:
    """An .ics answer; `filename` without a path, ending in .ics."""
    response = HttpResponse(calendar_bytes(events, name=name), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
