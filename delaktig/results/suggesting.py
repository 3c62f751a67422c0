"""Computing a run of suggested themes, in the request for small dialogues or in the worker for large ones."""

from django.utils import timezone

from . import selectors
from .models import ThemeSuggestionRun
from .suggestions import suggest_themes


def suggestion_run_compute(*, run, records=None):
    """Fill `run` with suggestions (status, progress and result saved as it goes)."""
    records = selectors.dialogue_inputs(run.dialogue) if records is None else records
    run.status, run.progress = ThemeSuggestionRun.Status.RUNNING, 5
    run.save(update_fields=["status", "progress", "updated_at"])

    def progress(percent):
        ThemeSuggestionRun.objects.filter(pk=run.pk).update(progress=percent)

    try:
        run.suggestions = suggest_themes(records, progress=progress)
        run.status = ThemeSuggestionRun.Status.DONE
    except Exception as error:  # noqa: BLE001  (the run records why it failed; the page says so)
        run.status, run.error = ThemeSuggestionRun.Status.FAILED, repr(error)[:500]
    run.progress, run.finished_at = 100, timezone.now()
    run.save(update_fields=["suggestions", "status", "error", "progress", "finished_at", "updated_at"])
    return run
