"""What every renderer shares: the order of a section's parts and how a cell reads as text.

Renderers know nothing about what a section means; they show its paragraphs, then each table, each chart
placed right before the table it is drawn from (a chart is always followed by its numbers).
"""

import datetime
from dataclasses import dataclass
from numbers import Number

from django.utils import formats
from django.utils.translation import gettext as _

from delaktig.core.contributions import Link

EMPTY = "–"


@dataclass(frozen=True)
class Block:
    charts: tuple  # Chart, drawn from `table`
    table: object  # core.contributions.Table


def blocks(section):
    """Each table of the section with the charts drawn from it; a chart whose table is not listed brings it."""
    charts_for = {}
    for chart in section.charts:
        charts_for.setdefault(id(chart.table), []).append(chart)
    found = [Block(tuple(charts_for.pop(id(table), ())), table) for table in section.tables]
    for chart in section.charts:
        if id(chart.table) in charts_for:
            found.append(Block(tuple(charts_for.pop(id(chart.table))), chart.table))
    return found


def is_warning(table):
    return getattr(table, "tone", "") == "warning"


def caption_text(table):
    """The caption, with words saying that a warning table needs action (colour is never the only sign)."""
    return f"{table.caption} {_('(needs action)')}" if is_warning(table) else str(table.caption)


def cell_text(value):
    """A cell as people read it: 12 345, 1,5, 23 november 2026, "–" for nothing; a link by its text."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, Link):
        return str(value.text) or EMPTY
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, int):
        return f"{value:,}".replace(",", "\u00a0")
    if isinstance(value, Number):
        return formats.number_format(value, decimal_pos=1, use_l10n=True)
    if isinstance(value, datetime.datetime):
        return formats.date_format(value, "j F Y")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "j F Y")
    return str(value)


def cell_url(value):
    """The address of a cell that is a link (core.contributions.Link), else ""."""
    return value.url if isinstance(value, Link) else ""


def is_numeric(value):
    return isinstance(value, Number) and not isinstance(value, bool)


def sheet_name(title, taken):
    """An Excel sheet name: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    cleaned = "".join(" " if char in "[]:*?/\\" else char for char in str(title)).strip() or "Blad"
    name, number = cleaned[:31], 2
    while name.lower() in taken:
        suffix = f" ({number})"
        name, number = cleaned[: 31 - len(suffix)] + suffix, number + 1
    taken.add(name.lower())
    return name
