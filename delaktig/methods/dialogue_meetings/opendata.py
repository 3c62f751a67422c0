"""Dialogue meetings' public data (manifest `datasets`): the meetings of public dialogues, and what was said at them.

No names: not who registered, not who spoke.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from delaktig.core.contributions import Dataset, DatasetField, detail_by_pk, iso_or_none
from delaktig.dialogues.models import PUBLIC_STATES
from delaktig.participation.models import Channel

from .models import Meeting, MeetingStatus, Statement
from .selectors import with_counts


def meeting_rows(municipality, filters):
    qs = Meeting.objects.filter(
        municipality=municipality,
        module__dialogue__municipality=municipality,
        module__dialogue__state__in=PUBLIC_STATES,
    )
    if "dialogue" in filters:
        qs = qs.filter(module__dialogue_id=filters["dialogue"])
    if "status" in filters:
        qs = qs.filter(status=filters["status"])
    return with_counts(qs.select_related("module__dialogue__municipality")).order_by("id")


def meeting_row(meeting):
    return {
        "id": meeting.pk,
        "dialogue_id": meeting.module.dialogue_id,
        "module_id": meeting.module_id,
        "title": meeting.title,
        "starts_at": timezone.localtime(meeting.starts_at).isoformat(),
        "ends_at": timezone.localtime(meeting.ends_at).isoformat(),
        "place": meeting.place,
        "address": meeting.address or None,
        "step_free": meeting.step_free,
        "hearing_loop": meeting.hearing_loop,
        "interpretation": meeting.interpretation,
        "sign_language": meeting.sign_language,
        "childcare": meeting.childcare,
        "languages": meeting.languages or None,
        "hybrid": bool(meeting.online_url),
        "capacity": meeting.capacity,
        "status": meeting.status,
        "registered": meeting.registered_count,
        "present": meeting.present_count,
        "statements": meeting.statement_count,
        "summary": meeting.summary or None,
        "url": meeting.get_absolute_url(),
    }


MEETINGS = Dataset(
    key="dialogue-meetings",
    title=_("Dialogue meetings"),
    description=_(
        "Meetings residents were invited to in dialogues: time, place, accessibility, places, how many registered "
        "and came, and a summary. No names."
    ),
    fields=(
        DatasetField("id", "integer", _("Identifier of the meeting")),
        DatasetField("dialogue_id", "integer", _("The dialogue")),
        DatasetField("module_id", "integer", _("The module (a way to take part)")),
        DatasetField("title", "string", _("Title")),
        DatasetField("starts_at", "date-time", _("Starts (Swedish time)")),
        DatasetField("ends_at", "date-time", _("Ends (Swedish time)")),
        DatasetField("place", "string", _("Place")),
        DatasetField("address", "string", _("Address"), nullable=True),
        DatasetField("step_free", "boolean", _("Step-free access")),
        DatasetField("hearing_loop", "boolean", _("Hearing loop")),
        DatasetField("interpretation", "boolean", _("Interpreter on request")),
        DatasetField("sign_language", "boolean", _("Sign language interpreter")),
        DatasetField("childcare", "boolean", _("Childcare")),
        DatasetField("languages", "string", _("Languages spoken"), nullable=True),
        DatasetField("hybrid", "boolean", _("Also possible to take part online")),
        DatasetField("capacity", "integer", _("Places"), nullable=True),
        DatasetField("status", "string", _("scheduled or cancelled")),
        DatasetField("registered", "integer", _("People registered")),
        DatasetField("present", "integer", _("People present, counted by staff"), nullable=True),
        DatasetField("statements", "integer", _("Statements recorded")),
        DatasetField("summary", "string", _("Summary of the meeting"), nullable=True),
        DatasetField("url", "string", _("The meeting's page")),
    ),
    rows=meeting_rows,
    to_row=meeting_row,
    filters=(
        DatasetField("dialogue", "integer", _("Only meetings in this dialogue")),
        DatasetField("status", "string", _("Only meetings with this status")),
    ),
    detail=detail_by_pk(meeting_rows, meeting_row),
    keywords=("medborgardialog", "dialogmöten"),
    order=62,
    extra={"choices": {"status": tuple(MeetingStatus.values)}},
)


def statement_rows(municipality, filters):
    qs = Statement.objects.filter(
        municipality=municipality,
        module__dialogue__municipality=municipality,
        module__dialogue__state__in=PUBLIC_STATES,
    )
    if "dialogue" in filters:
        qs = qs.filter(module__dialogue_id=filters["dialogue"])
    if "meeting" in filters:
        qs = qs.filter(meeting_id=filters["meeting"])
    return qs.select_related("module").order_by("id")


def statement_row(statement):
    return {
        "id": statement.pk,
        "dialogue_id": statement.module.dialogue_id,
        "meeting_id": statement.meeting_id,
        "group": statement.group or None,
        "title": statement.title,
        "text": statement.text,
        "channel": statement.channel,
        "received_on": iso_or_none(statement.received_on),
    }


STATEMENTS = Dataset(
    key="dialogue-meeting-statements",
    title=_("What was said at dialogue meetings"),
    description=_("Statements and notes from dialogue meetings, recorded by staff as input to the dialogue. No names."),
    fields=(
        DatasetField("id", "integer", _("Identifier of the statement")),
        DatasetField("dialogue_id", "integer", _("The dialogue")),
        DatasetField("meeting_id", "integer", _("The meeting"), nullable=True),
        DatasetField("group", "string", _("Table or group"), nullable=True),
        DatasetField("title", "string", _("Title")),
        DatasetField("text", "string", _("What was said")),
        DatasetField("channel", "string", _("How it came in: meeting or paper")),
        DatasetField("received_on", "date", _("The day it came in"), nullable=True),
    ),
    rows=statement_rows,
    to_row=statement_row,
    filters=(
        DatasetField("dialogue", "integer", _("Only statements in this dialogue")),
        DatasetField("meeting", "integer", _("Only statements from this meeting")),
    ),
    detail=detail_by_pk(statement_rows, statement_row),
    keywords=("medborgardialog", "dialogmöten", "synpunkter"),
    order=63,
    extra={"choices": {"channel": tuple(Channel.values)}},
)

DATASETS = (MEETINGS, STATEMENTS)
