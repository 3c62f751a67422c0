"""The evaluations of the year, per body, in the council's yearly overview and in every format of the yearly report."""

import datetime
import io

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from delaktig.core.contributions import Link
from delaktig.dialogues.models import Kind, State
from delaktig.dialogues.tests.factories import dialogue_in_state, evaluate
from delaktig.followup.models import Answer, Evaluation, Reach
from delaktig.followup.report import evaluation_section, outcomes_section
from delaktig.organisations.models import Body, Role
from delaktig.reports import selectors
from delaktig.reports.render_docx import render_docx
from delaktig.reports.render_html import report_html
from delaktig.reports.render_pdf import render_pdf
from delaktig.reports.render_xlsx import render_xlsx

pytestmark = pytest.mark.django_db

YEAR = 2026
SITE = "https://delaktig.example.se"


def in_year(state, municipality, body, title, year=YEAR, kind=Kind.CITIZEN_DIALOGUE, groups=2):
    dialogue = dialogue_in_state(state, municipality=municipality, kind=kind, proposed_by=body, title=title)
    dialogue.starts_on = datetime.date(year, 3, 1)
    dialogue.save()
    if state != State.PLANNED and kind != Kind.INFORMATION:
        dialogue.target_groups.set(municipality.target_groups.order_by("name")[:groups])  # Alla invånare, Unga
    return dialogue


@pytest.fixture
def year(municipality, other_municipality, settings):
    settings.SITE_URL = SITE
    bodies = {body.kind: body for body in municipality.bodies.all()}
    council, committee = bodies[Body.Kind.COUNCIL], bodies[Body.Kind.COMMITTEE]
    park = in_year(State.EVALUATED, municipality, council, "Parken")
    evaluate(park, methods=Answer.PARTLY, lessons="Kvällsmöten nästa gång.")
    school = in_year(State.EVALUATED, municipality, committee, "Skolgården")
    evaluate(school, purpose=Answer.NO, reached=Reach.NOT_REACHED, lessons="Fråga eleverna i skolan.")
    in_year(State.FEEDBACK_PUBLISHED, municipality, council, "Torget")  # not evaluated yet
    in_year(State.CLOSED, municipality, None, "Busslinjerna", kind=Kind.INFORMATION)  # never a dialogue
    old = in_year(State.EVALUATED, municipality, council, "Förra året", year=YEAR - 1)
    evaluate(old, purpose=Answer.NO, lessons="Gammal lärdom.")
    theirs = in_year(State.EVALUATED, other_municipality, other_municipality.get_deciding_body(), "Deras park")
    evaluate(theirs, lessons="Deras lärdom.")
    return {"park": park, "school": school}


def test_answers_per_body_count_the_years_dialogues_and_their_evaluations(municipality, year):
    section = evaluation_section(municipality, YEAR)
    answers, by_body, by_group, lessons, _participants, _answered, _conclusions = section.tables
    assert answers.rows == (  # the bodies in the overview's order
        ("Kultur- och fritidsnämnden", 1, 1, 0, 0, 1, 1, 0, 0),
        ("Kommunfullmäktige", 2, 1, 1, 0, 0, 0, 1, 0),
        ("Alla organ", 3, 2, 1, 0, 1, 1, 1, 0),
    )
    assert answers.headers[1:4] == ("Dialoger", "Utvärderade", "Syftet uppnått")
    assert by_body.rows == (
        ("Kultur- och fritidsnämnden", 0, 0, 2),
        ("Kommunfullmäktige", 2, 0, 0),
        ("Alla organ", 2, 0, 2),
    )
    assert by_group.rows == (("Alla invånare", 1, 0, 1), ("Unga", 1, 0, 1))
    assert section.paragraphs[0] == "2 av årets 3 dialoger är utvärderade."


def test_the_lessons_are_listed_with_a_link_to_each_dialogue(municipality, year):
    lessons = evaluation_section(municipality, YEAR).tables[3]
    assert [row[1:] for row in lessons.rows] == [
        ("Kultur- och fritidsnämnden", "Fråga eleverna i skolan."),
        ("Kommunfullmäktige", "Kvällsmöten nästa gång."),
    ]
    link = lessons.rows[1][0]
    assert isinstance(link, Link) and link.text == "Parken"
    assert link.url == SITE + year["park"].get_absolute_url()


def test_an_evaluation_from_before_counts_as_evaluated_with_its_lessons(municipality, year):
    Evaluation.objects.filter(dialogue=year["school"]).update(purpose_achieved="", methods_right="")
    answers = evaluation_section(municipality, YEAR).tables[0]
    assert answers.rows[0] == ("Kultur- och fritidsnämnden", 1, 1, 0, 0, 0, 0, 0, 0)
    assert len(evaluation_section(municipality, YEAR).tables[3].rows) == 2


def test_a_year_without_dialogues_has_empty_tables(municipality):
    section = evaluation_section(municipality, 1999)
    assert all(table.rows == () for table in section.tables) and section.charts == ()
    assert section.paragraphs[0] == "0 av årets 0 dialoger är utvärderade."


def test_the_council_overview_shows_the_evaluations_and_links_the_lessons(client, municipality, staff, year):
    client.force_login(staff[Role.ELECTED_OFFICIAL])
    page = client.get(reverse("dialogues:council_overview", args=[municipality.slug, YEAR])).content.decode()
    assert "Utvärdering av dialogerna" in page and "Utvärderingar av dialogerna 2026 per organ" in page
    assert f'<a href="{SITE}{year["park"].get_absolute_url()}">Parken</a>' in page
    assert "Fråga eleverna i skolan." in page and "Förra året" not in page and "Deras lärdom" not in page
    lessons = page.split("Lärdomar 2026")[1]
    assert '<td class="num">' not in lessons.split("</table>")[0]  # text is not set as numbers


@pytest.fixture
def report(municipality, year):
    return selectors.yearly_report(municipality, YEAR)


def test_the_section_is_in_the_yearly_report_in_every_format(report, year):
    url = SITE + year["park"].get_absolute_url()
    assert any(section.key == "evaluations" for section in report.sections)

    html = report_html(report)
    assert "Utvärdering av dialogerna" in html and f'<a href="{url}">Parken</a>' in html

    document = Document(io.BytesIO(render_docx(report)))
    assert "Utvärdering av dialogerna" in [p.text for p in document.paragraphs]
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert {"Parken", "Kvällsmöten nästa gång.", "Fråga eleverna i skolan."} <= cells
    assert url in {rel.target_ref for rel in document.part.rels.values() if rel.is_external}

    workbook = load_workbook(io.BytesIO(render_xlsx(report)))
    sheet = workbook[next(name for name in workbook.sheetnames if name.startswith("Utvärdering av dialogerna"))]
    linked = [cell for row in sheet.iter_rows() for cell in row if cell.hyperlink is not None]
    school = SITE + year["school"].get_absolute_url()
    links = [(cell.value, cell.hyperlink.target) for cell in linked]
    assert links == [("Skolgården", school), ("Parken", url)] * 2  # the lessons, then the conclusions
    assert "Kvällsmöten nästa gång." in {cell.value for row in sheet.iter_rows() for cell in row}

    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(report))).pages)
    assert "Utvärdering av dialogerna" in text and "Fråga eleverna i skolan." in text


def test_the_conclusions_give_each_evaluated_dialogues_answers_with_their_reasons(municipality, year):
    Evaluation.objects.filter(dialogue=year["park"]).update(participants_summary="De flesta var nöjda.")
    conclusions = evaluation_section(municipality, YEAR).tables[-1]
    assert conclusions.key == "conclusions"
    assert [(row[0].text, *row[1:]) for row in conclusions.rows] == [
        ("Skolgården", "Kultur- och fritidsnämnden", "Nej: Bara delvis.", "Ja", None),
        ("Parken", "Kommunfullmäktige", "Ja", "Delvis: Fel tid på dygnet.", "De flesta var nöjda."),
    ]


def test_each_dialogue_of_the_year_with_its_question_decision_and_influence(municipality, year):
    section = outcomes_section(municipality, YEAR)
    rows = {row[0].text: row[1:] for row in section.tables[0].rows}
    assert set(rows) == {"Parken", "Skolgården", "Torget"}  # not the information, last year or elsewhere
    question, decision, influence = rows["Torget"]
    assert question == year["park"].question
    assert decision.startswith("KF ") and decision.endswith(": Parken rustas med lekplats och bänkar.")
    assert influence == "Lekplatsen kom till tack vare förslagen."
    assert section.paragraphs[0] == "Sakfrågan är beslutad i 3 av årets 3 dialoger."


def test_a_dialogue_not_decided_yet_says_so(municipality):
    bodies = {body.kind: body for body in municipality.bodies.all()}
    in_year(State.CLOSED, municipality, bodies[Body.Kind.COUNCIL], "Stängd")
    (row,) = outcomes_section(municipality, YEAR).tables[0].rows
    assert row[2:] == ("Inte beslutat ännu", "Inte skrivet ännu")
