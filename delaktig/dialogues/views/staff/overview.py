"""The council's yearly overview: every activity on the participation ladder, counts, planned versus held.

Information activities are shown on the ladder but never counted as dialogues.
"""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from delaktig.organisations import ladders
from delaktig.organisations.permissions import staff_view

from ... import hookspecs as dialogue_hooks
from ... import selectors
from ...models import Kind
from ...overview_tables import overview_tables, shown_table
from .workspace import csv_response

FIRST_YEAR, LAST_YEAR = 1900, 2200


def _year(year):
    year = timezone.localdate().year if year is None else year
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404("No such year")
    return year


@require_GET
@staff_view()
def council_overview(request, year=None):
    year = _year(year)
    data = selectors.council_overview(municipality=request.municipality, year=year)
    context = {
        "year": year,
        "previous_year": year - 1,
        "next_year": year + 1,
        **overview_tables(request.municipality, data),
        "sections": _contributed_sections(request.municipality, year),
    }
    return render(request, "dialogues/staff/overview.html", context)


def _contributed_sections(municipality, year):
    """Outer apps' figures for the year (hook council_overview_sections), e.g. public question time, each with its
    tables ready to show."""
    found = []
    for hook in dialogue_hooks.council_overview_sections.implementations():
        found.extend(hook(municipality, year) or [])
    ordered = sorted(found, key=lambda section: (section.order, str(section.title)))
    return [(section, [shown_table(table) for table in section.tables]) for section in ordered]


@require_GET
@staff_view()
def council_overview_csv(request, year):
    year = _year(year)
    data = selectors.council_overview(municipality=request.municipality, year=year)
    profile = request.municipality.ladder_profile
    header = [
        _("Year"), _("Dialogue number"), _("Title"), _("Kind"), _("Counted as a citizen dialogue"), _("State"),
        _("Body"), _("Level of influence"), _("Decision date"), _("Opened"), _("Closed"), _("Feedback due"),
        _("Feedback overdue"),
    ]  # fmt: skip
    rows = [csv_row(year, dialogue, data["bodies"], profile) for dialogue in data["rows"]]
    return csv_response(f"overview-{year}.csv", header, rows)


def csv_row(year, dialogue, bodies, profile):
    level = ladders.level(profile, dialogue.ladder_level) if dialogue.ladder_level else None
    yes, no = _("Yes"), _("No")
    return [
        year,
        dialogue.pk,
        dialogue.title,
        dialogue.get_kind_display(),
        no if dialogue.kind == Kind.INFORMATION else yes,
        dialogue.get_state_display(),
        bodies[dialogue.responsible_body_id].name if dialogue.responsible_body_id in bodies else "",
        str(level.label) if level else "",
        _iso(dialogue.decision_to_hold.date if dialogue.decision_to_hold else None),
        _iso(dialogue.opened_at),
        _iso(dialogue.closed_at),
        _iso(dialogue.feedback_due_on),
        yes if dialogue.is_feedback_overdue else no,
    ]


def _iso(value):
    return value.isoformat() if value else ""
