"""The participants' evaluation of a closed dialogue: made once from the municipality's evaluation survey (its own or
the shipped one), answered by invitation after the dialogue has closed, its participants invited, its answers kept
out of the dialogue's inputs, and counted for follow-up, the council overview and the yearly report."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state, evaluate
from delaktig.followup.report import evaluation_section
from delaktig.participation.models import Module
from delaktig.participation.registry import registry
from delaktig.participation.rules import allowed
from delaktig.participation.tests.dummy_method import dummy_manifest

from .. import selectors
from ..evaluation import evaluation_figures, evaluation_start, evaluation_survey_of, template_reset, template_save
from ..models import Access, EvaluationTemplate, Invitation, Kind, Purpose, Survey
from ..services import response_submit
from ..services_invitations import invitations_create
from ..structure import structure_of

pytestmark = pytest.mark.django_db

ADDRESSES = [("berit@example.se", "Berit"), ("kim@example.se", "Kim"), ("ali@example.se", "")]


@pytest.fixture
def took_part():
    manifest = dummy_manifest(key="evaluation_test_method", participant_addresses=lambda module: list(ADDRESSES))
    with registry.temporarily(manifest):
        yield


@pytest.fixture
def closed(municipality, took_part):
    dialogue = dialogue_in_state(State.CLOSED, municipality=municipality, title="Parken vid ån")
    Module.objects.create(dialogue=dialogue, method="evaluation_test_method", name="Synpunkter")
    return dialogue


def answers_for(survey, *, clear=5, understood=2, feedback="yes", again="ja"):
    structure = structure_of(survey)
    by_text = {q.text: q for q in structure.questions.values()}
    found = {
        "Var syftet med dialogen tydligt för dig?": clear,
        "Förstod du hur mycket du kunde påverka?": understood,
        "Har du fått veta vad som hände med det som kom fram i dialogen?": feedback,
        "Vill du vara med i en dialog med kommunen igen?": {"choice": again, "other": ""},
        "Vad kan vi göra bättre nästa gång?": "Fler möten på kvällen",
    }
    return {str(by_text[text].pk): value for text, value in found.items()}


def test_starting_makes_one_survey_by_invitation_from_the_shipped_evaluation(closed, staff):
    page = evaluation_start(closed, staff["officer"])
    again = evaluation_start(closed, staff["officer"])
    survey = evaluation_survey_of(closed)
    assert page == again and page.endswith("/inbjudningar/")
    assert survey.purpose == Purpose.EVALUATION and survey.access == Access.INVITATION
    assert Survey.objects.filter(module__dialogue=closed).count() == 1
    texts = [q.text for q in structure_of(survey).questions.values()]
    assert "Var syftet med dialogen tydligt för dig?" in texts and len(texts) == 7


def test_those_invited_answer_after_the_dialogue_has_closed_and_nobody_else(closed, staff, commits):
    evaluation_start(closed, staff["officer"])
    survey = evaluation_survey_of(closed)
    assert allowed(staff["officer"], "answer", survey.module)  # the evaluation phase runs after closing
    other = Module.objects.get(dialogue=closed, method="evaluation_test_method")
    assert not allowed(staff["officer"], "post", other)  # the dialogue's own ways of taking part stay closed
    with commits():
        invitations_create(survey=survey, recipients=[("berit@example.se", "")], actor=None)
    link = re.search(r"https?://[^/]+(/\S+/inbjudan/\S+/)", mail.outbox[-1].body).group(1)
    visitor = Client()
    assert visitor.get(link).status_code == 302
    first_page = visitor.get(reverse("surveys:page", args=[*survey.url_args(), 1]))
    assert first_page.status_code == 200 and "Var syftet" in first_page.content.decode()
    stranger = Client().get(reverse("surveys:index", args=survey.url_args()))
    assert "inbjudan" in stranger.content.decode().lower() or stranger.status_code == 403


def test_staff_invite_everyone_who_took_part_and_gave_an_address(client, closed, staff):
    client.force_login(staff["officer"])
    page_url = evaluation_start(closed, staff["officer"])
    page = client.get(page_url).content.decode()
    assert "Bjud in dialogens deltagare" in page and "3 personer" in page
    survey = evaluation_survey_of(closed)
    invite = reverse("surveys_staff:invite_participants", args=survey.url_args())
    assert "3 inbjudningar skapade" in client.post(invite).content.decode()
    assert sorted(Invitation.objects.values_list("email", flat=True)) == sorted(email for email, _n in ADDRESSES)
    assert "redan inbjudna" in client.post(invite).content.decode()  # asking again skips those asked


def test_its_answers_are_no_input_to_the_matter_and_the_figures_count_positive_answers(closed, staff):
    evaluation_start(closed, staff["officer"])
    survey = evaluation_survey_of(closed)
    made = invitations_create(survey=survey, recipients=[("", ""), ("", ""), ("", "")], actor=None)
    for invitation, answers in zip(
        Invitation.objects.filter(survey=survey).order_by("id"),
        [answers_for(survey), answers_for(survey, clear=2, feedback="no", again="nej"), answers_for(survey, clear=4)],
        strict=True,
    ):
        response_submit(survey=survey, answers=answers, invitation_id=invitation.pk)
    assert made.created == 3
    assert selectors.inputs(survey.module) == [] and selectors.input_channels(survey.module) == {}
    figures = evaluation_figures([closed])[closed.pk]
    assert (figures.invited, figures.answered) == (3, 3)
    by_text = {q.text: (q.answers, q.positive) for q in figures.questions}
    assert by_text["Var syftet med dialogen tydligt för dig?"] == (3, 2)  # 5 and 4 of 5
    assert by_text["Förstod du hur mycket du kunde påverka?"] == (3, 0)
    assert by_text["Har du fått veta vad som hände med det som kom fram i dialogen?"] == (3, 2)
    assert by_text["Vill du vara med i en dialog med kommunen igen?"] == (3, 2)
    closed.starts_on = datetime.date(2026, 3, 1)
    closed.save()
    section = evaluation_section(closed.municipality, 2026)
    tables = {table.key: table for table in section.tables}
    assert tables["participants-evaluation"].rows[0][1:] == (1, 3, 3)
    answered = {row[1]: row[2:] for row in tables["participants-answers"].rows}
    assert answered["Var syftet med dialogen tydligt för dig?"] == (1, 3, None)  # three answers: no share shown


def test_the_municipality_makes_its_own_evaluation_survey_from_one_it_edited(closed, staff, municipality):
    evaluation_start(closed, staff["officer"])
    survey = evaluation_survey_of(closed)
    question = survey.questions.get(kind=Kind.YES_NO)
    question.text = "Fick du återkoppling?"
    question.save()
    template_save(survey=survey, actor=staff["democracy_officer"])
    assert EvaluationTemplate.objects.get(municipality=municipality).source_title == survey.title
    later = dialogue_in_state(State.CLOSED, municipality=municipality)
    evaluation_start(later, staff["officer"])
    texts = [q.text for q in structure_of(evaluation_survey_of(later)).questions.values()]
    assert "Fick du återkoppling?" in texts
    template_reset(municipality=municipality, actor=staff["democracy_officer"])
    assert not EvaluationTemplate.objects.exists()


def test_only_the_democracy_officer_saves_the_municipalitys_evaluation_survey(client, closed, staff):
    evaluation_start(closed, staff["officer"])
    survey = evaluation_survey_of(closed)
    use = reverse("surveys_staff:evaluation_template_use", args=survey.url_args())
    client.force_login(staff["officer"])
    assert client.post(use).status_code == 403 and not EvaluationTemplate.objects.exists()
    client.force_login(staff["democracy_officer"])
    page = client.get(reverse("surveys_staff:index", args=survey.url_args())).content.decode()
    assert "Gör frågorna till kommunens utvärderingsenkät" in page
    client.post(use)
    assert EvaluationTemplate.objects.exists()


def test_follow_up_offers_it_once_the_dialogue_has_closed(client, closed, staff, municipality):
    page_url = reverse("followup:participants_evaluation", args=[municipality.slug, closed.pk])
    client.force_login(staff["officer"])
    page = client.get(page_url).content.decode()
    assert "3 personer som var med" in page and "Gör utvärderingsenkäten" in page
    response = client.post(page_url)
    survey = evaluation_survey_of(closed)
    assert response["Location"] == reverse("surveys_staff:invitations", args=survey.url_args())
    assert (
        "Bjud in fler" in client.get(page_url).content.decode() or "Inbjudna" in client.get(page_url).content.decode()
    )
    still_open = dialogue_in_state(State.OPEN, municipality=municipality)
    refused = client.get(reverse("followup:participants_evaluation", args=[municipality.slug, still_open.pk]))
    assert refused.status_code == 409


def test_another_municipalitys_dialogue_is_not_found(client, closed, staff, other_municipality):
    other = dialogue_in_state(State.CLOSED, municipality=other_municipality)
    client.force_login(staff["officer"])
    url = reverse("followup:participants_evaluation", args=[closed.municipality.slug, other.pk])
    assert client.get(url).status_code == 404 and client.post(url).status_code == 404


def test_the_dialogue_page_shows_the_participants_answers_once_five_have_answered(
    client, municipality, staff, took_part
):
    dialogue = dialogue_in_state(State.EVALUATED, municipality=municipality, title="Torget")
    evaluate(dialogue)
    evaluation_start(dialogue, staff["officer"])
    survey = evaluation_survey_of(dialogue)
    invitations_create(survey=survey, recipients=[("", "")] * 5, actor=None)
    invitations = list(Invitation.objects.filter(survey=survey).order_by("id"))
    for invitation in invitations[:4]:
        response_submit(survey=survey, answers=answers_for(survey), invitation_id=invitation.pk)
    page_url = dialogue.get_absolute_url()
    assert "Deltagarnas svar" not in client.get(page_url).content.decode()  # four could stand out
    response_submit(survey=survey, answers=answers_for(survey), invitation_id=invitations[4].pk)
    page = client.get(page_url).content.decode()
    assert "Deltagarnas svar" in page and "5 deltagare svarade" in page and "Var syftet med dialogen" in page
