"""Writes of desk mode ("Registrera inkommet"): save an input through its method's manifest, and undo it.

The method stores the input with its audit event (DeskEntry.save / undo); the desk keeps a DeskRecord in the same
transaction, so the person's list and counts read every method the same way.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from .models import DeskRecord, Module
from .registry import DeskEntry, Occasion, registry
from .selectors_desk import may_undo

if TYPE_CHECKING:
    from delaktig.accounts.models import User

SUMMARY_MAX = 300


class DeskRefused(ValueError):
    """The module takes no desk input, or not on this channel."""


def desk_entry_of(module: Module) -> DeskEntry:
    manifest = registry.get(module.method)
    if manifest is None or manifest.desk_entry is None or not manifest.offline_channels:
        raise DeskRefused(f"The module {module.pk} takes no input at the desk")
    return manifest.desk_entry


@transaction.atomic
def desk_save(
    *,
    module: Module,
    data: Mapping[str, Any],
    actor: User,
    channel: str,
    received_on: datetime.date,
    occasion: Occasion | None = None,
    group: str = "",
) -> DeskRecord:
    """Store one input through the module's method (`data`: its desk form's cleaned data) and remember it."""
    desk = desk_entry_of(module)
    if channel not in registry[module.method].offline_channels:
        raise DeskRefused(f"The method of module {module.pk} takes no input by {channel!r}")
    item = desk.save(
        module, data, actor=actor, channel=channel, received_on=received_on, occasion=occasion, group=group.strip()
    )
    return DeskRecord.objects.create(
        module=module,
        entered_by=actor,
        item_id=item.item_id,
        reference=item.reference,
        summary=item.summary[:SUMMARY_MAX],
        channel=channel,
        created_at=item.created_at,
    )


@transaction.atomic
def desk_undo(*, record: DeskRecord, actor: User, now: datetime.datetime | None = None) -> bool:
    """Take back an input the person entered a moment ago; False (nothing changed) when it is not theirs, too
    old, already taken back, or the method could not remove it."""
    now = now or timezone.now()
    record = DeskRecord.objects.select_for_update().select_related("module").get(pk=record.pk)
    if not may_undo(record, actor, now):
        return False
    if not desk_entry_of(record.module).undo(record.module, record.item_id, actor=actor):
        return False
    record.undone_at = now
    record.save(update_fields=["undone_at"])
    return True
