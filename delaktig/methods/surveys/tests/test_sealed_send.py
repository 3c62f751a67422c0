""" "Send" stores what the check page showed: the page carries the progress signed, so sending an open survey reads
and writes no session; the confirmation page, reached by a signed link, forgets the progress."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from delaktig.accounts.tests.factories import UserFactory

from ..models import Access, Response
from ..progress import KEY
from ..views import answer
from .conftest import url
from .factories import questions_by_text
from .test_answering import answer_all, page_one

pytestmark = pytest.mark.django_db


def seal_of(page):
    found = re.search(r'name="sealed" value="([^"]+)"', page.content.decode())
    assert found, "the check page carries no seal"
    return found.group(1)


def checked(client, module, survey):
    answer_all(client, module, survey)
    return seal_of(client.get(url("check", module)))


def test_an_open_survey_is_sent_without_reading_or_writing_the_session(client, module, survey):
    seal = checked(client, module, survey)
    with CaptureQueriesContext(connection) as sent:
        response = client.post(url("check", module), {"email": "", "sealed": seal})
    assert response.status_code == 302 and response["Location"].startswith(url("done", module) + "?svar=")
    assert not [query for query in sent.captured_queries if "django_session" in query["sql"]]
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert answer.ANSWERED_COOKIE in response.cookies
    assert Response.objects.count() == 1
    assert KEY.format(survey.pk) in client.session  # still there until the confirmation page is seen
    done = client.get(response["Location"])
    assert Response.objects.get().reference in done.content.decode()
    assert KEY.format(survey.pk) not in client.session


def test_the_check_page_s_answers_are_sent_even_if_the_session_changed_since(client, module, survey):
    seal = checked(client, module, survey)
    by_text, _structure = questions_by_text(survey)
    client.post(url("page", module, 1), page_one(survey, **{f"q{by_text['Besöker du parken varje vecka?'].pk}": "no"}))
    client.post(url("check", module), {"email": "", "sealed": seal})
    question = by_text["Besöker du parken varje vecka?"]
    assert Response.objects.get().answers.get(question=question).choice == "yes"


def test_the_same_page_sent_twice_is_one_response(client, module, survey):
    seal = checked(client, module, survey)
    assert client.post(url("check", module), {"email": "", "sealed": seal}).status_code == 302
    client.cookies.pop(answer.ANSWERED_COOKIE)  # a double click: the first answer's cookie has not arrived yet
    again = client.post(url("check", module), {"email": "", "sealed": seal}, follow=True)
    assert Response.objects.count() == 1
    assert "Du har redan svarat" in again.content.decode()


def test_a_seal_that_is_not_ours_or_for_another_survey_falls_back_to_the_session(client, module, survey):
    seal = checked(client, module, survey)
    for wrong in (seal[:-3] + "abc", "nonsense", seal.replace(seal.split(":")[0], "eyJ4IjoxfQ")):
        page = client.post(url("check", module), {"email": "not an address", "sealed": wrong})
        assert page.status_code == 200 and "Moped" in page.content.decode()  # the session's answers, kept
    sent = client.post(url("check", module), {"email": "", "sealed": "tampered"})
    assert sent.status_code == 302 and Response.objects.count() == 1


def test_a_wrong_address_on_a_sealed_send_keeps_everything(client, module, survey):
    seal = checked(client, module, survey)
    page = client.post(url("check", module), {"email": "rut@", "sealed": seal})
    text = page.content.decode()
    assert page.status_code == 200 and "Fel:" in text and 'value="rut@"' in text and "Moped" in text
    sent = client.post(url("check", module), {"email": "rut@example.se", "sealed": seal_of(page)})
    assert sent.status_code == 302 and Response.objects.count() == 1


def test_the_confirmation_page_needs_its_signed_link(client, module, survey):
    seal = checked(client, module, survey)
    done = client.post(url("check", module), {"email": "", "sealed": seal})["Location"]
    assert client.get(url("done", module))["Location"] == url("index", module)
    assert client.get(done + "x")["Location"] == url("index", module)
    other = Client()
    assert Response.objects.get().reference in other.get(done).content.decode()  # the link alone shows it


def test_a_logged_in_survey_still_asks_who_sends(client, module, survey):
    survey.access = Access.LOGGED_IN
    survey.save()
    person = UserFactory()
    client.force_login(person)
    seal = checked(client, module, survey)
    stranger = Client()
    refused = stranger.post(url("check", module), {"email": "", "sealed": seal})
    assert refused.status_code == 302 and "next=" in refused["Location"]
    assert Response.objects.count() == 0
    assert client.post(url("check", module), {"sealed": seal}).status_code == 302
    assert Response.objects.count() == 1
