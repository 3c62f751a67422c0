"""Writes of the results workspace: the code book, tags, quotes and suggested themes. Each leaves an audit event."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from delaktig.core.audit import audit_record

from . import selectors
from .models import InputTag, Quote, Theme, ThemeSuggestionRun
from .suggesting import suggestion_run_compute
from .suggestions import normalise_space
from .tasks import theme_suggestions_compute

NAME_MAX = 120


class ResultsError(ValueError):
    """A refused change, with a message in words for the person who tried."""


def compiled_results_save(*, compiled, summary, offline_participant_count):
    """Store what staff wrote when compiling the results; the dialogue's step page records the change
    (dialogues.services.dialogue_update). No row is made while nothing is written."""
    values = {"summary": summary, "offline_participant_count": offline_participant_count}
    if compiled.pk is None and not summary and offline_participant_count is None:
        compiled.summary, compiled.offline_participant_count = summary, offline_participant_count
        return compiled
    # Two people saving the first summary at once: the second updates the row the first made (no error).
    dialogue = compiled.dialogue
    stored, _created = type(compiled).objects.update_or_create(dialogue=dialogue, defaults=values)
    dialogue.compiled_results = stored  # the step's guards read it next
    return stored


def _audit(dialogue, actor, action, target, data=None):
    audit_record(municipality=dialogue.municipality, actor=actor, action=action, target=target, data=data or {})


def _clean_name(dialogue, name, *, exclude=None):
    name = " ".join((name or "").split())[:NAME_MAX]
    if not name:
        raise ResultsError(_("Write a name for the theme."))
    taken = Theme.objects.filter(dialogue=dialogue, name__iexact=name)
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    if taken.exists():
        raise ResultsError(_("There is already a theme called “%(name)s”.") % {"name": name})
    return name


@transaction.atomic
def theme_create(*, dialogue, actor, name, description=""):
    name = _clean_name(dialogue, name)
    last = Theme.objects.filter(dialogue=dialogue).order_by("-order").values_list("order", flat=True).first() or 0
    try:
        with transaction.atomic():
            theme = Theme.objects.create(dialogue=dialogue, name=name, description=description.strip(), order=last + 1)
    except IntegrityError as error:  # two people adding the same name at once
        raise ResultsError(_("There is already a theme called “%(name)s”.") % {"name": name}) from error
    _audit(dialogue, actor, "results.theme_create", theme, {"name": name})
    return theme


@transaction.atomic
def theme_update(*, theme, actor, name, description="", order=None):
    """Rename a theme or change its description or place; tags and quotes stay."""
    before = {"name": theme.name, "description": theme.description, "order": theme.order}
    theme.name = _clean_name(theme.dialogue, name, exclude=theme)
    theme.description = (description or "").strip()
    if order is not None:
        theme.order = order
    theme.save()
    after = {"name": theme.name, "description": theme.description, "order": theme.order}
    _audit(theme.dialogue, actor, "results.theme_update", theme, {"before": before, "after": after})
    return theme


@transaction.atomic
def theme_merge(*, source, target, actor):
    """Move the tags and quotes of `source` to `target` and delete `source`. Both must be of one dialogue."""
    if source.dialogue_id != target.dialogue_id or source.pk == target.pk:
        raise ResultsError(_("Choose another theme of the same dialogue to merge into."))
    have = set(InputTag.objects.filter(theme=target).values_list("input_ref", flat=True))
    moving = InputTag.objects.filter(theme=source).exclude(input_ref__in=have)
    moved = moving.update(theme=target)
    quotes = Quote.objects.filter(theme=source).update(theme=target)
    data = {"from": source.name, "from_id": source.pk, "into": target.name, "tags_moved": moved, "quotes": quotes}
    _audit(target.dialogue, actor, "results.theme_merge", target, data)
    source.delete()
    return target


@transaction.atomic
def theme_delete(*, theme, actor):
    """Delete a theme and its tags; its quotes stay, without a theme."""
    tags = InputTag.objects.filter(theme=theme).count()
    _audit(theme.dialogue, actor, "results.theme_delete", theme, {"name": theme.name, "tags": tags})
    theme.delete()


@transaction.atomic
def tags_set(*, dialogue, actor, assignments):
    """Set the themes of some inputs: assignments maps an input ref to the set of theme ids it should have.

    Refs not among the dialogue's inputs and themes of other dialogues are refused (ResultsError).
    """
    known = {r.ref for r in selectors.dialogue_inputs(dialogue)}
    theme_ids = set(Theme.objects.filter(dialogue=dialogue).values_list("id", flat=True))
    wanted_ids = set().union(*assignments.values()) if assignments else set()
    if set(assignments) - known or wanted_ids - theme_ids:
        raise ResultsError(_("Some of the inputs or themes do not belong to this dialogue. Reload the page."))
    current = InputTag.objects.filter(dialogue=dialogue, input_ref__in=list(assignments))
    have = {(t.input_ref, t.theme_id) for t in current}
    want = {(ref, theme_id) for ref, ids in assignments.items() for theme_id in ids}
    for ref, theme_id in have - want:
        InputTag.objects.filter(input_ref=ref, theme_id=theme_id).delete()
    InputTag.objects.bulk_create(
        [InputTag(dialogue=dialogue, input_ref=ref, theme_id=theme_id) for ref, theme_id in want - have],
        ignore_conflicts=True,
    )
    added, removed = sorted(want - have), sorted(have - want)
    if added or removed:
        _audit(dialogue, actor, "results.tags_set", dialogue, {"added": added, "removed": removed})
    return len(added), len(removed)


def quote_excerpt_valid(text, excerpt):
    """An excerpt must be the whole text or appear in it (spaces and line breaks compared loosely)."""
    excerpt = normalise_space(excerpt)
    return bool(excerpt) and excerpt.casefold() in normalise_space(text).casefold()


@transaction.atomic
def quote_create(*, dialogue, actor, record, text, theme=None, note=""):
    """Mark a quote in an input (an InputRecord of the dialogue). The quote keeps the input's channel."""
    if theme is not None and theme.dialogue_id != dialogue.pk:
        raise ResultsError(_("Choose a theme of this dialogue."))
    text = text.strip() or record.text
    if not quote_excerpt_valid(record.text, text):
        raise ResultsError(_("The quote must be words from the input, copied exactly. Paste a sentence from it."))
    quote = Quote.objects.create(
        dialogue=dialogue,
        input_ref=record.ref,
        text=normalise_space(text),
        theme=theme,
        note=note.strip(),
        channel=record.channel,
    )
    _audit(dialogue, actor, "results.quote_create", quote, {"input": record.ref, "theme": theme.pk if theme else None})
    return quote


@transaction.atomic
def quote_delete(*, quote, actor):
    _audit(quote.dialogue, actor, "results.quote_delete", quote, {"input": quote.input_ref, "text": quote.text})
    quote.delete()


# Suggested themes ---------------------------------------------------------------------------------------------

IN_REQUEST_LIMIT = 2000


def suggestion_run_start(*, dialogue, actor):
    """Compute suggested themes: at once for up to 2 000 inputs, otherwise in a background task."""
    records = selectors.dialogue_inputs(dialogue)
    with transaction.atomic():
        run = ThemeSuggestionRun.objects.create(dialogue=dialogue, input_count=len(records))
        _audit(dialogue, actor, "results.suggestions_start", run, {"inputs": len(records)})
    if len(records) <= IN_REQUEST_LIMIT:
        suggestion_run_compute(run=run, records=records)
    else:
        transaction.on_commit(lambda: theme_suggestions_compute.enqueue(run_id=run.pk))
    return run


def _suggestion(run, index):
    if run.status != ThemeSuggestionRun.Status.DONE or not 0 <= index < len(run.suggestions):
        raise ResultsError(_("The suggestion no longer exists. Make new suggestions."))
    suggestion = run.suggestions[index]
    if suggestion.get("status", "open") != "open":
        raise ResultsError(_("The suggestion has already been handled."))
    return suggestion


def _mark(run, index, status, theme=None):
    run.suggestions[index] = {**run.suggestions[index], "status": status, "theme_id": theme.pk if theme else None}
    run.save(update_fields=["suggestions", "updated_at"])


def _tag_refs(dialogue, theme, refs):
    known = {r.ref for r in selectors.dialogue_inputs(dialogue)}
    tags = [InputTag(dialogue=dialogue, input_ref=ref, theme=theme) for ref in refs if ref in known]
    return len(InputTag.objects.bulk_create(tags, ignore_conflicts=True))


@transaction.atomic
def suggestion_accept(*, run, index, actor, name=None):
    """Create a theme from a suggestion (under `name` when renamed) and tag the inputs that are strongly in it."""
    run = ThemeSuggestionRun.objects.select_for_update().get(pk=run.pk)
    suggestion = _suggestion(run, index)
    theme = theme_create(dialogue=run.dialogue, actor=actor, name=name or suggestion["label"])
    tagged = _tag_refs(run.dialogue, theme, suggestion["refs"])
    _mark(run, index, "accepted", theme)
    _audit(run.dialogue, actor, "results.suggestion_accept", theme, {"run": run.pk, "index": index, "tags": tagged})
    return theme


@transaction.atomic
def suggestion_merge(*, run, index, theme, actor):
    """Tag the suggestion's inputs with an existing theme of the dialogue."""
    run = ThemeSuggestionRun.objects.select_for_update().get(pk=run.pk)
    suggestion = _suggestion(run, index)
    if theme.dialogue_id != run.dialogue_id:
        raise ResultsError(_("Choose a theme of this dialogue."))
    tagged = _tag_refs(run.dialogue, theme, suggestion["refs"])
    _mark(run, index, "merged", theme)
    _audit(run.dialogue, actor, "results.suggestion_merge", theme, {"run": run.pk, "index": index, "tags": tagged})
    return theme


@transaction.atomic
def suggestion_dismiss(*, run, index, actor):
    run = ThemeSuggestionRun.objects.select_for_update().get(pk=run.pk)
    suggestion = _suggestion(run, index)
    _mark(run, index, "dismissed")
    _audit(run.dialogue, actor, "results.suggestion_dismiss", run, {"index": index, "label": suggestion["label"]})
