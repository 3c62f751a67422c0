"""Suggested themes: make suggestions (in the request, or in the background for many inputs) and handle them."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import selectors, selectors_workspace, services
from ..forms import SuggestionForm
from ..models import ThemeSuggestionRun
from .common import context, url, workspace_view


@require_http_methods(["GET", "POST"])
@workspace_view
def suggestions(request, dialogue):
    if request.method == "POST":
        run = services.suggestion_run_start(dialogue=dialogue, actor=request.user)
        if run.status == ThemeSuggestionRun.Status.DONE:
            messages.success(request, _("New suggestions are ready."))
        return redirect(url("suggestions", dialogue))
    run = selectors_workspace.latest_run(dialogue)
    running = run is not None and run.status in (ThemeSuggestionRun.Status.QUEUED, ThemeSuggestionRun.Status.RUNNING)
    items = [(index, s) for index, s in enumerate(run.suggestions)] if run and not running else []
    page = context(
        request,
        dialogue,
        "suggestions",
        run=run,
        running=running,
        items=items,
        open_items=[item for item in items if item[1].get("status", "open") == "open"],
        themes=selectors.themes_for(dialogue),
        limit=services.IN_REQUEST_LIMIT,
    )
    return render(request, "results/suggestions.html", page)


@require_POST
@workspace_view(edit=True)
def suggestion_act(request, dialogue, run_id, index):
    run = get_object_or_404(ThemeSuggestionRun, pk=run_id, dialogue=dialogue)
    form = SuggestionForm(request.POST, themes=selectors.themes_for(dialogue))
    if not form.is_valid():
        errors = [str(e) for field_errors in form.errors.values() for e in field_errors]
        messages.error(request, " ".join(errors) or _("Choose what to do with the suggestion."))
        return redirect(url("suggestions", dialogue))
    data = form.cleaned_data
    try:
        message = _act(run, index, data, request.user)
    except services.ResultsError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, message)
    return redirect(url("suggestions", dialogue))


def _act(run, index, data, actor):
    if data["action"] == "accept":
        theme = services.suggestion_accept(run=run, index=index, actor=actor, name=data["name"] or None)
        return _("The theme “%(name)s” is added and its inputs are tagged.") % {"name": theme.name}
    if data["action"] == "merge":
        theme = services.suggestion_merge(run=run, index=index, theme=data["theme"], actor=actor)
        return _("The inputs of the suggestion are tagged “%(name)s”.") % {"name": theme.name}
    services.suggestion_dismiss(run=run, index=index, actor=actor)
    return _("The suggestion is dismissed.")
