"""Reads for the workspace pages only (the public contract for other apps is selectors.py)."""

import heapq
from collections import defaultdict
from itertools import islice

from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat

from delaktig.core.search import text_matches
from delaktig.participation.registry import InputRecord, registry

from . import selectors
from .models import InputTag, Quote, ThemeSuggestionRun
from .selectors import dialogue_inputs


def tags_by_ref(dialogue, refs=None):
    """{input ref: set of theme ids}; with `refs`, of those inputs only (a page)."""
    tags = defaultdict(set)
    found = InputTag.objects.filter(dialogue=dialogue)
    if refs is not None:
        found = found.filter(input_ref__in=refs)
    for ref, theme_id in found.values_list("input_ref", "theme_id"):
        tags[ref].add(theme_id)
    return tags


def quotes_by_ref(dialogue, refs=None):
    """{input ref: [quotes]}; with `refs`, of those inputs only (a page)."""
    quotes = defaultdict(list)
    found = Quote.objects.filter(dialogue=dialogue)
    if refs is not None:
        found = found.filter(input_ref__in=refs)
    for quote in found.select_related("theme").order_by("id"):
        quotes[quote.input_ref].append(quote)
    return quotes


def modules_of(dialogue):
    """The dialogue's modules in order, with what the methods' `inputs` read from them."""
    return list(selectors.modules_of(dialogue))


def _matches(record, filters, tags):
    if not text_matches(filters.get("q", ""), record.title, record.text):
        return False
    if filters.get("method") and str(record.module_id) != filters["method"]:
        return False
    if filters.get("channel") and record.channel != filters["channel"]:
        return False
    theme = filters.get("theme")
    if theme == "none":
        return not tags.get(record.ref)
    return not theme or int(theme) in tags.get(record.ref, set())


def workspace_inputs(dialogue, filters, records=None, tags=None):
    """The dialogue's inputs that match the filters (q, theme or "none", method = module id, channel)."""
    records = dialogue_inputs(dialogue) if records is None else records
    tags = tags_by_ref(dialogue) if tags is None else tags
    return [r for r in records if _matches(r, filters, tags)]


def workspace_inputs_paged(dialogue, filters, modules):
    """The inputs the workspace's list shows, for Django's Paginator: read a page at a time in the database when
    every method offers `input_rows` and no text is searched; else (a method without it, or a search, which reads
    every input anyway) the whole filtered list, as workspace_inputs."""
    manifests = []
    for module in modules:
        manifest = registry.get(module.method)
        if manifest is not None and manifest.inputs is not None:
            manifests.append((module, manifest))
    if filters.get("q") or any(manifest.input_rows is None for _module, manifest in manifests):
        return workspace_inputs(dialogue, filters)
    return PagedInputs(dialogue, filters, manifests)


class PagedInputs:
    """The dialogue's inputs that match the filters (theme or "none", method, channel), oldest first, as a sequence
    Django's Paginator pages through. Each module's inputs are filtered and counted in the database
    (`manifest.input_rows`); a page reads (time, ref) of each module's first inputs up to the page's end, merges them
    and builds records for the page alone (`manifest.inputs(module, ids=...)`). The cost grows with the page number,
    not with the number of inputs."""

    def __init__(self, dialogue, filters, manifests):
        self.parts = [
            (module, manifest, _rows_matching(dialogue, manifest.input_rows(module), manifest.key, filters))
            for module, manifest in manifests
            if not filters.get("method") or str(module.pk) == filters["method"]
        ]

    def count(self):
        return sum(rows.count() for _module, _manifest, rows in self.parts)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("PagedInputs is read a page (a slice) at a time")
        start, stop = index.start or 0, index.stop
        firsts = [
            [(*row, part) for row in rows.values_list("created_at", "ref", "pk")[:stop]]
            for part, (_module, _manifest, rows) in enumerate(self.parts)
        ]
        chosen = list(islice(heapq.merge(*firsts), start, stop))
        records: dict[str, InputRecord] = {}
        for part, (module, manifest, _rows) in enumerate(self.parts):
            ids = [pk for _created_at, _ref, pk, of in chosen if of == part]
            if ids:
                records.update((record.ref, record) for record in manifest.inputs(module, ids=ids))
        return [records[ref] for _created_at, ref, _pk, _part in chosen if ref in records]


def _rows_matching(dialogue, rows, key, filters):
    """A method's input rows with their ref ("<key>:<id>", as InputRecord.ref), filtered as _matches filters."""
    rows = rows.annotate(ref=Concat(Value(f"{key}:"), Cast("pk", CharField()), output_field=CharField()))
    rows = rows.order_by("created_at", "ref")
    if filters.get("channel"):
        rows = rows.filter(channel=filters["channel"])
    theme = filters.get("theme")
    if theme == "none":
        rows = rows.exclude(Exists(InputTag.objects.filter(dialogue=dialogue, input_ref=OuterRef("ref"))))
    elif theme:
        tagged = InputTag.objects.filter(dialogue=dialogue, theme_id=int(theme), input_ref=OuterRef("ref"))
        rows = rows.filter(Exists(tagged))
    return rows


def record_get(dialogue, ref):
    """One InputRecord of the dialogue, or None."""
    return next((r for r in dialogue_inputs(dialogue) if r.ref == ref), None)


def latest_run(dialogue):
    return ThemeSuggestionRun.objects.filter(dialogue=dialogue).first()
