"""Dialogue meetings' section of the yearly report (manifest `report_section`): the meetings held in the year, how
many registered and came, and how much was said. Cancelled meetings are counted apart."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from delaktig.core.contributions import Chart, ReportSection, Table

from .models import Meeting, MeetingStatus, RegistrationStatus

ORDER = 115


def dialogue_meetings_report_section(municipality, year):
    meetings = list(_meetings(municipality, year))
    if not meetings:
        return None
    held = [meeting for meeting in meetings if meeting.status != MeetingStatus.CANCELLED]
    cancelled = len(meetings) - len(held)
    per_meeting = _per_meeting(held)
    paragraphs = [
        _(
            "Meetings that residents were invited to in dialogues, with the people registered, the people counted in "
            "the room and the statements recorded as input. A meeting counts in the year it was held."
        )
    ]
    if cancelled:
        paragraphs.append(_("%(n)s meetings were cancelled and are not in the table.") % {"n": cancelled})
    return ReportSection(
        key="dialogue_meetings",
        title=_("Dialogue meetings"),
        order=ORDER,
        paragraphs=tuple(paragraphs),
        tables=(per_meeting,),
        charts=(Chart(_("People present per meeting"), _present_table(held), "barh"),) if held else (),
    )


def _meetings(municipality, year):
    return (
        Meeting.objects.filter(municipality=municipality, starts_at__year=year, starts_at__lte=timezone.now())
        .select_related("module__dialogue")
        .annotate(
            registered=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED), distinct=True
            ),
            said=Count("statements", distinct=True),
        )
        .order_by("starts_at", "id")
    )


def _per_meeting(meetings):
    rows = tuple(
        (
            meeting.module.dialogue.title,
            meeting.title,
            timezone.localdate(meeting.starts_at),
            meeting.registered,
            meeting.present_count,
            meeting.said,
        )
        for meeting in meetings
    )
    return Table(
        _("Dialogue meetings held"),
        (_("Dialogue"), _("Meeting"), _("Date"), _("Registered"), _("Present"), _("Statements")),
        rows,
        "dialogue-meetings",
    )


def _present_table(meetings):
    rows = tuple((meeting.title, meeting.present_count or 0) for meeting in meetings)
    return Table(_("People present per meeting"), (_("Meeting"), _("Present")), rows, "dialogue-meetings-present")
