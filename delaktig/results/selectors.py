"""Reads of the results workspace, also offered to the apps of layer 7 (decision basis, follow-up, reports,
open data).

Inputs are read only through the method registry: for each `Module` of a dialogue,
`registry.get(module.method).inputs(module)`. Removed (rejected) inputs are never returned by a method's
`inputs`; inputs waiting for moderation are.

Public contract (do not rename without telling the other apps):

- `dialogue_inputs(dialogue) -> list[InputRecord]`
- `results_overview(dialogue) -> ResultsOverview`
- `participation_figures(dialogue) -> ParticipationFigures`
- `themes_for(dialogue) -> QuerySet[Theme]`
- `theme_counts(dialogue) -> dict[int, int]`  (theme id -> number of tagged inputs)
"""

from collections import Counter
from dataclasses import dataclass, field

from delaktig.participation.models import Channel, Module
from delaktig.participation.registry import InputRecord, registry

from .figures import demographic_tables, representation_tables
from .models import InputTag, Quote, Theme


@dataclass(frozen=True)
class ThemeSummary:
    id: int
    name: str
    description: str
    count: int  # inputs tagged with the theme
    quotes: list = field(default_factory=list)  # [(text, channel label)]


@dataclass(frozen=True)
class ResultsOverview:
    themes: list  # ThemeSummary, in code-book order
    untagged_count: int
    total_inputs: int
    by_channel: dict  # {channel label: number of inputs}


@dataclass(frozen=True)
class FigureRow:
    label: str
    inputs: int
    participants: int | None = None  # None where the method cannot tell
    offline: int = 0
    online: int = 0


@dataclass(frozen=True)
class ParticipationFigures:
    by_method: list  # FigureRow per module ("<module name> (<method name>)")
    by_channel: list  # FigureRow per channel label (participants is None)
    demographic_tables: list  # core.contributions.Table, one per dimension, small cells already suppressed
    total_inputs: int
    total_participants: int  # distinct user ids across modules (offline inputs have no user)
    offline_inputs: int
    online_inputs: int
    # Compared with the population (age × sex, and × area): Tables, small cells suppressed; [] without figures.
    representation_tables: list = field(default_factory=list)


def modules_of(dialogue):
    """The dialogue's modules in order, with what the methods' `inputs` read from them."""
    return Module.objects.filter(dialogue=dialogue).select_related("dialogue__municipality").order_by("order", "id")


def dialogue_inputs(dialogue) -> list[InputRecord]:
    """Every input of every module of the dialogue, oldest first; methods without `inputs` contribute none."""
    records: list[InputRecord] = []
    for module in modules_of(dialogue):
        manifest = registry.get(module.method)
        if manifest is None or manifest.inputs is None:
            continue
        records.extend(manifest.inputs(module))
    records.sort(key=lambda r: (r.created_at, r.ref))
    return records


def themes_for(dialogue):
    """The dialogue's code book as a QuerySet of Theme, in order."""
    return Theme.objects.filter(dialogue=dialogue).order_by("order", "name", "id")


def theme_counts(dialogue, records=None) -> dict[int, int]:
    """{theme id: number of (analysed) inputs tagged with it}; every theme of the code book is a key."""
    refs = {r.ref for r in (dialogue_inputs(dialogue) if records is None else records)}
    counts = dict.fromkeys(themes_for(dialogue).values_list("id", flat=True), 0)
    for theme_id, ref in InputTag.objects.filter(dialogue=dialogue).values_list("theme_id", "input_ref"):
        if ref in refs and theme_id in counts:
            counts[theme_id] += 1
    return counts


def channel_label(value) -> str:
    try:
        return str(Channel(value).label)
    except ValueError:
        return str(value)


def results_overview(dialogue) -> ResultsOverview:
    """Themes with counts and quotes, the number of untagged inputs, the total and inputs per channel."""
    records = dialogue_inputs(dialogue)
    refs = {r.ref for r in records}
    counts = theme_counts(dialogue, records)
    quotes_by_theme: dict[int, list[tuple[str, str]]] = {}
    for quote in Quote.objects.filter(dialogue=dialogue, theme__isnull=False).order_by("id"):
        if quote.input_ref in refs and quote.theme_id is not None:
            quotes_by_theme.setdefault(quote.theme_id, []).append((quote.text, channel_label(quote.channel)))
    themes = [
        ThemeSummary(t.id, t.name, t.description, counts.get(t.id, 0), quotes_by_theme.get(t.id, []))
        for t in themes_for(dialogue)
    ]
    tagged = set(InputTag.objects.filter(dialogue=dialogue).values_list("input_ref", flat=True))
    by_channel = Counter(channel_label(r.channel) for r in records)
    return ResultsOverview(
        themes=themes,
        untagged_count=len(refs - tagged),
        total_inputs=len(records),
        by_channel=dict(by_channel),
    )


def participation_figures(dialogue) -> ParticipationFigures:
    """Participation per method and channel, demographic tables with small cells suppressed, and totals."""
    by_method, all_participants, records_all = [], set(), []
    for module in modules_of(dialogue):
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
        demographic_tables=demographic_tables(dialogue, records_all),
        total_inputs=len(records_all),
        total_participants=len(all_participants),
        offline_inputs=offline_total,
        online_inputs=len(records_all) - offline_total,
        representation_tables=representation_tables(dialogue, records_all),
    )
