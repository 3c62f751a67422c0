"""Paper responses at the desk ("Registrera inkommet", participation's desk mode): the manifest's desk_entry.

The desk shows `PaperForm` (every question of the survey and the "about you" answers) under its own settings
(channel, date received, meeting, group) and calls `desk_save`; `desk_undo` takes a response back within a few
minutes. The survey's own paper page (views/paper.py) saves through the same function.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import ngettext

from delaktig.participation.registry import DeskEntry, DeskItem, Occasion, desk_undo_window

from .forms_answer import PaperForm
from .models import Question, Response, Survey
from .questions import TEXT_KINDS
from .services import response_enter, response_remove

if TYPE_CHECKING:
    from delaktig.accounts.models import User
    from delaktig.participation.models import Module

SUMMARY_WORDS = 12


def _summary(survey: Survey, answers: Mapping[str, Any]) -> str:
    """ "12 answers: the first words of the first text" for the desk's list."""
    text_ids = Question.objects.filter(survey=survey, kind__in=TEXT_KINDS).values_list("pk", flat=True)
    texts = [answers[str(pk)] for pk in text_ids if str(pk) in answers]
    count = ngettext("%(n)s answer", "%(n)s answers", len(answers)) % {"n": len(answers)}
    return f"{count}: {Truncator(texts[0]).words(SUMMARY_WORDS, truncate='…')}" if texts else count


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
    """Store one paper response: `data` is PaperForm's cleaned data (its answers and "about you")."""
    survey = Survey.objects.get(module=module)
    response = response_enter(
        survey=survey,
        answers=data["answers"],
        about=data.get("about"),
        actor=actor,
        received_on=received_on,
        channel=channel,
        occasion_label=occasion.label if occasion else "",
        group=group,
    )
    return DeskItem(
        item_id=response.pk,
        reference=response.reference,
        summary=_summary(survey, data["answers"]),
        created_at=response.submitted_at,
    )


def may_undo(response: Response, actor: User, now: datetime.datetime | None = None) -> bool:
    """Only the person who entered it, and only for a few minutes."""
    now = now or timezone.now()
    recent = now - response.submitted_at <= desk_undo_window()
    return recent and actor.is_authenticated and response.entered_by_id == actor.pk


@transaction.atomic
def desk_undo(module: Module, item_id: int, /, *, actor: User) -> bool:
    """Take back a paper response this person entered a moment ago; False when not theirs, too old or gone."""
    response = Response.objects.select_for_update().filter(survey__module=module, pk=item_id).first()
    if response is None or response.channel == "online" or not may_undo(response, actor):
        return False
    response_remove(response=response, actor=actor)
    return True


DESK_ENTRY = DeskEntry(form_class=PaperForm, save=desk_save, undo=desk_undo)
