"""Each renderer gives a valid file with the section titles and the numbers; a new section appears in all three."""

import io
import re
import zipfile

import pytest
import time_machine
from docx import Document
from openpyxl import load_workbook

from delaktig.core import hookspecs as core_hooks
from delaktig.core.contributions import Chart, Link, ReportSection, Table
from delaktig.reports import selectors
from delaktig.reports.charts import png_bar_chart, svg_bar_chart
from delaktig.reports.render_docx import render_docx
from delaktig.reports.render_html import report_html
from delaktig.reports.render_pdf import render_pdf
from delaktig.reports.render_xlsx import render_xlsx

from .support import NOW, YEAR, constructed_year, method_registered

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.\w+")
THROWAWAY_TITLE = "Medborgarpanelens enkäter (ny kanal)"


def throwaway_section(municipality, year):
    table = Table("Svar per enkät", ("Enkät", "Svar"), (("Trafik", 1234), ("Skola", 56)), "panel")
    return [
        ReportSection(
            key="panel",
            title=THROWAWAY_TITLE,
            order=80,
            paragraphs=("Panelen svarade på två enkäter.",),
            tables=(table,),
            charts=(Chart("Svar per enkät", table, "barh"),),
        )
    ]


@pytest.fixture
def report(municipality, other_municipality):
    with time_machine.travel(NOW, tick=False), method_registered():
        constructed_year(municipality, other_municipality)
        with core_hooks.yearly_report_sections.temporarily(throwaway_section):
            yield selectors.yearly_report(municipality, YEAR)


_files = {}


def rendered(report, render):
    """The `report` fixture's year in one format, rendered once for the module: the fixture builds the same year
    at the same moment each time, and rendering it takes seconds."""
    if render not in _files:
        _files[render] = render(report)
    return _files[render]


def pdf_text(content):
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_pdf_is_a_pdf_with_the_titles_and_numbers(report):
    from pypdf import PdfReader

    content = rendered(report, render_pdf)
    assert content.startswith(b"%PDF")
    root = PdfReader(io.BytesIO(content)).trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/Lang"] == "sv"  # tagged, in Swedish
    text = pdf_text(content)
    for section in report.sections:
        assert str(section.title).split()[0] in text
    assert THROWAWAY_TITLE in text and "1\u00a0234" in text.replace(" ", "\u00a0")


def test_word_opens_with_heading_styles_titles_tables_and_pictures(report):
    document = Document(io.BytesIO(rendered(report, render_docx)))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [str(section.title) for section in report.sections]
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert {"Trafik", "1\u00a0234", "Parken", "Badet"} <= cells
    assert len(document.inline_shapes) == sum(len(section.charts) for section in report.sections)


def test_xlsx_has_a_summary_sheet_first_then_a_sheet_per_section_with_tables_and_charts(report):
    workbook = load_workbook(io.BytesIO(rendered(report, render_xlsx)))
    assert workbook.sheetnames[0] == "Sammanfattning"
    assert len(workbook.sheetnames) == len(report.sections)
    panel = next(workbook[name] for name in workbook.sheetnames if name.startswith("Medborgarpanelens"))
    values = [cell.value for row in panel.iter_rows() for cell in row]
    assert THROWAWAY_TITLE in values and 1234 in values and "Enkät" in values
    assert panel.tables and panel._charts
    everything = {cell.value for sheet in workbook for row in sheet.iter_rows() for cell in row}
    assert {"Parken", "Badet", 45} <= everything
    assert {str(section.title) for section in report.sections} <= everything


def test_the_registered_methods_section_appears_in_every_format(report):
    title = "Allmänhetens frågestund (testkanal)"
    assert title in report_html(report)
    assert title in [p.text for p in Document(io.BytesIO(rendered(report, render_docx))).paragraphs]
    sheets = load_workbook(io.BytesIO(rendered(report, render_xlsx))).sheetnames
    assert any(name.startswith("Allmänhetens frågestund") for name in sheets)
    assert title in pdf_text(rendered(report, render_pdf))


def test_every_chart_is_followed_by_its_table_in_html(report):
    html = report_html(report)
    assert html.count("<svg") == sum(len(section.charts) for section in report.sections)
    after_chart = html.split("</figure>")[1:]
    assert all(part.lstrip().startswith('<div class="table-wrap"') for part in after_chart)


def test_the_overdue_table_is_marked_in_red_and_in_words(report):
    html = report_html(report)
    assert "report-table--warning" in html
    assert "Badet" in html.split('class="report-table report-table--warning"')[1]


def test_svg_chart_is_accessible_and_escapes_text():
    table = Table("t", ("Namn", "Antal"), (("<script>", 3),))
    svg = svg_bar_chart(Chart("A & B", table), "c1")
    assert 'role="img"' in svg and 'aria-labelledby="c1-title c1-desc"' in svg
    assert "<script>" not in svg and "A &amp; B" in svg


def test_png_chart_is_a_png():
    table = Table("t", ("Namn", "Antal", "Annat"), (("a", 3, 1), ("b", None, 2)))
    assert png_bar_chart(Chart("Diagram", table)).startswith(b"\x89PNG")


def test_empty_sections_and_tables_render_in_every_format(municipality):
    empty = ReportSection(key="empty", title="Tom", tables=(Table("Ingenting", ("A", "B"), ()),))
    with core_hooks.yearly_report_sections.temporarily(lambda m, y: [empty]):
        report = selectors.yearly_report(municipality, 1999)
    assert render_pdf(report).startswith(b"%PDF")
    assert zipfile.is_zipfile(io.BytesIO(render_docx(report)))
    assert "Tom" in load_workbook(io.BytesIO(render_xlsx(report))).sheetnames


def test_no_personal_data_in_any_format(report, municipality, staff):
    names = [person.name for person in staff.values()] + [person.email for person in staff.values()]
    html = report_html(report)
    workbook = load_workbook(io.BytesIO(rendered(report, render_xlsx)))
    cells = " ".join(str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row)
    document = Document(io.BytesIO(rendered(report, render_docx)))
    words = " ".join(p.text for p in document.paragraphs)
    words += " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    for text in (html, cells, words, pdf_text(rendered(report, render_pdf))):
        assert not EMAIL.search(text)
        assert not any(name in text for name in names)
        assert "Anna Andersson" not in text  # the dialogues' contact person


@pytest.mark.parametrize("kind", ["bar", "barh"])
def test_both_kinds_of_chart_draw_every_value(kind):
    table = Table("t", ("Steg", "Dialoger", "Information"), (("Konsultation", 3, 0), ("Dialog", 12, 1)))
    svg = svg_bar_chart(Chart("Diagram", table, kind), "c1")
    assert svg.count("<rect") == 2 + 4  # the legend's two squares and a bar per value
    assert ">12</text>" in svg and ">Konsultation</text>" in svg
    assert png_bar_chart(Chart("Diagram", table, kind)).startswith(b"\x89PNG")


def test_text_that_starts_like_a_formula_stays_text_in_xlsx(municipality):
    formula = '=HYPERLINK("https://example.com","Klicka")'
    table = Table(formula, ("Tema", "Antal"), ((formula, 3), ("-minus", -2)))
    section = ReportSection(key="formula", title="Teman", paragraphs=(formula,), tables=(table,))
    with core_hooks.yearly_report_sections.temporarily(lambda m, y: [section]):
        report = selectors.yearly_report(municipality, 1999)
    workbook = load_workbook(io.BytesIO(render_xlsx(report)))
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [cell for cell in cells if cell.data_type == "f"]
    values = [cell.value for cell in cells]
    assert "'" + formula in values and "'-minus" in values and -2 in values


def test_a_link_cell_is_a_link_in_every_format(municipality):
    url = "https://delaktig.example.se/exempelby/dialoger/7/parken/"
    rows = ((Link("Parken", url), "Kvällsmöten.\nFler bänkar."), (Link("=Torget", url + "?x=1"), None))
    section = ReportSection(key="links", title="Länkar", tables=(Table("Dialoger", ("Dialog", "Lärdom"), rows),))
    with core_hooks.yearly_report_sections.temporarily(lambda m, y: [section]):
        report = selectors.yearly_report(municipality, 1999)
    html = report_html(report)
    assert f'<a href="{url}">Parken</a>' in html and "Kvällsmöten.<br>Fler bänkar." in html
    document = Document(io.BytesIO(render_docx(report)))
    assert {url, url + "?x=1"} <= {rel.target_ref for rel in document.part.rels.values() if rel.is_external}
    assert "Parken" in {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    workbook = load_workbook(io.BytesIO(render_xlsx(report)))
    linked = {
        cell.value: cell.hyperlink.target
        for sheet in workbook
        for row in sheet.iter_rows()
        for cell in row
        if cell.hyperlink and not str(cell.hyperlink.target or "").startswith("#")
    }
    assert linked == {"Parken": url, "'=Torget": url + "?x=1"}  # a link's text that starts like a formula stays text
    assert "Parken" in pdf_text(render_pdf(report))
