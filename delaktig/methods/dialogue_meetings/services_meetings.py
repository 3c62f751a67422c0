"""Staff writes on meetings: add, change, move, cancel, and record what happened. Each leaves an audit event.

Moving or cancelling a meeting tells everyone registered and waiting through a mailing (delaktig.mailings), sent in
the background and resumed after a crash.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from delaktig.core.audit import audit_record
from delaktig.mailings.models import Mailing
from delaktig.mailings.services import mailing_create

from . import workflow
from .calendar import meeting_location
from .models import ACTIVE, LINE_ORDER, Meeting
from .services import waiting_list_promote

if TYPE_CHECKING:
    from delaktig.accounts.models import User
    from delaktig.participation.models import Module

# What staff fill in for a meeting (the times of an existing meeting change only by moving it)
MEETING_FIELDS = (
    "title",
    "description",
    "place",
    "address",
    "step_free",
    "hearing_loop",
    "interpretation",
    "sign_language",
    "childcare",
    "languages",
    "online_url",
    "capacity",
    "registration_deadline",
)


@transaction.atomic
def meeting_create(
    *, module: Module, actor: User, starts_at: datetime.datetime, ends_at: datetime.datetime, **values: Any
) -> Meeting:
    meeting = Meeting.objects.create(
        module=module,
        municipality=module.dialogue.municipality,
        starts_at=starts_at,
        ends_at=ends_at,
        **{name: value for name, value in values.items() if name in MEETING_FIELDS},
    )
    audit_record(
        municipality=meeting.municipality, actor=actor, action="dialogue_meetings.meeting_create", target=meeting
    )
    return meeting


def meeting_update(*, meeting: Meeting, actor: User, **values: Any) -> Meeting:
    """Change what staff fill in. More places go to the waiting list at once."""
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        changed = [name for name in MEETING_FIELDS if name in values and getattr(locked, name) != values[name]]
        for name in changed:
            setattr(locked, name, values[name])
        locked.save()
        audit_record(
            municipality=locked.municipality,
            actor=actor,
            action="dialogue_meetings.meeting_update",
            target=locked,
            data={"changed": changed},
        )
        waiting_list_promote(locked)
    return locked


def recipients(meeting: Meeting) -> list[tuple[str, str]]:
    """(email, name) of everyone registered or waiting."""
    rows = meeting.registrations.filter(status__in=ACTIVE).order_by(*LINE_ORDER)
    return list(rows.values_list("email", "name"))


def meeting_move(
    *,
    meeting: Meeting,
    actor: User,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    reason: str,
    deadline: datetime.datetime | None = None,
) -> Mailing | None:
    """Give the meeting a new time; everyone registered or waiting gets the reason, the new time and the calendar
    file (the event keeps its UID and a higher sequence, so calendars move it). Returns the mailing, if anyone."""
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        before = locked.starts_at
        locked.moved_from, locked.starts_at, locked.ends_at = before, starts_at, ends_at
        locked.registration_deadline = deadline
        locked.change_reason = reason.strip()
        locked.sequence += 1
        locked.save()
        audit_record(
            municipality=locked.municipality,
            actor=actor,
            action="dialogue_meetings.meeting_move",
            target=locked,
            data={"from": before.isoformat(), "to": starts_at.isoformat()},
        )
        mailing = _tell_everyone(locked, actor, "moved")
    meeting.refresh_from_db()
    return mailing


def meeting_cancel(*, meeting: Meeting, actor: User, reason: str) -> Mailing | None:
    """Cancel the meeting (workflow step "cancel") and tell everyone registered or waiting why."""
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        locked.sequence += 1
        workflow.MEETING.transition(locked, "cancel", actor=actor, note=reason)
        mailing = _tell_everyone(locked, actor, "meeting_cancelled")
    meeting.refresh_from_db()
    return mailing


def _tell_everyone(meeting: Meeting, actor: User, kind: str) -> Mailing | None:
    people = recipients(meeting)
    if not people:
        return None
    site = settings.SITE_URL.rstrip("/")
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "meeting": meeting,
            "dialogue": meeting.module.dialogue,
            "municipality": meeting.municipality,
            "location": meeting_location(meeting),
            "meeting_url": site + meeting.get_absolute_url(),
            "calendar_url": site + meeting.calendar_url(),
            "link_again_url": site + reverse("dialogue_meetings:link_again", args=meeting.url_args()),
        }
        body = render_to_string(f"dialogue_meetings/emails/{kind}.txt", context)
        if kind == "moved":
            subject = _("New time: %(meeting)s") % {"meeting": meeting.title}
        else:
            subject = _("Cancelled: %(meeting)s") % {"meeting": meeting.title}
    return mailing_create(
        municipality=meeting.municipality,
        purpose=f"dialogue_meetings.{kind}",
        subject=subject,
        body=body,
        recipients=people,
        target=meeting,
        actor=actor,
    )


@transaction.atomic
def meeting_record(
    *,
    meeting: Meeting,
    actor: User,
    summary: str,
    present_count: int | None,
    present_by_age: dict[str, int],
    present_by_gender: dict[str, int],
) -> Meeting:
    """What happened at the meeting: a summary, how many came, and (optionally) how many by age and gender, counted
    in the room. Only counts above zero are kept."""
    meeting.summary = summary.strip()
    meeting.present_count = present_count
    meeting.present_by_age = {key: n for key, n in present_by_age.items() if n}
    meeting.present_by_gender = {key: n for key, n in present_by_gender.items() if n}
    meeting.recorded_at = timezone.now()
    meeting.save()
    audit_record(
        municipality=meeting.municipality,
        actor=actor,
        action="dialogue_meetings.meeting_record",
        target=meeting,
        data={"present": present_count},
    )
    return meeting
