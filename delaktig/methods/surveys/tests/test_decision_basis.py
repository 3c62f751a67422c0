"""A survey's questions with alternatives reach the decision basis counted (manifest `decision_basis_tables`), in the
document and in Word; a participants' evaluation and a survey nobody answered add nothing."""

import io

import pytest
from docx import Document

from delaktig.decisionbasis import content, services
from delaktig.decisionbasis.render import render_docx, render_html
from delaktig.decisionbasis.tests.support import report
from delaktig.dialogues.models import State

from ..report import decision_basis_tables
from ..services import response_submit
from .factories import full_answers, survey_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(module, staff):
    survey = survey_for(module, actor=staff["officer"])
    for _n in range(3):
        response_submit(survey=survey, answers=full_answers(survey))
    dialogue = module.dialogue
    dialogue.state = State.CLOSED
    dialogue.save()
    return survey


def test_the_closed_questions_are_counted_in_the_decision_basis_and_its_word_file(answered, staff):
    module = answered.module
    tables = decision_basis_tables(module)
    captions = [table.caption for table in tables]
    assert any("Hur tar du dig till parken?" in caption for caption in captions)
    assert not any("Vad heter din favoritplats?" in caption for caption in captions)  # free text is an input
    basis = services.decision_basis_request(
        dialogue=module.dialogue,
        actor=staff["officer"],
        assessment="Bedömning.",
        registration_number="KS 2026/12",
        **report(module.dialogue, staff["officer"]),
    )
    gathered = content.gather(basis)
    assert gathered.counted[0][0] == module.name and len(gathered.counted[0][1]) == len(tables)
    html = render_html(gathered)
    assert "Svar som räknats" in html and "Hur tar du dig till parken?" in html
    text = "\n".join(p.text for p in Document(io.BytesIO(render_docx(gathered))).paragraphs)
    assert "Svar som räknats" in text and "Hur tar du dig till parken?" in text


def test_a_survey_nobody_answered_adds_nothing(module, staff):
    survey_for(module, actor=staff["officer"])
    assert decision_basis_tables(module) == []


def test_a_matrix_is_counted_per_row_and_point_and_a_ranking_by_mean_place(answered):
    tables = {table.caption.split(". ", 1)[1]: table for table in decision_basis_tables(answered.module)}
    matrix = tables["Hur nöjd är du med det här?"]
    assert matrix.headers[0] == "Rad" and matrix.headers[-2:] == ("Svar", "Medelvärde")
    assert matrix.headers[1:-2] == ("1 – Inte alls", "2", "3", "4", "5 – Helt")
    assert matrix.rows == (("Belysning", 0, 3, 0, 0, 0, 3, 2.0), ("Bänkar", 0, 0, 0, 0, 3, 3, 5.0))
    ranking = tables["Vad ska göras först?"]
    assert ranking.headers == ("Alternativ", "Genomsnittlig plats", "Förstaplatser", "Andel på första plats (%)")
    assert [row[:3] for row in ranking.rows] == [("Toalett", 1.0, 3), ("Lekplats", 2.0, 0), ("Belysning", 3.0, 0)]
