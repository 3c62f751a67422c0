"""A meeting as a calendar event (core.calendars writes the file)."""

from django.conf import settings

from delaktig.core.calendars import CalendarEvent, calendar_bytes


def meeting_location(meeting):
    return ", ".join(part for part in (meeting.place, meeting.address) if part)


def meeting_event(meeting):
    """The event keeps its UID when the meeting moves; `sequence` rises, so calendars take the new time."""
    site = settings.SITE_URL.rstrip("/")
    return CalendarEvent(
        uid=f"dialogue-meeting-{meeting.pk}@{meeting.module.dialogue.municipality.slug}.delaktig",
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        title=meeting.title,
        description=meeting.description,
        location=meeting_location(meeting),
        url=site + meeting.get_absolute_url(),
        cancelled=meeting.is_cancelled,
        sequence=meeting.sequence,
    )


def meeting_ics(meeting):
    return calendar_bytes([meeting_event(meeting)], name=meeting.title)


def ics_filename(meeting):
    return f"dialogmote-{meeting.pk}.ics"
