"""Every total of the yearly report is the same in HTML, PDF, Word and XLSX, the same as the selectors count it, and
the same across sections (docs/glossary.md: one definition of an input and of a participant)."""

import io
import re

import pytest
import time_machine
from docx import Document
from openpyxl import load_workbook

from delaktig.dialogues import selectors as dialogue_selectors
from delaktig.dialogues.models import Kind
from delaktig.dialogues.overview_tables import overview_tables
from delaktig.reports import selectors
from delaktig.reports.figures import feedback_figures, kind_counts, participation_figures
from delaktig.reports.render_docx import render_docx
from delaktig.reports.render_html import report_html
from delaktig.reports.render_pdf import render_pdf
from delaktig.reports.render_xlsx import render_xlsx

from .support import NOW, YEAR, constructed_year, method_registered, section, table

pytestmark = pytest.mark.django_db
NUMBER = r"(\d{1,3}(?:[\u00a0 ]\d{3})*)"


@pytest.fixture
def built(municipality, other_municipality):
    with time_machine.travel(NOW, tick=False), method_registered():
        constructed_year(municipality, other_municipality)
        report = selectors.yearly_report(municipality, YEAR)
        yield report, expected_totals(municipality, report)


def expected_totals(municipality, report):
    """The key figures as the selectors count them, under the labels the summary table gives them."""
    data = dialogue_selectors.council_overview(municipality=municipality, year=YEAR)
    kinds = kind_counts(data["rows"])
    people = participation_figures(data["rows"])
    feedback = feedback_figures(municipality, YEAR, NOW.date())
    tables = overview_tables(municipality, data)
    values = (
        kinds[Kind.CITIZEN_DIALOGUE] + kinds[Kind.USER_DIALOGUE],
        kinds[Kind.CITIZEN_DIALOGUE],
        kinds[Kind.USER_DIALOGUE],
        kinds[Kind.INFORMATION],
        tables["planned_total"],
        tables["held_total"],
        people.participants,
        people.online,
        people.offline,
        feedback.on_time,
        feedback.late,
        len(feedback.overdue),
    )
    labels = [row[0] for row in table(section(report, "summary"), "summary").rows]
    return dict(zip(labels, values, strict=True))


def _number(text):
    return int(re.sub(r"[\u00a0 ]", "", text))


def html_totals(content, labels):
    found: dict[str, set[int]] = {}
    for label in labels:
        pattern = rf'<th scope="row">{re.escape(str(label))}</th><td class="num">{NUMBER}</td>'
        found[label] = {_number(value) for value in re.findall(pattern, content)}
    return found


def docx_totals(content, labels):
    document = Document(io.BytesIO(content))
    found: dict[str, set[int]] = {label: set() for label in labels}
    for grid in document.tables:
        for row in grid.rows:
            cells = [cell.text for cell in row.cells]
            if cells[0] in found and len(cells) > 1 and re.fullmatch(NUMBER, cells[1]):
                found[cells[0]].add(_number(cells[1]))
    return found


def xlsx_totals(content, labels):
    workbook = load_workbook(io.BytesIO(content))
    found: dict[str, set[int]] = {label: set() for label in labels}
    for sheet in workbook:
        for row in sheet.iter_rows(values_only=True):
            if row and row[0] in found and len(row) > 1 and isinstance(row[1], int):
                found[row[0]].add(row[1])
    return found


def pdf_totals(content, labels):
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    found: dict[str, set[int]] = {}
    for label in labels:
        pattern = rf"(?m)^{re.escape(str(label))}\s+{NUMBER}\s*$"
        found[label] = {_number(value) for value in re.findall(pattern, text)}
    return found


@pytest.mark.parametrize(
    ("render", "extract"),
    [
        (lambda report: report_html(report), html_totals),
        (render_pdf, pdf_totals),
        (render_docx, docx_totals),
        (render_xlsx, xlsx_totals),
    ],
    ids=["html", "pdf", "docx", "xlsx"],
)
def test_every_key_figure_in_every_format_is_the_selectors_figure(built, render, extract):
    report, expected = built
    found = extract(render(report), list(expected))
    assert found == {label: {value} for label, value in expected.items()}


def test_the_sections_agree_on_dialogues_inputs_and_participants(built):
    report, expected = built
    dialogues, participants, online, offline = (list(expected.values())[i] for i in (0, 6, 7, 8))
    participation = section(report, "participation")
    totals = [row[1] for row in table(participation, "participation-total").rows]
    assert totals == [participants, online, offline]
    per_dialogue = table(participation, "participation").rows
    assert sum(row[2] for row in per_dialogue) == online and sum(row[3] for row in per_dialogue) == offline
    assert sum(row[4] for row in per_dialogue) == online + offline
    assert sum(row[1] for row in table(participation, "channels").rows) == online + offline
    assert {row[3] for row in table(section(report, "principles"), "principles").rows} == {dialogues}
    assert len(table(section(report, "outcomes"), "outcomes").rows) == dialogues
    evaluated = section(report, "evaluations").paragraphs[0]
    assert f"{dialogues} dialoger" in evaluated
    by_kind = dict(table(section(report, "body-kind"), "kind").rows)
    assert by_kind["Dialoger totalt"] == dialogues
