"""A survey's sections and questions in order, which of them apply to a set of answers, and the check of a whole
set of answers before it is stored.

The sections and questions are read with two queries. For residents answering they are kept in this process, under
the survey's id and the time it last changed: every change to a section or question marks the survey changed in
the same transaction (structure_changed), so a changed survey is read again at once, in every process.

Answers are a dict {str(question id): value} (questions.py describes the values). A section or question with a
condition applies only when the question it names applies and its answer has the value asked for; an answer to a
question that does not apply is dropped, never stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from delaktig.core.memo import LocalMemo, model_copy

from . import questions as types
from .models import Question, Section, Survey


@dataclass
class Structure:
    survey: Survey
    sections: list[Section]  # in order, each with `question_list` in order
    questions: dict[int, Question] = field(default_factory=dict)  # every question, in the order of the survey

    def questions_of(self, section: Section) -> list[Question]:
        return section.question_list  # type: ignore[attr-defined]

    def position(self, question_id: int) -> int:
        return list(self.questions).index(question_id)

    def number(self, question: Question) -> int:
        """1 for the first question of the survey."""
        return self.position(question.pk) + 1

    def section_of(self, number: int) -> Section | None:
        """The section on page `number` (1 for the first), or None."""
        return self.sections[number - 1] if 1 <= number <= len(self.sections) else None


KEPT_SECONDS = 600
_kept = LocalMemo(seconds=KEPT_SECONDS, keep=200)  # (survey id, changed at) -> (sections, questions) as read


def structure_of(survey: Survey, *, kept: bool = False) -> Structure:
    """The survey's sections and questions. `kept`: from this process's copy when the survey has not changed since
    it was read (for residents answering, whose every request reads the survey row fresh; `survey.updated_at` must
    be the row's as it is now). Each request gets copies of its own: they are given the survey."""
    key = (survey.pk, survey.updated_at)
    read = _kept.get(key) if kept else None
    if read is None:
        read = (
            list(Section.objects.filter(survey=survey).order_by("order", "id")),
            list(Question.objects.filter(survey=survey).order_by("order", "id")),
        )
        if kept:
            _kept.set(key, read)
    sections, questions = ([model_copy(item) for item in items] for items in read)
    by_section: dict[int, list[Question]] = {section.pk: [] for section in sections}
    for question in questions:
        question.survey = survey
        by_section.setdefault(question.section_id, []).append(question)
    structure = Structure(survey=survey, sections=sections)
    for section in sections:
        section.survey = survey
        section.question_list = by_section[section.pk]
        for question in section.question_list:
            structure.questions[question.pk] = question
    return structure


def structure_changed(survey_id: int) -> None:
    """Mark the survey changed (its updated_at), so that no process answers from its copy of the old structure.
    The builder does it when it locks the survey for a change; a section or question saved or deleted any other
    way does it through the signals in apps.py."""
    Survey.objects.filter(pk=survey_id).update(updated_at=timezone.now())


@dataclass(frozen=True)
class Shown:
    sections: frozenset[int]
    questions: frozenset[int]


def shown(structure: Structure, answers: dict[str, Any]) -> Shown:
    """The sections and questions that apply, given `answers` (conditions read answers to earlier questions)."""
    sections: set[int] = set()
    questions: set[int] = set()
    for section in structure.sections:
        if not _applies(structure, section, answers, questions):
            continue
        sections.add(section.pk)
        for question in section.question_list:
            if _applies(structure, question, answers, questions):
                questions.add(question.pk)
    return Shown(frozenset(sections), frozenset(questions))


def _applies(structure, item, answers, shown_so_far):
    if not item.condition_question_id:
        return True
    source = structure.questions.get(item.condition_question_id)
    if source is None or source.pk not in shown_so_far:
        return False
    return types.condition_met(source, answers.get(str(source.pk)), item.condition_value)


def condition_text(structure: Structure, item: Section | Question) -> str:
    """ "Only if you answered “Yes” to question 3." for an item with a condition; "" without one."""
    source = structure.questions.get(item.condition_question_id or 0)
    if source is None:
        return ""
    label = dict(types.condition_values(source)).get(item.condition_value, item.condition_value)
    return _("Only if you answered “%(answer)s” to question %(number)s, “%(question)s”.") % {
        "answer": label,
        "number": structure.number(source),
        "question": source.text,
    }


class AnswersInvalid(ValueError):
    """A set of answers breaks the survey's rules: {str(question id) or "": [messages]}."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        self.errors = errors
        super().__init__(errors)


def answers_check(structure: Structure, answers: dict[str, Any], *, required: bool = True) -> dict[str, Any]:
    """The answers that apply, checked whole; raises AnswersInvalid. Answers to questions that do not apply are
    dropped; an answer to a question that is not in the survey is refused. A paper response (`required=False`) may
    leave out what the web requires: it is entered as the person filled it in."""
    errors: dict[str, list[str]] = {}
    known = {str(pk) for pk in structure.questions}
    if set(answers) - known:
        errors[""] = [_("An answer was given to a question that is not in this survey. Start again from the link.")]
    applies = shown(structure, answers).questions
    clean = {}
    for pk, question in structure.questions.items():
        value = answers.get(str(pk))
        if pk not in applies:
            continue
        problems = question_errors(question, value, required=required)
        if problems:
            errors[str(pk)] = problems
        elif not types.is_empty(question, value):
            clean[str(pk)] = value
    if errors:
        raise AnswersInvalid(errors)
    return clean


def question_errors(question: Question, value: Any, *, required: bool = True) -> list[str]:
    """What is wrong with the answer to one question that applies: missing when required, or against its rules."""
    needed = required and question.required
    if types.is_empty(question, value):
        return [types.missing_error(question)] if needed else []
    problems = types.value_errors(question, value)
    if not problems and needed and not types.is_complete(question, value):
        problems = [types.missing_error(question)]
    return problems


def order_problems(structure: Structure) -> list[str]:
    """Conditions that name a question that does not come before the item they are on."""
    seen: set[int] = set()
    problems = []
    for section in structure.sections:
        if section.condition_question_id and section.condition_question_id not in seen:
            problems.append(section.title or str(section))
        for question in section.question_list:
            if question.condition_question_id and question.condition_question_id not in seen:
                problems.append(question.text)
            seen.add(question.pk)
    return problems
