"""The workspace's overview: themes with counts and quotes, inputs per channel, participation figures."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET

from delaktig.core.contributions import Table
from delaktig.core.exports import COMMA, csv_response

from .. import figures, selectors, selectors_workspace
from .common import context, workspace_view


def _group_tables(dialogue):
    records = selectors.dialogue_inputs(dialogue)
    themes = list(selectors.themes_for(dialogue))
    tags = selectors_workspace.tags_by_ref(dialogue)
    return figures.theme_group_tables(dialogue, records, themes, tags) if themes else []


@require_GET
@workspace_view
def overview(request, dialogue):
    page = context(
        request,
        dialogue,
        "overview",
        overview=selectors.results_overview(dialogue),
        figures=selectors.participation_figures(dialogue),
        group_tables=_group_tables(dialogue),
    )
    return render(request, "results/overview.html", page)


def all_tables(dialogue):
    """Every figure of the overview as Tables (small cells already suppressed), for the CSV download."""
    summary = selectors.results_overview(dialogue)
    numbers = selectors.participation_figures(dialogue)
    themes = Table(
        caption=_("Inputs per theme"),
        headers=(_("Theme"), pgettext("results", "Inputs")),
        rows=(*((t.name, t.count) for t in summary.themes), (_("Without a theme"), summary.untagged_count)),
    )
    channels = Table(
        caption=_("Inputs per channel"),
        headers=(_("Channel"), pgettext("results", "Inputs")),
        rows=tuple((row.label, row.inputs) for row in numbers.by_channel),
    )
    methods = Table(
        caption=_("Participation per way of taking part"),
        headers=(
            _("Way of taking part"),
            pgettext("results", "Inputs"),
            _("Online"),
            _("Offline"),
            _("Participants with an account"),
        ),
        rows=tuple((r.label, r.inputs, r.online, r.offline, r.participants) for r in numbers.by_method),
    )
    return [
        themes,
        channels,
        methods,
        *numbers.demographic_tables,
        *numbers.representation_tables,
        *_group_tables(dialogue),
    ]


@require_GET
@workspace_view
def figures_csv(request, dialogue):
    return csv_response(f"results-{dialogue.pk}.csv", _figure_rows(dialogue), delimiter=COMMA)


def _figure_rows(dialogue):
    """Each table as its caption, its headers, its rows and an empty line."""
    rows = []
    for table in all_tables(dialogue):
        rows += [[table.caption], table.headers, *table.rows, []]
    return rows
