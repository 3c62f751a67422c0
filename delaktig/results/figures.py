"""Participation figures of a dialogue (see selectors.participation_figures)."""

from collections import Counter

from delaktig.participation.models import Channel, Module
from delaktig.participation.registry import registry


def compute_participation_figures(dialogue):
    from .selectors import FigureRow, ParticipationFigures, channel_label

    by_method, all_participants, records_all = [], set(), []
    for module in Module.objects.filter(dialogue=dialogue).order_by("order", "id"):
        manifest = registry.get(module.method)
        if manifest is None:
            continue
        records = list(manifest.inputs(module)) if manifest.inputs else []
        records_all.extend(records)
        participants = set(manifest.participant_ids(module))
        all_participants |= participants
        offline = sum(1 for r in records if r.channel != Channel.ONLINE)
        label = f"{module.name} ({manifest.name})"
        by_method.append(FigureRow(label, len(records), len(participants), offline, len(records) - offline))
    channels = Counter(r.channel for r in records_all)
    by_channel = [
        FigureRow(channel_label(c), n, None, n if c != Channel.ONLINE else 0, n if c == Channel.ONLINE else 0)
        for c, n in sorted(channels.items())
    ]
    offline_total = sum(1 for r in records_all if r.channel != Channel.ONLINE)
    return ParticipationFigures(
        by_method=by_method,
        by_channel=by_channel,
        demographic_tables=[],
        total_inputs=len(records_all),
        total_participants=len(all_participants),
        offline_inputs=offline_total,
        online_inputs=len(records_all) - offline_total,
    )
