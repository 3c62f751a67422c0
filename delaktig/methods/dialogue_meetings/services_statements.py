"""What was said at a meeting, entered by staff: each statement is an input of the dialogue."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.text import Truncator

from delaktig.core.audit import audit_record
from delaktig.participation.models import Channel

from .models import Meeting, Statement

if TYPE_CHECKING:
    from delaktig.accounts.models import User
    from delaktig.participation.models import Module

TITLE_WORDS = 8


def title_from(text: str) -> str:
    """A title from the first words of the text, when staff give none."""
    return Truncator(" ".join(text.split())).words(TITLE_WORDS, truncate="…")[:150]


@transaction.atomic
def statement_enter(
    *,
    module: Module,
    actor: User,
    text: str,
    title: str = "",
    group: str = "",
    speaker_name: str = "",
    channel: str = Channel.MEETING,
    received_on: datetime.date | None = None,
    meeting: Meeting | None = None,
    occasion_key: str = "",
    occasion_label: str = "",
) -> Statement:
    """A statement or note from a meeting. The name shown is kept only when the dialogue shows names (and only if
    the person wanted it shown); a meeting of another module is not linked, only named."""
    if channel == Channel.ONLINE:
        raise ValueError("What was said at a meeting needs an offline channel")
    if meeting is not None and meeting.module_id != module.pk:
        meeting = None
    statement = Statement.objects.create(
        module=module,
        municipality=module.dialogue.municipality,
        meeting=meeting,
        occasion_key=occasion_key,
        occasion_label=occasion_label[:200],
        group=" ".join(group.split())[:100],
        title=" ".join(title.split()) or title_from(text),
        text=text.strip(),
        speaker_name=" ".join(speaker_name.split()) if module.dialogue.shows_names else "",
        channel=channel,
        received_on=received_on,
        entered_by=actor,
    )
    audit_record(
        municipality=statement.municipality,
        actor=actor,
        action="dialogue_meetings.statement_enter",
        target=statement,
        data={"channel": channel, "meeting": meeting.pk if meeting else None},
    )
    return statement


@transaction.atomic
def statement_remove(*, statement: Statement, actor: User) -> None:
    """Undo a statement entered by mistake; the audit event keeps what it said."""
    audit_record(
        municipality=statement.municipality,
        actor=actor,
        action="dialogue_meetings.statement_remove",
        target=statement,
        data={"title": statement.title, "meeting": statement.meeting_id},
    )
    statement.delete()
