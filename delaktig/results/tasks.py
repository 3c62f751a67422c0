"""Background work of results: suggested themes for large dialogues."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background import purposes

from .models import ThemeSuggestionRun
from .suggesting import suggestion_run_compute


@task()
def theme_suggestions_compute(*, run_id):
    run = ThemeSuggestionRun.objects.select_related("dialogue").filter(pk=run_id).first()
    if run is None or run.status == ThemeSuggestionRun.Status.DONE:
        return
    suggestion_run_compute(run=run)


@purposes.describes(theme_suggestions_compute)
def _suggestions_purpose(kwargs):
    run = ThemeSuggestionRun.objects.select_related("dialogue__municipality").filter(pk=kwargs.get("run_id")).first()
    if run is None:
        return None
    dialogue = run.dialogue
    return purposes.Purpose(
        municipality_id=dialogue.municipality_id,
        text=_("Suggested themes for “%(dialogue)s”") % {"dialogue": dialogue.title},
        url=reverse("results:overview", args=[dialogue.municipality.slug, dialogue.pk]),
    )
