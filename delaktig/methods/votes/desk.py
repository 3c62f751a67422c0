"""Paper ballots at the desk ("Registrera inkommet", participation's desk mode): the manifest's desk_entry.

The desk shows `DeskBallotForm` under its own settings (channel, date received, meeting, group) and calls
`desk_save`; `desk_undo` takes a ballot back within a few minutes, only for the person who entered it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from delaktig.participation.registry import DeskEntry, DeskEntryRefused, DeskItem, Occasion, desk_undo_window

from .ballots import choice_ids
from .forms import ALREADY_VOTED, DeskBallotForm
from .models import Ballot, Vote
from .services import AlreadyVoted, ballot_enter, ballot_remove

if TYPE_CHECKING:
    from delaktig.accounts.models import User
    from delaktig.participation.models import Module


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
    """Store one paper ballot: `data` is DeskBallotForm's cleaned data (the choices, what the voter declared, and
    the key that stops the same person voting twice). The form has checked that the person has no ballot; when
    another officer enters the same person's ballot at the same instant, the database finds it, and the desk is
    told so (DeskEntryRefused: nothing stored)."""
    vote = Vote.objects.get(module=module)
    try:
        ballot = ballot_enter(
            vote=vote,
            actor=actor,
            choices=data["choices"],
            declared=data["declared"],
            voter_key=data["voter_key"],
            voter=data["voter"],
            channel=channel,
            received_on=received_on,
            occasion_label=occasion.label if occasion else "",
            group=group,
        )
    except (AlreadyVoted, IntegrityError):
        raise DeskEntryRefused(ALREADY_VOTED()) from None
    count = len(choice_ids(vote.ballot_type, data["choices"]))
    return DeskItem(
        item_id=ballot.pk,
        reference=ballot.reference,
        summary=_("A ballot naming %(count)s alternatives") % {"count": count} if count != 1 else _("A ballot"),
        created_at=ballot.cast_at,
    )


@transaction.atomic
def desk_undo(module: Module, item_id: int, /, *, actor: User) -> bool:
    """Take back a paper ballot this person entered a moment ago; False when not theirs, too old or gone."""
    ballot = Ballot.objects.select_for_update().filter(vote__module=module, pk=item_id).select_related("vote").first()
    if ballot is None or ballot.channel == "online" or ballot.entered_by_id != actor.pk:
        return False
    if timezone.now() - ballot.cast_at > desk_undo_window():
        return False
    ballot_remove(ballot=ballot, actor=actor)
    return True


DESK_ENTRY = DeskEntry(form_class=DeskBallotForm, save=desk_save, undo=desk_undo)
