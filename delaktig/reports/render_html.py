"""The report as HTML: for the staff page and, with print CSS, for the PDF. Charts are inline SVG."""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .charts import svg_bar_chart
from .layout import blocks, cell_text, cell_url, is_numeric, is_warning


@dataclass(frozen=True)
class Cell:
    text: str
    numeric: bool
    url: str = ""  # a link's address


@dataclass(frozen=True)
class ShownTable:
    caption: str
    headers: tuple  # Cell (numeric: the column holds numbers)
    rows: tuple  # tuples of Cell
    numeric_columns: tuple  # bool per column
    warning: bool
    anchor: str


@dataclass(frozen=True)
class ShownSection:
    anchor: str
    title: str
    paragraphs: tuple
    parts: tuple  # ("chart", svg markup) or ("table", ShownTable), in reading order


def presented(report):
    """Every section ready for a template: cells as text, charts as SVG, stable ids for anchors."""
    return [_section(section, index) for index, section in enumerate(report.sections, start=1)]


def _section(section, index):
    anchor = f"s{index}"
    parts = []
    for number, block in enumerate(blocks(section), start=1):
        for chart_number, chart in enumerate(block.charts, start=1):
            parts.append(("chart", mark_safe(svg_bar_chart(chart, f"{anchor}-c{number}-{chart_number}"))))  # noqa: S308
        parts.append(("table", _table(block.table, f"{anchor}-t{number}")))
    return ShownSection(anchor, str(section.title), tuple(str(p) for p in section.paragraphs), tuple(parts))


def _table(table, anchor):
    columns = len(table.headers)
    numeric = tuple(
        bool(table.rows) and all(is_numeric(row[i]) or row[i] is None for row in table.rows if i < len(row))
        for i in range(columns)
    )
    rows = tuple(tuple(Cell(cell_text(cell), is_numeric(cell), cell_url(cell)) for cell in row) for row in table.rows)
    headers = tuple(Cell(str(header), numeric[i]) for i, header in enumerate(table.headers))
    return ShownTable(str(table.caption), headers, rows, numeric, is_warning(table), anchor)


def report_html(report, template="reports/print.html", context=None):
    return render_to_string(template, {"report": report, "sections": presented(report), **(context or {})})
