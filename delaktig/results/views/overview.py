"""The workspace's overview: themes with counts and quotes, inputs per channel, participation figures."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import figures, selectors, selectors_workspace
from .common import context, workspace_view


@require_GET
@workspace_view
def overview(request, dialogue):
    records = selectors.dialogue_inputs(dialogue)
    themes = list(selectors.themes_for(dialogue))
    tags = selectors_workspace.tags_by_ref(dialogue)
    page = context(
        request,
        dialogue,
        "overview",
        overview=selectors.results_overview(dialogue),
        figures=selectors.participation_figures(dialogue),
        group_tables=figures.theme_group_tables(dialogue, records, themes, tags) if themes else [],
        pending_note=True,
    )
    return render(request, "results/overview.html", page)
