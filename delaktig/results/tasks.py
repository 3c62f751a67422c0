"""Background work of results: suggested themes for large dialogues."""

from django_tasks import task


@task()
def theme_suggestions_compute(*, run_id):
    from .models import ThemeSuggestionRun
    from .services import suggestion_run_compute

    run = ThemeSuggestionRun.objects.select_related("dialogue").filter(pk=run_id).first()
    if run is None or run.status == ThemeSuggestionRun.Status.DONE:
        return
    suggestion_run_compute(run=run)
