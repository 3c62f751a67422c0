"""Dialogue considered in every matter, in figures per year: the council's overview (hook
`council_overview_sections` of dialogues) and the yearly report (hook `yearly_report_sections`).

A matter counts in the year its decision was expected or made, once. Of those: with a citizen dialogue planned,
without one (with a reason), not answered yet, and with its dialogue linked."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from delaktig.core import hookspecs as core_hooks
from delaktig.core.contributions import ReportSection, Table
from delaktig.dialogues import hookspecs as dialogue_hooks

from .selectors import year_counts, year_counts_by_body

ORDER = 30


def _row(name, counts):
    return (name, counts["total"], counts["yes"], counts["no"], counts["unanswered"], counts["linked"])


def matters_table(municipality, year):
    rows = [_row(name, counts) for name, counts in year_counts_by_body(municipality, year)]
    if len(rows) != 1:
        rows.append(_row(pgettext("bodies", "All bodies"), year_counts(municipality, year)))
    headers = (
        _("Body"),
        _("Matters that affect residents"),
        _("With a citizen dialogue"),
        _("Without a dialogue"),
        _("Not answered"),
        _("Dialogue linked"),
    )
    return Table(_("Dialogue considered in matters %(year)s") % {"year": year}, headers, tuple(rows), "matters")


def matters_section(municipality, year):
    counts = year_counts(municipality, year)
    paragraphs = [
        _(
            "Officers register the coming matters that affect residents and answer early whether a citizen dialogue "
            "is planned, and why or why not. A matter counts in the year its decision was expected or made."
        )
    ]
    if counts["unanswered"]:
        paragraphs.append(
            _("%(count)s of %(total)s matters have no answer yet whether a dialogue is planned.")
            % {"count": counts["unanswered"], "total": counts["total"]}
        )
    return ReportSection(
        key="matters",
        title=_("Dialogue considered in every matter"),
        order=ORDER,
        paragraphs=tuple(paragraphs),
        tables=(matters_table(municipality, year),),
    )


@dialogue_hooks.council_overview_sections.register
def matters_overview_sections(municipality, year):
    return [matters_section(municipality, year)]


@core_hooks.yearly_report_sections.register
def matters_report_sections(municipality, year):
    return [matters_section(municipality, year)]
