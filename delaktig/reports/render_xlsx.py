"""The report as XLSX (openpyxl): a "Sammanfattning" sheet first, then one sheet per section.

Every table is a real Excel table with a header row; a native bar chart drawn from it stands to its right.
Every cell is written through core.exports.xlsx_value, which keeps text that starts like a formula as text.
"""

import re

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from delaktig.core.exports import xlsx_bytes, xlsx_value

from .layout import blocks, caption_text, cell_url, is_numeric, is_warning, sheet_name

CHART_GAP_COLUMNS = 2


def render_xlsx(report):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    taken, names = set(), set()
    sheet.title = sheet_name(pgettext("yearly report", "Summary"), taken)
    summary, *others = report.sections or (None,)
    sheets = [sheet.title] + [sheet_name(section.title, taken) for section in others]
    row = _front(sheet, report, sheets)
    if summary is not None:
        _section(sheet, summary, row, names)
    for title, section in zip(sheets[1:], others, strict=True):
        _section(workbook.create_sheet(title), section, 1, names)
    return xlsx_bytes(workbook)


def _front(sheet, report, sheets):
    """Title, municipality, date and the contents, each line a link to its sheet."""
    from openpyxl.styles import Font

    sheet["A1"] = xlsx_value(report.title)
    sheet["A1"].font = Font(bold=True, size=16)
    sheet["A2"] = xlsx_value(report.municipality_name)
    sheet["A3"] = xlsx_value(
        _("Produced %(date)s from the records of the citizen dialogue platform.")
        % {"date": formats.date_format(report.generated_at, "j F Y")}
    )
    sheet["A5"] = xlsx_value(_("Contents"))
    sheet["A5"].font = Font(bold=True)
    for index, (section, title) in enumerate(zip(report.sections, sheets, strict=False), start=6):
        cell = sheet.cell(row=index, column=1, value=xlsx_value(section.title))
        quoted = title.replace("'", "''")
        cell.hyperlink = f"#'{quoted}'!A1"
        cell.style = "Hyperlink"
    return 7 + len(report.sections)


def _section(sheet, section, row, names):
    from openpyxl.styles import Alignment, Font

    sheet.cell(row=row, column=1, value=xlsx_value(section.title)).font = Font(bold=True, size=14)
    row += 1
    for paragraph in section.paragraphs:
        cell = sheet.cell(row=row, column=1, value=xlsx_value(paragraph))
        cell.alignment = Alignment(wrap_text=False)
        row += 1
    sheet.column_dimensions["A"].width = 45
    for block in blocks(section):
        row = _table(sheet, block, row + 1, names)
    return row


def _table(sheet, block, row, names):
    from openpyxl.styles import Font
    from openpyxl.worksheet.table import Table as ExcelTable
    from openpyxl.worksheet.table import TableStyleInfo

    table = block.table
    sheet.cell(row=row, column=1, value=xlsx_value(caption_text(table))).font = Font(bold=True)
    header_row = row + 1
    for column, header in enumerate(_unique_headers(table.headers), start=1):
        sheet.cell(row=header_row, column=column, value=xlsx_value(header)).font = Font(bold=True)
    red = Font(color="B10E1E") if is_warning(table) else None
    for offset, values in enumerate(table.rows, start=1):
        for column, value in enumerate(values, start=1):
            url = cell_url(value)
            cell = sheet.cell(row=header_row + offset, column=column, value=xlsx_value(str(value) if url else value))
            if url:
                cell.hyperlink = url
                cell.style = "Hyperlink"
            if red:
                cell.font = red
    last_row = header_row + max(len(table.rows), 1)
    if not table.rows:
        sheet.cell(row=last_row, column=1, value=xlsx_value(_("Nothing to show for this year.")))
    ref = f"A{header_row}:{_column_letter(len(table.headers))}{last_row}"
    excel_table = ExcelTable(displayName=_table_name(table, names), ref=ref)
    excel_table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    sheet.add_table(excel_table)
    for chart in block.charts:
        _chart(sheet, chart, header_row, last_row, len(table.headers))
    return last_row + (18 if block.charts and len(table.rows) < 15 else 2)


def _chart(sheet, chart, header_row, last_row, columns):
    from openpyxl.chart import BarChart, Reference

    numeric = [
        column
        for column in range(2, columns + 1)
        if chart.table.rows and all(_is_number_or_empty(row, column - 1) for row in chart.table.rows)
    ]
    if not numeric or not chart.table.rows:
        return
    bar = BarChart()
    bar.type = "bar" if chart.kind == "barh" else "col"
    bar.title = str(chart.title)
    bar.height, bar.width = 7.5, 16
    for column in numeric:
        bar.add_data(Reference(sheet, min_col=column, min_row=header_row, max_row=last_row), titles_from_data=True)
    bar.set_categories(Reference(sheet, min_col=1, min_row=header_row + 1, max_row=last_row))
    sheet.add_chart(bar, f"{_column_letter(columns + CHART_GAP_COLUMNS)}{header_row}")


def _is_number_or_empty(row, index):
    return index >= len(row) or row[index] is None or is_numeric(row[index])


def _unique_headers(headers):
    """Excel tables need unique, non-empty header texts."""
    seen, result = set(), []
    for index, header in enumerate(headers, start=1):
        text = str(header).strip() or _("Column %(number)s") % {"number": index}
        base, number = text, 2
        while text.lower() in seen:
            text, number = f"{base} ({number})", number + 1
        seen.add(text.lower())
        result.append(text)
    return result


def _table_name(table, names):
    base = "T_" + (re.sub(r"[^A-Za-z0-9_]", "_", table.key or "") or "table")
    name, number = base[:200], 2
    while name.lower() in names:
        name, number = f"{base}_{number}", number + 1
    names.add(name.lower())
    return name


def _column_letter(index):
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)
