"""Reads of desk mode ("Registrera inkommet"): which ways of taking part, occasions, the person's entries, counts.

The desk offers every module whose method declares `offline_channels` and a `desk_entry` (participation.registry).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import timezone

from delaktig.organisations.models import Role

from .figures import module_channels
from .models import Channel, DeskRecord, Module
from .registry import Occasion, desk_undo_window, registry

if TYPE_CHECKING:
    from delaktig.accounts.models import User
    from delaktig.dialogues.models import Dialogue

RECENT_LIMIT = 30

# Who may use the desk: the staff who enter input that came in another way (as open input's "enter_offline")
DESK_ROLES = frozenset({Role.OFFICER, Role.DEMOCRACY_OFFICER})


def undo_minutes() -> int:
    return int(desk_undo_window().total_seconds() // 60)


def desk_modules(dialogue: Dialogue) -> list[Module]:
    """The dialogue's modules whose method takes input at the desk, in the dialogue's order."""
    modules = Module.objects.filter(dialogue=dialogue).select_related("dialogue__municipality").order_by("order", "id")
    return [module for module in modules if _takes_desk_input(module)]


def _takes_desk_input(module: Module) -> bool:
    manifest = registry.get(module.method)
    return manifest is not None and manifest.desk_entry is not None and bool(manifest.offline_channels)


def desk_channels(module: Module) -> list[tuple[str, str]]:
    """[(value, label)] of the channels staff may enter for the module's method."""
    manifest = registry[module.method]
    return [(value, str(Channel(value).label)) for value in manifest.offline_channels if value in Channel.values]


def desk_occasions(dialogue: Dialogue) -> list[Occasion]:
    """Every occasion (a meeting …) any module of the dialogue offers, so input to any method can name it."""
    occasions: dict[str, Occasion] = {}
    for module in Module.objects.filter(dialogue=dialogue).order_by("order", "id"):
        manifest = registry.get(module.method)
        desk = manifest.desk_entry if manifest else None
        if desk is not None and desk.occasions is not None:
            occasions.update((occasion.key, occasion) for occasion in desk.occasions(module))
    return list(occasions.values())


def desk_recent(dialogue: Dialogue, user: User, *, limit: int = RECENT_LIMIT) -> list[DeskRecord]:
    """What this person entered at the desk in this dialogue, newest first."""
    records = DeskRecord.objects.filter(module__dialogue=dialogue, entered_by=user).select_related("module")
    return list(records.order_by("-created_at", "-id")[:limit])


def may_undo(record: DeskRecord, user: User, now: datetime.datetime | None = None) -> bool:
    """Only the person who entered it, only once, and only for a few minutes."""
    now = now or timezone.now()
    recent = now - record.created_at <= desk_undo_window()
    return recent and record.undone_at is None and user.is_authenticated and record.entered_by_id == user.pk


@dataclass(frozen=True)
class DeskCounts:
    today_by_you: int  # entered at the desk today (Stockholm time) by the person, in this dialogue
    offline_in_dialogue: int  # every input of the dialogue from paper, meetings, e-mail and phone


def desk_counts(dialogue: Dialogue, user: User) -> DeskCounts:
    today = timezone.localdate()
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    mine = DeskRecord.objects.filter(
        module__dialogue=dialogue, entered_by=user, created_at__gte=start, undone_at__isnull=True
    )
    offline = 0
    for module in Module.objects.filter(dialogue=dialogue):
        manifest = registry.get(module.method)
        if manifest is not None:
            channels = module_channels(manifest, module)
            offline += sum(count for channel, count in channels.items() if channel != Channel.ONLINE)
    return DeskCounts(today_by_you=mine.count(), offline_in_dialogue=offline)
