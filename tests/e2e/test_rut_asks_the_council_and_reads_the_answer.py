"""Rut asks the council a question at public question time, and later reads the answer.

Rut finds the council's calendar, logs in from the question form, asks the chair a question and gets a receipt
with its reference number, on the page and by e-mail. Pia of the council's presidium approves it from her queue,
and Rut is told. The meeting is held; Rolf the registrar records the answer with a time mark in the recording.
Rut follows the link in the e-mail to the meeting's page, reads the answer, and finds it again in the archive.
"""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from delaktig.council.models import Meeting, Question, Status
from delaktig.organisations.models import Membership, Role
from delaktig.organisations.tests.factories import MunicipalityFactory

from .support import arrive, click_through, log_in, log_out, logged_in, person, sv, sv_date

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUESTION = "Varför plogas inte gång- och cykelvägen vid Hagaskolan före klockan sju?"
ANSWER = "Från och med i vinter plogar vi skolvägarna först, före klockan sex på vardagar."


@pytest.fixture
def hagby():
    cache.clear()
    return MunicipalityFactory(name="Hagby kommun", slug="hagby")


@pytest.fixture
def council(hagby):
    council = hagby.get_deciding_body()
    council.name = "Kommunfullmäktige"
    council.save()
    return council


@pytest.fixture
def meeting(hagby, council):
    day = timezone.localdate() + datetime.timedelta(days=20)
    starts_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(18, 0)))
    return Meeting.objects.create(
        municipality=hagby,
        body=council,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=3),
        place="Sessionssalen, Kommunhuset",
        has_question_time=True,
    )


@pytest.fixture
def pia(hagby, council):
    pia = person(name="Pia Presidiesson", email="pia@hagby.example")
    Membership.objects.create(user=pia, municipality=hagby, role=Role.PRESIDIUM, body=council, title="Ordförande")
    return pia


@pytest.fixture
def rolf(hagby):
    return person(hagby, Role.REGISTRAR, name="Rolf Registrator", email="rolf@hagby.example")


def test_rut_asks_the_council_and_reads_the_answer(page, hagby, council, meeting, pia, rolf):
    rut = person(name="Rut Resident", email="rut@example.se")
    question = rut_asks(page, rut, council, pia, meeting)
    log_out(page)
    pia_approves(page, pia, question)
    log_out(page)
    approved = sv("Your question %(number)s is approved for question time", number=question.number)
    assert [m.to for m in mail.outbox if m.subject == approved] == [[rut.email]]

    Meeting.objects.filter(pk=meeting.pk).update(  # the meeting is held
        starts_at=timezone.now() - datetime.timedelta(hours=3), ends_at=timezone.now() - datetime.timedelta(hours=1)
    )
    rolf_records_the_answer(page, rolf, question)
    log_out(page)
    rut_reads_the_answer(page, rut, question)


def rut_asks(page, rut, council, pia, meeting):
    page.goto("/hagby/sammantraden/")
    arrive(page)
    click_through(page, page.locator("main a", has_text=council.name).first)
    click_through(page, page.locator("main a.button", has_text=sv("Ask a question")))
    assert page.locator("main h1").inner_text() == sv("Log in to ask a question")
    log_in(page, rut)
    assert "/fragestund/" in page.url and f"mote={meeting.pk}" in page.url
    assert page.locator(f"#id_meeting input[value='{meeting.pk}']").is_checked()
    page.select_option("#id_addressee", label="Pia Presidiesson, Ordförande")
    page.select_option("#id_topic", value="traffic")
    page.fill("#id_text", QUESTION)
    assert page.input_value("#id_asker_name") == rut.name
    page.check("#id_lives_here")
    click_through(page, page.locator("main form button.button", has_text=sv("Continue")))
    assert page.locator("main h1").inner_text() == sv("Check your question before you send it")
    assert QUESTION in page.inner_text("main .summary-list") and "Pia Presidiesson" in page.inner_text("main")
    click_through(page, page.locator("main form button.button", has_text=sv("Send the question")))

    question = Question.objects.get(asker=rut)
    assert question.status == Status.SUBMITTED and question.addressee.user == pia
    assert page.locator("main .panel-confirmation h1").inner_text() == sv("We have received your question")
    assert question.number in page.inner_text("main .panel-confirmation")
    receipts = [m for m in mail.outbox if m.to == [rut.email] and question.number in m.subject]
    assert len(receipts) == 1 and QUESTION in receipts[0].body and sv_date(meeting.starts_at) in receipts[0].body
    return question


def pia_approves(page, pia, question):
    logged_in(page, pia)
    page.goto("/hagby/")
    arrive(page)
    click_through(page, page.get_by_role("link", name=sv("Staff workspace")))
    click_through(page, page.locator(".staff-nav a", has_text=sv("Question time")).first)
    click_through(page, page.locator("main a.button", has_text=sv("Questions for question time")))
    click_through(page, page.locator("main table a", has_text=question.number))
    assert QUESTION in page.inner_text("main")
    page.check("input[name=decision][value=approve]")
    click_through(page, page.locator("main form button.button", has_text=sv("Save the decision")))
    question.refresh_from_db()
    assert question.status == Status.APPROVED


def rolf_records_the_answer(page, rolf, question):
    logged_in(page, rolf)
    page.goto("/hagby/")
    arrive(page)
    click_through(page, page.get_by_role("link", name=sv("Staff workspace")))
    click_through(page, page.locator(".staff-nav a", has_text=sv("Question time")).first)
    click_through(page, page.locator("main a.button", has_text=sv("Questions for question time")))
    click_through(page, page.locator("main table a", has_text=question.number))
    page.fill("#id_answer", ANSWER)
    page.fill("#id_answered_by", "Pia Presidiesson, ordförande")
    page.fill("#id_answer_url", "https://play.hagby.example/kf")
    page.fill("#id_answer_time_mark", "1:23:45")
    click_through(page, page.locator("main form button.button", has_text=sv("Publish the answer")))
    question.refresh_from_db()
    assert question.status == Status.ANSWERED
    assert question.answered_on == question.meeting.local_date()  # the form's default: answered at the meeting


def rut_reads_the_answer(page, rut, question):
    subject = sv("Your question %(number)s has been answered", number=question.number)
    message = next(m for m in mail.outbox if m.to == [rut.email] and m.subject == subject)
    assert ANSWER in message.body
    link = next(url for url in re.findall(r"https?://\S+", message.body) if "/sammantraden/" in url)
    page.goto(urlsplit(link).path)
    arrive(page)
    answer = page.locator(f"#fraga-{question.pk}")
    assert QUESTION in answer.inner_text() and ANSWER in answer.inner_text()
    assert answer.locator("a", has_text="1:23:45").get_attribute("href") == "https://play.hagby.example/kf#t=5025"
    page.goto("/hagby/fragestund/arkiv/")
    arrive(page)
    page.fill("#id_q", "plogas Hagaskolan")
    click_through(page, page.locator("main form button", has_text=sv("Search")))
    assert ANSWER in page.inner_text("main")
