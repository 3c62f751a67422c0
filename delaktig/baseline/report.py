"""The baseline and capacity in figures: the yearly report's section (hook `yearly_report_sections`) and the
council's yearly overview (hook `council_overview_sections` of dialogues).

Planned against held per department and body, with the gap (dialogues planned but not held) marked; the ladder
shares of the year against the year before.
"""

from django.utils.translation import gettext as _

from delaktig.core import hookspecs as core_hooks
from delaktig.core.contributions import Chart, ReportSection, Table
from delaktig.dialogues import hookspecs as dialogue_hooks

from . import selectors

ORDER = 15


def gap_mark(row):
    """The gap as the table shows it: "3 färre än planerat", or "–" when none."""
    return _("%(count)s fewer than planned") % {"count": row.gap} if row.gap else "–"


def capacity_table(municipality, year):
    headers = (
        _("Department or body"),
        _("Dialogues planned"),
        _("Dialogues held"),
        _("Staff hours for dialogues"),
        _("Gap"),
    )
    rows = tuple(
        (row.name, row.planned, row.held, row.staff_hours, gap_mark(row))
        for row in selectors.capacity_rows(municipality, year)
    )
    caption = _("Planned against held %(year)s") % {"year": year}
    return Table(caption, headers, rows, "capacity")


def ladder_table(municipality, year):
    found = selectors.baseline(municipality, year)
    headers = [_("Level")]
    for each in found["years"]:
        headers += [_("Share %(year)s (%%)") % {"year": each}]
    rows = tuple((row.label, *row.shares) for row in found["ladder"])
    caption = _("Activities on the participation ladder, %(first)s and %(last)s") % {
        "first": found["years"][0],
        "last": found["years"][1],
    }
    return Table(caption, tuple(headers), rows, "baseline")


def capacity_section(municipality, year, *, charts=True):
    capacity = capacity_table(municipality, year)
    ladder = ladder_table(municipality, year)
    return ReportSection(
        key="baseline",
        title=_("Baseline and capacity"),
        order=ORDER,
        paragraphs=(
            _(
                "Every participation activity of the year, on the platform or registered by a department, counted "
                "once. Held: dialogues on the platform that opened during the year, and registered activities above "
                "the information step. The gap is the number of dialogues planned but not held."
            ),
        ),
        tables=(capacity, ladder),
        charts=(Chart(_("Share of activities at each level"), ladder, "barh"),) if charts and _any(ladder) else (),
    )


def _any(table):
    return any(any(cell for cell in row[1:]) for row in table.rows)


@core_hooks.yearly_report_sections.register
def baseline_report_sections(municipality, year):
    return [capacity_section(municipality, year)]


@dialogue_hooks.council_overview_sections.register
def baseline_overview_sections(municipality, year):
    return [capacity_section(municipality, year, charts=False)]
