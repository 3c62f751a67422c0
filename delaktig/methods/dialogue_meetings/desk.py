"""Entering what was said at meetings quickly: the functions the desk (participation's desk mode) calls.

The desk shows `StatementDeskForm` for the method's own fields, adds the channel, the date received, the meeting
(an occasion) and the table or group itself, and calls `desk_save`; `desk_undo` takes an entry back within a few
minutes; `desk_occasions` offers this module's meetings, so input entered into any method of the dialogue can name
the meeting it came from. The meeting's own staff page saves through the same `desk_save`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django import forms
from django.db import transaction
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import Form
from delaktig.participation.registry import DeskItem, Occasion, desk_undo_window

from .about import METHOD_KEY
from .models import TEXT_MAX, Meeting, Statement
from .services_statements import statement_enter, statement_remove

if TYPE_CHECKING:
    from delaktig.accounts.models import User
    from delaktig.participation.models import Module

SUMMARY_WORDS = 12


class StatementDeskForm(Form):
    """The method's own fields of one statement."""

    text = forms.CharField(
        label=_("What was said"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One statement or note: what the person said or wrote, in their words as far as you can."),
    )
    title = forms.CharField(
        label=_("Short title"),
        max_length=150,
        required=False,
        help_text=_("Left empty, the first words of the text become the title."),
    )
    speaker_name = forms.CharField(
        label=_("Name shown"),
        max_length=120,
        required=False,
        help_text=_("Only if the person wants their name shown, and only where the dialogue shows names."),
    )


def occasion_key(meeting: Meeting) -> str:
    return f"{METHOD_KEY}:{meeting.pk}"


def occasion_of(meeting: Meeting) -> Occasion:
    when = formats.date_format(timezone.localtime(meeting.starts_at), "j F Y")
    return Occasion(key=occasion_key(meeting), label=f"{meeting.title}, {when}")


def desk_occasions(module: Module, /) -> Iterable[Occasion]:
    """This module's meetings that have begun (cancelled ones left out), in time order: what was said at a meeting
    can only be entered once it has been said."""
    meetings = (
        Meeting.objects.filter(module=module, starts_at__lte=timezone.now())
        .exclude(status="cancelled")
        .order_by("starts_at", "id")
    )
    return [occasion_of(meeting) for meeting in meetings]


def _meeting_of(module: Module, occasion: Occasion | None) -> Meeting | None:
    if occasion is None:
        return None
    method, _sep, pk = occasion.key.partition(":")
    if method != METHOD_KEY or not pk.isdigit():
        return None
    return Meeting.objects.filter(module=module, pk=int(pk)).first()


def desk_item(statement: Statement) -> DeskItem:
    return DeskItem(
        item_id=statement.pk,
        reference=statement.reference,
        summary=Truncator(statement.text).words(SUMMARY_WORDS, truncate="…"),
        created_at=statement.created_at,
    )


def desk_save(
    module: Module,
    data: Mapping[str, Any],
    /,
    *,
    actor: User,
    channel: str,
    received_on: datetime.date,
    occasion: Occasion | None,
    group: str,
) -> DeskItem:
    """Store one statement from the desk (or the meeting's page): `data` is StatementDeskForm's cleaned data."""
    statement = statement_enter(
        module=module,
        actor=actor,
        text=data["text"],
        title=data.get("title", ""),
        speaker_name=data.get("speaker_name", ""),
        group=group,
        channel=channel,
        received_on=received_on,
        meeting=_meeting_of(module, occasion),
        occasion_key=occasion.key if occasion else "",
        occasion_label=occasion.label if occasion else "",
    )
    return desk_item(statement)


def may_undo(statement: Statement, actor: User, now: datetime.datetime | None = None) -> bool:
    """Only the person who entered it, and only for a few minutes."""
    now = now or timezone.now()
    recent = now - statement.created_at <= desk_undo_window()
    return recent and actor.is_authenticated and statement.entered_by_id == actor.pk


@transaction.atomic
def desk_undo(module: Module, item_id: int, /, *, actor: User) -> bool:
    """Undo a statement this person entered a moment ago; False when it is not theirs, too old or gone."""
    statement = Statement.objects.select_for_update().filter(module=module, pk=item_id).first()
    if statement is None or not may_undo(statement, actor):
        return False
    statement_remove(statement=statement, actor=actor)
    return True
