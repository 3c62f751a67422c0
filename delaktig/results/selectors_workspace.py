"""Reads for the workspace pages only (the public contract for other apps is selectors.py)."""

from collections import defaultdict

from delaktig.core.search import text_matches
from delaktig.participation.models import Module

from .models import InputTag, Quote, ThemeSuggestionRun
from .selectors import dialogue_inputs


def tags_by_ref(dialogue):
    """{input ref: set of theme ids}."""
    tags = defaultdict(set)
    for ref, theme_id in InputTag.objects.filter(dialogue=dialogue).values_list("input_ref", "theme_id"):
        tags[ref].add(theme_id)
    return tags


def quotes_by_ref(dialogue):
    quotes = defaultdict(list)
    for quote in Quote.objects.filter(dialogue=dialogue).select_related("theme").order_by("id"):
        quotes[quote.input_ref].append(quote)
    return quotes


def modules_of(dialogue):
    return list(Module.objects.filter(dialogue=dialogue).order_by("order", "id"))


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


def record_get(dialogue, ref):
    """One InputRecord of the dialogue, or None."""
    return next((r for r in dialogue_inputs(dialogue) if r.ref == ref), None)


def latest_run(dialogue):
    return ThemeSuggestionRun.objects.filter(dialogue=dialogue).first()
