"""Conditions: a question or page shown only when an earlier answer has a given value; answers to what does not
apply are dropped; a condition always names an earlier question."""

import pytest

from ..services_builder import BuilderRefused, question_move, question_update, section_move
from ..structure import AnswersInvalid, answers_check, shown, structure_of
from .factories import full_answers, questions_by_text

pytestmark = pytest.mark.django_db


def test_a_page_and_a_question_follow_the_answer_they_depend_on(survey):
    by_text, structure = questions_by_text(survey)
    weekly = str(by_text["Besöker du parken varje vecka?"].pk)
    why_not = by_text["Varför inte?"]
    second_page = structure.sections[1]
    yes = shown(structure, {weekly: "yes"})
    assert second_page.pk in yes.sections and why_not.pk not in yes.questions
    no = shown(structure, {weekly: "no"})
    assert second_page.pk not in no.sections and why_not.pk in no.questions
    nothing = shown(structure, {})
    assert second_page.pk not in nothing.sections and why_not.pk not in nothing.questions


def test_answers_to_questions_that_do_not_apply_are_dropped(survey):
    by_text, structure = questions_by_text(survey)
    answers = full_answers(survey)
    answers[str(by_text["Besöker du parken varje vecka?"].pk)] = "no"
    answers[str(by_text["Varför inte?"].pk)] = "För långt bort"
    kept = answers_check(structure, answers)
    assert str(by_text["Varför inte?"].pk) in kept
    assert str(by_text["Hur nöjd är du med parken?"].pk) not in kept  # page 2 no longer applies
    assert str(by_text["Vad heter din favoritplats?"].pk) not in kept


def test_a_required_question_on_a_page_that_does_not_apply_is_not_required(survey):
    by_text, structure = questions_by_text(survey)
    answers = {
        str(by_text["Hur tar du dig till parken?"].pk): {"choice": "buss", "other": ""},
        str(by_text["Besöker du parken varje vecka?"].pk): "no",
    }
    assert answers_check(structure, answers)
    answers[str(by_text["Besöker du parken varje vecka?"].pk)] = "yes"
    with pytest.raises(AnswersInvalid) as invalid:
        answers_check(structure, answers)
    assert str(by_text["Hur nöjd är du med parken?"].pk) in invalid.value.errors


def test_an_answer_to_a_question_of_another_survey_is_refused(survey):
    _by_text, structure = questions_by_text(survey)
    with pytest.raises(AnswersInvalid) as invalid:
        answers_check(structure, {**full_answers(survey), "999999": "yes"})
    assert "inte finns i den här enkäten" in invalid.value.errors[""][0]


def test_a_move_that_would_put_a_condition_before_its_question_is_refused(survey, staff):
    by_text, structure = questions_by_text(survey)
    officer = staff["officer"]
    with pytest.raises(BuilderRefused, match="kommer före"):
        section_move(section=structure.sections[1], actor=officer, direction="up")
    question = by_text["Varför inte?"]
    with pytest.raises(BuilderRefused, match="kommer före"):
        question_move(question=question, actor=officer, direction="up")
    assert structure_of(survey).sections[0].question_list[-1].pk == question.pk  # nothing moved


def test_a_condition_must_name_an_earlier_question_with_that_value(survey, staff):
    by_text, _structure = questions_by_text(survey)
    first = by_text["Hur tar du dig till parken?"]
    later = by_text["Hur nöjd är du med parken?"]
    with pytest.raises(BuilderRefused, match="kommer före"):
        question_update(
            question=first, actor=staff["officer"], text=first.text, condition_question_id=later.pk, condition_value="3"
        )
    with pytest.raises(BuilderRefused, match="ett av de svar"):
        question_update(
            question=later,
            actor=staff["officer"],
            text=later.text,
            condition_question_id=first.pk,
            condition_value="zzz",
        )
    with pytest.raises(BuilderRefused, match="tidigare fråga"):
        question_update(
            question=later,
            actor=staff["officer"],
            text=later.text,
            condition_question_id=by_text["Vad heter din favoritplats?"].pk,
            condition_value="x",
        )
