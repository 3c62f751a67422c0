"""Downloads for spreadsheet programs: CSV and XLSX, with every text cell protected against formulas.

A spreadsheet program runs a cell that starts like a formula (`=HYPERLINK(...)`, `+`, `-`, `@`, a tab or a
carriage return), and residents write text that ends up in cells. So every text cell that starts that way gets a
leading apostrophe, as OWASP recommends for CSV injection; numbers, dates and booleans are written as they are.

CSV is UTF-8 with a byte order mark, so Excel reads å, ä and ö right. The delimiter is the semicolon
(`SWEDISH_EXCEL`), which Excel with Swedish settings opens directly because the comma is the Swedish decimal
sign, and decimals are then written with a comma (27,1); a download that has always used commas (open data, which
follows RFC 4180) passes `delimiter=COMMA`.
XLSX goes through openpyxl: write each cell's value through `xlsx_value`.
"""

import csv
import datetime
import decimal
import io

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
SWEDISH_EXCEL = ";"
COMMA = ","
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_text(value):
    """Text a spreadsheet shows as typed: a leading apostrophe before anything that would start a formula."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_cell(value, *, decimal_comma=False):
    """None as empty, numbers as they are (with a decimal comma for Swedish Excel), everything else as protected
    text."""
    if value is None:
        return ""
    if isinstance(value, (int, float, decimal.Decimal)) and not isinstance(value, bool):
        if decimal_comma and not isinstance(value, int):
            return str(value).replace(".", ",")
        return value
    return safe_text(value)


class _Line:
    """csv.writer writes into this; each row comes back as a string."""

    def write(self, value):
        return value


def csv_lines(rows, *, delimiter=SWEDISH_EXCEL):
    """Each row as one line of CSV, every cell through csv_cell; the first line starts with the byte order mark."""
    writer = csv.writer(_Line(), delimiter=delimiter)
    prefix = BOM
    swedish = delimiter == SWEDISH_EXCEL  # the comma is the decimal sign there
    for row in rows:
        yield prefix + writer.writerow([csv_cell(value, decimal_comma=swedish) for value in row])
        prefix = ""
    if prefix:  # no rows at all: still a UTF-8 file with its mark
        yield prefix


def csv_text(rows, *, delimiter=SWEDISH_EXCEL):
    """The whole file as one string (for an e-mail attachment or a small download)."""
    buffer = io.StringIO()
    buffer.writelines(csv_lines(rows, delimiter=delimiter))
    return buffer.getvalue()


def csv_response(filename, rows, *, delimiter=SWEDISH_EXCEL, streaming=False):
    """A download of the rows; `streaming` for files that may be large (rows may then be a generator)."""
    response: HttpResponse | StreamingHttpResponse
    if streaming:
        response = StreamingHttpResponse(csv_lines(rows, delimiter=delimiter), content_type=CSV_CONTENT_TYPE)
    else:
        response = HttpResponse(csv_text(rows, delimiter=delimiter), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_value(value):
    """A cell value for openpyxl: numbers, booleans and dates as they are (local time, as Excel has no zones),
    everything else as protected text (openpyxl would store a string starting with = as a formula)."""
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return timezone.localtime(value).replace(tzinfo=None)
    if value is None or isinstance(value, (int, float, decimal.Decimal, bool, datetime.date, datetime.time)):
        return value
    return safe_text(value)


def xlsx_bytes(workbook):
    """The workbook as the bytes of an .xlsx file."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
