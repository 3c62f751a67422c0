"""Storing a response: whole or not at all, one per account and per invitation (held by the database), drafts, and
nothing that ties a response to the person."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.models import AuditEvent
from delaktig.organisations.models import Area

from .. import services
from ..models import AboutYou, Answer, Draft, Invitation, Participation, Response
from ..services import AlreadyAnswered, draft_find, draft_save, drafts_expired_remove, response_submit
from ..services_invitations import invitations_create
from ..structure import AnswersInvalid
from .factories import full_answers, questions_by_text, survey_for

pytestmark = pytest.mark.django_db


def test_a_response_is_stored_as_rows_to_count(survey):
    response = response_submit(survey=survey, answers=full_answers(survey), about={"age_band": "30_44"})
    by_text, _structure = questions_by_text(survey)
    rows = Answer.objects.filter(response=response)
    assert rows.filter(question=by_text["Vad gör du i parken?"]).count() == 2  # one row per alternative
    assert rows.get(question=by_text["Vad gör du i parken?"], choice="other").text == "Läser"
    assert rows.filter(question=by_text["Hur nöjd är du med det här?"]).count() == 2  # one row per matrix row
    assert rows.get(question=by_text["Hur många gånger i månaden?"]).number == pytest.approx(12.5)
    assert rows.get(question=by_text["När var du där senast?"]).date == datetime.date(2026, 5, 1)
    assert AboutYou.objects.get(response=response).age_band == "30_44"
    assert response.reference == f"EN-{response.pk}"


def test_a_response_is_stored_whole_or_not_at_all(survey, monkeypatch):
    invitation = invitations_create(survey=survey, recipients=[("a@example.se", "")], actor=None)
    invitation_id = Invitation.objects.get().pk
    draft, _token = draft_save(survey=survey, answers={}, about={}, page=1)

    stored = services.insert_chain

    def broken(*args, **kwargs):
        stored(*args, **kwargs)  # the rows are in, then the connection is lost before the commit
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services, "insert_chain", broken)
    with pytest.raises(RuntimeError):
        response_submit(survey=survey, answers=full_answers(survey), invitation_id=invitation_id, draft_id=draft.pk)
    assert not Response.objects.exists() and not Answer.objects.exists()
    assert not Invitation.objects.get().answered  # the invitation can still be used
    assert Draft.objects.filter(pk=draft.pk).exists()  # and the draft is still there
    assert invitation.created == 1


def test_invalid_answers_store_nothing(survey):
    answers = full_answers(survey)
    by_text, _structure = questions_by_text(survey)
    answers[str(by_text["Hur nöjd är du med parken?"].pk)] = 9
    with pytest.raises(AnswersInvalid):
        response_submit(survey=survey, answers=answers)
    assert not Response.objects.exists()


def test_one_response_per_account_is_held_by_the_database(module, staff):
    survey = survey_for(module, actor=staff["officer"], access="logged_in")
    rut = UserFactory()
    response_submit(survey=survey, answers=full_answers(survey), user=rut)
    with pytest.raises(AlreadyAnswered):
        response_submit(survey=survey, answers=full_answers(survey), user=rut)
    assert Response.objects.count() == 1 and Participation.objects.get().user == rut


def test_one_response_per_invitation(survey):
    invitations_create(survey=survey, recipients=[("a@example.se", "18–29")], actor=None)
    invitation = Invitation.objects.get()
    response_submit(survey=survey, answers=full_answers(survey), invitation_id=invitation.pk)
    with pytest.raises(AlreadyAnswered):
        response_submit(survey=survey, answers=full_answers(survey), invitation_id=invitation.pk)
    assert Response.objects.count() == 1
    invitation.refresh_from_db()
    assert invitation.answered


def test_nothing_ties_a_response_to_its_account_or_invitation(module, staff):
    survey = survey_for(module, actor=staff["officer"], access="logged_in")
    rut = UserFactory()
    response = response_submit(survey=survey, answers=full_answers(survey), user=rut)
    fields = {field.name for field in Response._meta.get_fields()}
    assert not fields & {"user", "invitation", "draft", "participation", "identity_level"}
    # the level the account had is kept on the participation only: on both it could pair them
    assert {field.name for field in Participation._meta.get_fields()} == {"id", "survey", "user", "identity_level"}
    assert {field.name for field in Invitation._meta.concrete_fields} >= {"answered"}
    assert not any(
        field.name.endswith("_at") and field.name != "created_at" for field in Invitation._meta.concrete_fields
    )
    event = AuditEvent.objects.get(action="surveys.response_submit")
    assert event.actor is None and event.target_id == response.pk


def test_about_you_keeps_only_known_values_and_own_areas(survey, other_municipality, municipality):
    own = Area.objects.create(municipality=municipality, name="Norrby")
    foreign = Area.objects.create(municipality=other_municipality, name="Annanstans")
    one = response_submit(
        survey=survey, answers=full_answers(survey), about={"age_band": "200", "gender": "woman", "area": foreign.pk}
    )
    two = response_submit(survey=survey, answers=full_answers(survey), about={"area": own.pk})
    assert (one.about.age_band, one.about.gender, one.about.area) == ("", "woman", None)
    assert two.about.area == own
    three = response_submit(survey=survey, answers=full_answers(survey), about={})
    assert not AboutYou.objects.filter(response=three).exists()
    four = response_submit(survey=survey, answers=full_answers(survey), about={"area": foreign.pk})
    assert not AboutYou.objects.filter(response=four).exists()  # nothing told that could be kept: no empty row


def test_a_receipt_goes_to_the_address_given_and_the_address_is_kept_nowhere(survey, commits):
    with commits():
        response = response_submit(survey=survey, answers=full_answers(survey), receipt_to="rut@example.se")
    assert mail.outbox[-1].to == ["rut@example.se"] and response.reference in mail.outbox[-1].subject
    assert "rut@example.se" not in str(list(AuditEvent.objects.values()))


def test_a_draft_keeps_the_answers_behind_a_secret_link_until_it_expires(survey):
    draft, token = draft_save(survey=survey, answers={"1": "x"}, about={"gender": "man"}, page=2)
    assert draft.token_hash != token and len(token) >= 20
    assert draft_find(survey=survey, token=token) == draft
    again, same = draft_save(survey=survey, answers={"1": "y"}, about={}, page=3, token=token)
    assert (again.pk, same) == (draft.pk, token) and again.answers == {"1": "y"}
    later = timezone.now() + datetime.timedelta(days=31)
    assert draft_find(survey=survey, token=token, now=later) is None
    assert drafts_expired_remove(now=later) == 1


def test_submitting_removes_the_draft_it_came_from(survey):
    draft, _token = draft_save(survey=survey, answers=full_answers(survey), about={}, page=2)
    response_submit(survey=survey, answers=draft.answers, draft_id=draft.pk)
    assert not Draft.objects.exists()


def test_a_structure_loaded_already_is_not_read_again(survey):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ..structure import structure_of

    structure, answers = structure_of(survey), full_answers(survey)
    with CaptureQueriesContext(connection) as given:
        response = response_submit(survey=survey, answers=answers, structure=structure)
    with CaptureQueriesContext(connection) as read:
        again = response_submit(survey=survey, answers=answers)
    assert not [query for query in given.captured_queries if '"surveys_section"' in query["sql"]]
    assert len(read.captured_queries) == len(given.captured_queries) + 2  # the sections and the questions
    rows = sorted(Answer.objects.filter(response=response).values_list("question_id", "choice", "row", "number"))
    assert rows == sorted(Answer.objects.filter(response=again).values_list("question_id", "choice", "row", "number"))
