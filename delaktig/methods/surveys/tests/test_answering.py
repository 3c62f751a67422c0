"""Residents answer: page by page, the form keeps what was typed, "save and continue later" on another device,
the check page and the confirmation with a reference number; every access mode and the phase."""

import re

import pytest
from django.core import mail
from django.test import Client

from delaktig.accounts.tests.factories import UserFactory

from ..models import Invitation, Response
from ..services_invitations import invitations_create
from .conftest import url
from .factories import questions_by_text, survey_for, surveys_module

pytestmark = pytest.mark.django_db


def page_one(survey, **overrides):
    by_text, _structure = questions_by_text(survey)
    data = {
        f"q{by_text['Hur tar du dig till parken?'].pk}": "other",
        f"q{by_text['Hur tar du dig till parken?'].pk}_other": "Moped",
        f"q{by_text['Vad gör du i parken?'].pk}": ["promenad", "lek"],
        f"q{by_text['Besöker du parken varje vecka?'].pk}": "yes",
    }
    data.update(overrides)
    return data


def page_two(survey, **overrides):
    by_text, _structure = questions_by_text(survey)
    matrix, ranking = by_text["Hur nöjd är du med det här?"], by_text["Vad ska göras först?"]
    data = {
        f"q{by_text['Hur nöjd är du med parken?'].pk}": "4",
        f"q{matrix.pk}_belysning": "2",
        f"q{matrix.pk}_banker": "5",
        f"q{ranking.pk}_lek": "1",
        f"q{ranking.pk}_toa": "3",
        f"q{ranking.pk}_ljus": "2",
        f"q{by_text['Vad heter din favoritplats?'].pk}": "Dammen",
        f"q{by_text['Hur många gånger i månaden?'].pk}": "12,5",
        f"q{by_text['När var du där senast?'].pk}": "2026-05-01",
    }
    data.update(overrides)
    return data


def answer_all(client, module, survey, *, about=None):
    assert client.post(url("page", module, 1), page_one(survey)).status_code == 302
    assert client.post(url("page", module, 2), page_two(survey)).status_code == 302
    assert client.post(url("about", module), about or {"age_band": "45_64"}).status_code == 302


def test_rut_answers_page_by_page_checks_and_gets_a_reference(client, module, survey, commits):
    page = client.get(url("index", module)).content.decode()
    assert "Börja svara" in page and "anonyma" in page
    first = client.get(url("page", module, 1)).content.decode()
    assert "Sida 1 av 2" in first and "Hur tar du dig till parken?" in first
    response = client.post(url("page", module, 1), page_one(survey))
    assert response["Location"] == url("page", module, 2)
    client.post(url("page", module, 2), page_two(survey))
    response = client.post(url("about", module), {"age_band": "45_64"})
    assert response["Location"] == url("check", module)
    check = client.get(url("check", module)).content.decode()
    assert "Annat: Moped" in check and "Promenerar, Leker" in check and "45–64" in check and "12,5" in check
    with commits():
        done = client.post(url("check", module), {"email": "rut@example.se"}, follow=True)
    stored = Response.objects.get()
    assert stored.reference in done.content.decode()
    assert "Vi har tagit emot dina svar" in done.content.decode()
    assert mail.outbox[-1].to == ["rut@example.se"]
    assert stored.answers.count() == 13 and stored.about.age_band == "45_64"


def test_a_page_with_errors_keeps_what_was_typed_and_says_what_to_fix(client, module, survey):
    client.post(url("page", module, 1), page_one(survey))
    by_text, _structure = questions_by_text(survey)
    scale = f"q{by_text['Hur nöjd är du med parken?'].pk}"
    number = f"q{by_text['Hur många gånger i månaden?'].pk}"
    bad = page_two(survey, **{scale: "", number: "hundra", f"q{by_text['Vad heter din favoritplats?'].pk}": "x" * 400})
    response = client.post(url("page", module, 2), bad)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in page and f'href="#id_{scale}_0"' in page
    assert "Välj ett värde på skalan." in page and "Skriv ett tal, till exempel 12 eller 12,5." in page
    assert "Skriv högst 300 tecken. Nu är det 400." in page
    assert 'value="hundra"' in page and "x" * 400 in page  # what was typed stays
    assert "Fel:" in page.split("</title>")[0]


def test_tampered_choices_are_refused_in_words_not_a_crash(client, module, survey):
    by_text, _structure = questions_by_text(survey)
    single = f"q{by_text['Hur tar du dig till parken?'].pk}"
    response = client.post(url("page", module, 1), page_one(survey, **{single: "flygplan", "q999999": "hacked"}))
    assert response.status_code == 200 and "inte ett av alternativen" in response.content.decode()
    client.post(url("page", module, 1), page_one(survey))
    ranking = by_text["Vad ska göras först?"]
    response = client.post(url("page", module, 2), page_two(survey, **{f"q{ranking.pk}_toa": "1"}))
    assert "bara ges en gång" in response.content.decode()
    response = client.post(url("page", module, 2), page_two(survey, **{f"q{ranking.pk}_toa": "<script>"}))
    assert response.status_code == 200 and "&lt;script&gt;" not in response.content.decode().split("<main")[0]


def test_an_answer_to_a_question_that_does_not_apply_is_dropped(client, module, survey):
    by_text, _structure = questions_by_text(survey)
    weekly, why = by_text["Besöker du parken varje vecka?"], by_text["Varför inte?"]
    client.post(url("page", module, 1), page_one(survey, **{f"q{why.pk}": "Långt bort"}))  # answered "yes"
    client.post(url("page", module, 2), page_two(survey))
    client.post(url("about", module), {})
    client.post(url("check", module), {})
    stored = Response.objects.get()
    assert not stored.answers.filter(question=why).exists()
    assert stored.answers.get(question=weekly).choice == "yes"


def test_the_second_page_is_skipped_when_it_does_not_apply(client, module, survey):
    by_text, _structure = questions_by_text(survey)
    weekly = f"q{by_text['Besöker du parken varje vecka?'].pk}"
    response = client.post(url("page", module, 1), page_one(survey, **{weekly: "no"}))
    assert response["Location"] == url("about", module)
    assert client.get(url("page", module, 2))["Location"] == url("page", module, 1)


def test_save_and_continue_on_another_device(client, module, survey, commits):
    client.post(url("page", module, 1), page_one(survey))
    response = client.post(url("page", module, 2), {**page_two(survey), "save": "1"})
    assert response["Location"] == url("saved", module)
    saved = client.get(url("saved", module)).content.decode()
    link = re.search(r'class="survey-link"><a href="([^"]+)"', saved).group(1)
    client.post(url("saved", module), {"email": "rut@example.se"})
    assert link in mail.outbox[-1].body
    phone = Client()
    continued = phone.get(link.replace("http://127.0.0.1:8000", ""), follow=True)
    assert "Välkommen tillbaka" in continued.content.decode() and 'value="Dammen"' in continued.content.decode()
    phone.post(url("page", module, 2), page_two(survey))
    phone.post(url("about", module), {})
    phone.post(url("check", module), {})
    assert Response.objects.count() == 1
    assert "fungerar inte" in phone.get(link.replace("http://127.0.0.1:8000", "")).content.decode()


def test_a_wrong_draft_link_gets_a_clear_page(client, module, survey):
    response = client.get(url("draft", module, "not-a-real-token"))
    assert response.status_code == 404 and "gått ut eller är inte hel" in response.content.decode()


def test_open_survey_one_browser_answers_once(client, module, survey):
    answer_all(client, module, survey)
    client.post(url("check", module), {})
    again = client.get(url("page", module, 1))
    assert "Du har redan svarat" in again.content.decode()
    assert Client().get(url("page", module, 1)).status_code == 200  # another browser may


def test_the_same_answers_sent_twice_at_once_are_one_response(client, module, survey):
    """A double click sends "send" twice with the session as it was before the first was stored."""
    from ..views import answer

    answer_all(client, module, survey)
    session = client.session
    before = dict(session.items())
    first = client.post(url("check", module), {})
    assert first["Location"].startswith(url("done", module) + "?")
    session = client.session
    for key, value in before.items():
        session[key] = value
    session.save()
    client.cookies.pop(answer.ANSWERED_COOKIE)  # the first answer's cookie has not arrived yet
    second = client.post(url("check", module), {}, follow=True)
    assert Response.objects.count() == 1
    assert "Du har redan svarat" in second.content.decode()


def test_open_survey_limits_responses_from_one_connection(client, module, survey, settings):
    from ..views import answer

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.SURVEY_SUBMIT_RATE_PER_IP = 3
    assert answer.submit_limit() == 3
    for _ in range(3):
        browser = Client()
        answer_all(browser, module, survey)
        assert browser.post(url("check", module), {}).status_code == 302
    browser = Client()
    answer_all(browser, module, survey)
    response = browser.post(url("check", module), {})
    assert response.status_code == 200 and "Försök igen om en timme" in response.content.decode()


def test_logged_in_survey_asks_for_login_and_takes_one_response_per_account(client, municipality, staff):
    module = surveys_module(municipality=municipality)
    survey = survey_for(module, actor=staff["officer"], access="logged_in")
    assert "/konto/" in client.get(url("page", module, 1))["Location"]
    rut = UserFactory()
    client.force_login(rut)
    answer_all(client, module, survey)
    client.post(url("check", module), {})
    assert client.get(url("page", module, 1)).content.decode().count("Du har redan svarat")
    assert Response.objects.count() == 1


def test_invitation_link_answers_once_and_a_used_or_foreign_link_gets_a_clear_page(
    client, module, staff, other_municipality
):
    survey = survey_for(module, actor=staff["officer"], access="invitation")
    made = invitations_create(survey=survey, recipients=[("", "18–29")], actor=staff["officer"])
    link = made.printed[0][1].replace("http://127.0.0.1:8000", "")
    assert client.get(url("page", module, 1)).status_code == 403  # not without the link
    assert client.get(link)["Location"] == url("index", module)
    answer_all(client, module, survey)
    client.post(url("check", module), {})
    assert Invitation.objects.get().answered and Response.objects.count() == 1
    used = Client().get(link)
    assert used.status_code == 410 and "redan använts" in used.content.decode()
    foreign = Client().get(url("invitation", module, "x" * 22))
    assert foreign.status_code == 404 and "inbjudningslänken fungerar inte" in foreign.content.decode()
    other = surveys_module(municipality=other_municipality)
    survey_for(other, access="invitation")
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert Client().get(url("invitation", other, token)).status_code == 404  # another survey's token


def test_answers_are_refused_outside_an_answering_phase(client, municipality, staff):
    module = surveys_module(municipality=municipality, phase="results")
    survey_for(module, actor=staff["officer"])
    response = client.get(url("page", module, 1))
    assert response.status_code == 403 and "Det går inte i den här fasen" in response.content.decode()
    assert "Det går inte i den här fasen" in client.get(url("index", module)).content.decode()


def test_a_survey_without_questions_is_not_ready(client, module):
    response = client.get(url("page", module, 1))
    assert response.status_code == 200 and "inte öppen ännu" in response.content.decode()


def test_another_municipalitys_module_is_a_404(client, module, survey, other_municipality):
    wrong = url("index", module).replace(f"/{module.dialogue.municipality.slug}/", f"/{other_municipality.slug}/")
    assert client.get(wrong).status_code == 404


def test_the_dialogue_page_invites_to_answer_and_later_shows_the_results(client, module, survey):
    page = client.get(module.dialogue.get_absolute_url()).content.decode()
    assert "Svara på enkäten" in page and survey.title in page
    survey.results_published = True
    survey.save()
    assert "Se enkätens resultat" in client.get(module.dialogue.get_absolute_url()).content.decode()


def test_a_question_removed_while_someone_answers_is_forgotten_not_refused(client, module, survey):
    client.post(url("page", module, 1), page_one(survey))
    by_text, _structure = questions_by_text(survey)
    by_text["Vad gör du i parken?"].delete()
    client.post(url("page", module, 2), page_two(survey))
    client.post(url("about", module), {})
    assert client.post(url("check", module), {}).status_code == 302
    assert Response.objects.count() == 1


def test_sending_reads_neither_the_structure_kept_in_the_process_nor_the_municipality(client, module, survey):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    answer_all(client, module, survey)
    client.get(url("check", module))
    with CaptureQueriesContext(connection) as sent:
        assert client.post(url("check", module), {"email": ""})["Location"].startswith(url("done", module))
    tables = [re.search(r'FROM "(\w+)"', query["sql"]) for query in sent.captured_queries]
    read = [found.group(1) for found in tables if found]
    assert "surveys_section" not in read and "surveys_question" not in read
    assert "organisations_municipality" not in read
    assert Response.objects.count() == 1


def test_a_change_in_the_builder_is_seen_at_once_by_someone_answering(client, module, survey, staff):
    from ..services_builder import question_move

    by_text, _structure = questions_by_text(survey)
    first, second = by_text["Hur tar du dig till parken?"], by_text["Vad gör du i parken?"]
    page = client.get(url("page", module, 1)).content.decode()
    assert page.index(first.text) < page.index(second.text)
    question_move(question=first, actor=staff["officer"], direction="down")  # rows updated, not saved one by one
    page = client.get(url("page", module, 1)).content.decode()
    assert page.index(second.text) < page.index(first.text)


@pytest.mark.django_db(transaction=True)  # the database checks the answers' questions when the send commits
def test_a_question_gone_from_under_a_send_is_a_message_not_an_error(client, module, survey, monkeypatch):
    from .. import structure
    from ..models import Question

    answer_all(client, module, survey)
    client.get(url("check", module))
    monkeypatch.setattr(structure, "structure_changed", lambda survey_id: None)  # as if the mark came too late
    by_text, _structure = questions_by_text(survey)
    Question.objects.filter(pk=by_text["Vad gör du i parken?"].pk).delete()
    sent = client.post(url("check", module), {"email": ""})
    assert sent.status_code == 200
    assert "Enkäten ändrades medan du svarade" in sent.content.decode()
    assert Response.objects.count() == 0


def test_a_logged_in_survey_at_e_id_offers_e_id_in_one_step_back_to_it(client, municipality, staff):
    from delaktig.identity.models import ActionRule, OidcConfiguration

    OidcConfiguration.objects.create(
        municipality=municipality, kind="resident_eid", issuer="https://broker.example", client_id="x"
    )
    ActionRule.objects.create(municipality=municipality, action="survey", identity_level=3)
    module = surveys_module(municipality=municipality)
    survey_for(module, actor=staff["officer"], access="logged_in")
    client.force_login(UserFactory())
    response = client.get(url("page", module, 1))
    page = response.content.decode()
    assert response.status_code == 403 and "Logga in med e-legitimation" in page and "next=" in page
    assert "Logga in med e-legitimation" in client.get(url("index", module)).content.decode()
    assert Response.objects.count() == 0
