"""The figures behind the core sections that the council overview does not give: participation and feedback."""

from collections import Counter
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from delaktig.dialogues import selectors as dialogue_selectors
from delaktig.dialogues.models import Dialogue, Kind
from delaktig.participation import figures as public_figures
from delaktig.participation.models import Channel, Module
from delaktig.participation.registry import registry
from delaktig.results.models import CompiledResults


@dataclass(frozen=True)
class Participation:
    rows: tuple  # (title, participants online, online, offline, total, people offline counted by staff or None)
    by_channel: Counter  # channel label -> inputs
    participants: int  # distinct people across every dialogue of the year
    online: int
    offline: int


@dataclass(frozen=True)
class Feedback:
    on_time: int
    late: int
    overdue: tuple  # (title, due on, days overdue)
    not_yet_due: int


def kind_counts(rows):
    return Counter(dialogue.kind for dialogue in rows)


def participation_figures(rows):
    """Per dialogue that has opened: people who took part online, inputs online and offline (from the registry)."""
    dialogues = [d for d in rows if d.kind != Kind.INFORMATION and d.opened_at]
    counted_offline = dict(
        CompiledResults.objects.filter(dialogue__in=dialogues).values_list("dialogue_id", "offline_participant_count")
    )
    modules = {}
    for module in Module.objects.filter(dialogue__in=dialogues).order_by("order", "id"):
        modules.setdefault(module.dialogue_id, []).append(module)
    everyone, by_channel, table = set(), Counter(), []
    for dialogue in dialogues:
        people, channels, in_the_room = set(), Counter(), None
        for module in modules.get(dialogue.pk, []):
            manifest = registry.get(module.method)
            if manifest is not None:
                people |= set(manifest.participant_ids(module))
                channels += module_channels(manifest, module)
                in_the_room = public_figures.add_counted(in_the_room, manifest, module)
        everyone |= people
        by_channel += channels
        online = channels[str(Channel.ONLINE.label)]
        offline = sum(channels.values()) - online
        typed = counted_offline.get(dialogue.pk)
        counted = typed if typed is not None else in_the_room  # what staff typed when compiling, else the methods'
        table.append((dialogue.title, len(people), online, offline, online + offline, counted))
    online = by_channel[str(Channel.ONLINE.label)]
    return Participation(tuple(table), by_channel, len(everyone), online, sum(by_channel.values()) - online)


def module_channels(manifest, module):
    """Inputs per channel label, counted as the public pages count them (participation.figures)."""
    counts = Counter()
    for channel, number in public_figures.module_channels(manifest, module).items():
        counts[channel_label(channel)] += number
    return +counts


def channel_label(value):
    if value == public_figures.OFFLINE_UNSPECIFIED:
        return _("Offline (channel not given)")
    try:
        return str(Channel(value).label)
    except ValueError:
        return str(value)


def feedback_figures(municipality, year, today):
    """Dialogues whose feedback was due in `year`: given on time, given late, still overdue, not due yet."""
    due = (
        Dialogue.objects.for_municipality(municipality)
        .dialogues_only()
        .filter(feedback_due_on__year=year)
        .exclude(state__in=dialogue_selectors.NOT_HELD)
        .order_by("feedback_due_on", "title", "id")
    )
    on_time = late = not_yet_due = 0
    overdue = []
    for dialogue in due:
        if dialogue.feedback_published_at:
            in_time = timezone.localdate(dialogue.feedback_published_at) <= dialogue.feedback_due_on
            on_time, late = (on_time + 1, late) if in_time else (on_time, late + 1)
        elif dialogue.feedback_due_on < today:
            overdue.append((dialogue.title, dialogue.feedback_due_on, (today - dialogue.feedback_due_on).days))
        else:
            not_yet_due += 1
    return Feedback(on_time, late, tuple(overdue), not_yet_due)
