"""The staff builder: start blank, from a template or as a copy; pages and questions of every type, their order,
conditions, required and help texts; the preview shows exactly what residents see and stores nothing."""

import pytest

from delaktig.core.models import AuditEvent

from ..forms_builder import QuestionForm
from ..models import Kind, Question, Response, Section, Survey
from ..services import response_submit
from ..structure import structure_of
from ..survey_templates import KEYS, template_get
from .conftest import url
from .factories import full_answers, questions_by_text, survey_for, surveys_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client, staff):
    client.force_login(staff["officer"])
    return client


def test_an_officer_starts_a_blank_survey(officer_client, module):
    start = officer_client.get(url("staff:index", module)).content.decode()
    assert "Utvärdering för deltagare" in start and "En tom enkät" in start
    empty = officer_client.post(url("staff:index", module), {})
    assert empty.status_code == 200 and "error-summary" in empty.content.decode()
    response = officer_client.post(url("staff:index", module), {"start": "blank", "title": "Parkenkät"})
    assert response.status_code == 302
    survey = Survey.objects.get(module=module)
    assert survey.title == "Parkenkät" and survey.sections.count() == 1
    assert AuditEvent.objects.filter(action="surveys.survey_create").exists()


@pytest.mark.parametrize("key", KEYS)
def test_each_template_makes_a_survey_whose_questions_the_builder_accepts(officer_client, module, key):
    officer_client.post(url("staff:index", module), {"start": key})
    survey = Survey.objects.get(module=module)
    structure = structure_of(survey)
    assert structure.questions and survey.title == template_get(key)["title"]
    for question in structure.questions.values():
        data = {k: v for k, v in QuestionForm.initial_of(question).items() if v not in (None, False)}
        form = QuestionForm(data, kind=question.kind, structure=structure, question=question)
        assert form.is_valid(), (question.text, form.errors)
        assert form.options == {
            **question.options,
            **{k: v for k, v in form.options.items() if k not in question.options},
        }
    assert officer_client.get(url("staff:preview", module), follow=True).status_code == 200


def test_the_evaluation_template_asks_what_skr_asks(module, staff):
    survey = survey_for(module, spec=template_get("evaluation"), actor=staff["officer"])
    texts = " ".join(q.text for q in survey.questions.all())
    for words in ("syftet", "påverka", "vad som hände", "igen"):
        assert words in texts
    assert survey.questions.filter(kind=Kind.LONG_TEXT).exists()


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        (Kind.SINGLE_CHOICE, {"choices": "Ja\nNej\nVet inte", "other": "on", "other_label": "Annat svar"}),
        (Kind.MULTIPLE_CHOICE, {"choices": "Buss\nCykel"}),
        (Kind.YES_NO, {}),
        (Kind.SCALE, {"scale_min": "0", "scale_max": "10", "min_label": "Inte alls", "max_label": "Helt"}),
        (Kind.MATRIX, {"rows": "Belysning\nBänkar", "scale_min": "1", "scale_max": "5"}),
        (Kind.RANKING, {"items": "Lek\nToalett\nLjus"}),
        (Kind.SHORT_TEXT, {}),
        (Kind.LONG_TEXT, {}),
        (Kind.NUMBER, {"number_min": "0", "number_max": "120"}),
        (Kind.DATE, {"date_min": "2020-01-01"}),
    ],
)
def test_an_officer_adds_a_question_of_each_type(officer_client, module, staff, kind, fields):
    survey = survey_for(module, actor=staff["officer"])
    section = survey.sections.first()
    page = officer_client.get(url("staff:question_add", module, section.pk) + f"?kind={kind}")
    assert page.status_code == 200
    data = {"text": "Ny fråga?", "help_text": "Hjälp", "required": "on", **fields}
    response = officer_client.post(url("staff:question_add", module, section.pk) + f"?kind={kind}", data)
    assert response.status_code == 302, response.content.decode()
    question = Question.objects.get(text="Ny fråga?")
    assert (question.kind, question.required, question.help_text) == (kind, True, "Hjälp")
    assert question.section == section and question.order == section.questions.count() - 1


def test_a_bad_question_form_says_what_to_fix_and_keeps_what_was_typed(officer_client, module, staff):
    survey = survey_for(module, actor=staff["officer"])
    section = survey.sections.first()
    address = url("staff:question_add", module, section.pk) + "?kind=single_choice"
    response = officer_client.post(address, {"text": "Fråga?", "choices": "Bara ett"})
    page = response.content.decode()
    assert response.status_code == 200 and "Skriv 2 till 30 rader" in page and "Bara ett" in page
    response = officer_client.post(
        address.replace("single_choice", "number"), {"text": "Tal?", "number_min": "5", "number_max": "1"}
    )
    assert "minst lika stort" in response.content.decode()
    assert officer_client.get(url("staff:question_add", module, section.pk) + "?kind=nonsense").status_code == 200


def test_a_condition_is_chosen_from_earlier_answers(officer_client, module, staff):
    survey = survey_for(module, actor=staff["officer"])
    by_text, _structure = questions_by_text(survey)
    weekly = by_text["Besöker du parken varje vecka?"]
    section = survey.sections.first()
    data = {"text": "Vad hindrar dig?", "condition": f"{weekly.pk}:no"}
    officer_client.post(url("staff:question_add", module, section.pk) + "?kind=short_text", data)
    question = Question.objects.get(text="Vad hindrar dig?")
    assert (question.condition_question, question.condition_value) == (weekly, "no")
    page = officer_client.get(url("staff:index", module)).content.decode()
    assert "Bara om du svarade ”Nej” på fråga 3" in page


def test_questions_and_pages_move_with_buttons(officer_client, module, staff):
    survey = survey_for(module, actor=staff["officer"])
    first_page, second_page = structure_of(survey).sections
    question = first_page.question_list[0]
    officer_client.post(url("staff:question_move", module, question.pk), {"direction": "down"})
    assert [q.pk for q in structure_of(survey).sections[0].question_list][1] == question.pk
    last = first_page.question_list[-1]  # "Varför inte?" moves to the next page, first place
    officer_client.post(url("staff:question_move", module, last.pk), {"direction": "down"})
    assert structure_of(survey).sections[1].question_list[0].pk == last.pk
    refused = officer_client.post(url("staff:section_move", module, second_page.pk), {"direction": "up"}, follow=True)
    assert "kommer före" in refused.content.decode()


def test_pages_are_added_changed_and_removed(officer_client, module, staff):
    survey = survey_for(module, actor=staff["officer"])
    officer_client.post(url("staff:section_add", module), {"title": "Tack", "help_text": "Sista sidan"})
    section = Section.objects.get(title="Tack")
    officer_client.post(url("staff:section_edit", module, section.pk), {"title": "Avslutning"})
    section.refresh_from_db()
    assert section.title == "Avslutning"
    assert "Ta bort" in officer_client.get(url("staff:section_remove", module, section.pk)).content.decode()
    officer_client.post(url("staff:section_remove", module, section.pk))
    assert not Section.objects.filter(pk=section.pk).exists()
    assert survey.sections.count() == 2


def test_answers_lock_what_they_answered(officer_client, module, staff):
    survey = survey_for(module, actor=staff["officer"])
    response_submit(survey=survey, answers=full_answers(survey))
    by_text, _structure = questions_by_text(survey)
    single = by_text["Hur tar du dig till parken?"]
    removed = officer_client.post(url("staff:question_remove", module, single.pk), follow=True)
    assert "har svar" in removed.content.decode() and Question.objects.filter(pk=single.pk).exists()
    data = {"text": single.text, "section": single.section_id, "choices": "Buss\nBil", "other": "on"}
    refused = officer_client.post(url("staff:question_edit", module, single.pk), data)
    assert "Alternativ som har svar kan inte tas bort" in refused.content.decode()
    data["choices"] = "Buss\nCykel (el)\nBil"  # a corrected text keeps the key and the answers
    assert officer_client.post(url("staff:question_edit", module, single.pk), data).status_code == 302
    single.refresh_from_db()
    assert [c["key"] for c in single.options["choices"]] == ["buss", "cykel", "bil"]
    settings = {"title": survey.title, "access": "invitation"}
    assert "går inte att ändra längre" in officer_client.post(url("staff:settings", module), settings).content.decode()


def test_a_survey_is_copied_to_another_dialogue_of_the_municipality(officer_client, module, staff, municipality):
    survey = survey_for(module, actor=staff["officer"])
    response_submit(survey=survey, answers=full_answers(survey))
    target = surveys_module(municipality=municipality)
    page = officer_client.get(url("staff:copy", module)).content.decode()
    assert target.dialogue.title in page
    officer_client.post(url("staff:copy", module), {"module": target.pk})
    copy = Survey.objects.get(module=target)
    assert copy.questions.count() == survey.questions.count() and not Response.objects.filter(survey=copy).exists()
    why_not = copy.questions.get(text="Varför inte?")
    assert why_not.condition_question.survey == copy  # conditions point into the copy


def test_another_municipalitys_module_is_not_a_copy_target(officer_client, module, staff, other_municipality):
    survey_for(module, actor=staff["officer"])
    foreign = surveys_module(municipality=other_municipality)
    response = officer_client.post(url("staff:copy", module), {"module": foreign.pk})
    assert response.status_code == 200 and not Survey.objects.filter(module=foreign).exists()


def test_the_preview_is_the_residents_page_and_stores_nothing(officer_client, module, staff):
    survey = survey_for(module, actor=staff["officer"])
    first = officer_client.get(url("staff:preview", module), follow=True).content.decode()
    assert "Förhandsvisning" in first and "Hur tar du dig till parken?" in first and 'name="save"' not in first
    by_text, _structure = questions_by_text(survey)
    data = {
        f"q{by_text['Hur tar du dig till parken?'].pk}": "buss",
        f"q{by_text['Besöker du parken varje vecka?'].pk}": "no",
    }
    assert officer_client.post(url("staff:preview_page", module, 1), data)["Location"] == url(
        "staff:preview_about", module
    )
    officer_client.post(url("staff:preview_about", module), {})
    check = officer_client.get(url("staff:preview_check", module)).content.decode()
    assert "Buss" in check and "inget sparas" in check
    officer_client.post(url("staff:preview_check", module))
    assert not Response.objects.exists()


def test_only_those_who_build_may_build(client, module, staff):
    client.force_login(staff["elected_official"])
    assert client.post(url("staff:index", module), {"start": "blank"}).status_code == 403
    survey_for(module, actor=staff["officer"])
    assert client.get(url("staff:index", module)).status_code == 200
    assert client.get(url("staff:settings", module)).status_code == 403
    assert client.post(url("staff:section_add", module), {"title": "x"}).status_code == 403
    assert client.get(url("staff:results", module)).status_code == 200


def test_another_municipalitys_ids_are_404(officer_client, module, staff, other_municipality):
    survey_for(module, actor=staff["officer"])
    foreign = survey_for(surveys_module(municipality=other_municipality))
    question = foreign.questions.first()
    assert officer_client.get(url("staff:question_edit", module, question.pk)).status_code == 404
    assert officer_client.post(url("staff:section_move", module, foreign.sections.first().pk)).status_code == 404
