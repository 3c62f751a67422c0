"""The presidium's decisions and the answer: the table of steps, who may take them, and the e-mails to the asker."""

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.audit import audit_events_for
from delaktig.council import services, workflow
from delaktig.council.models import Status
from delaktig.organisations.models import Body, Membership, Role
from delaktig.organisations.tests.factories import staff_for

from .factories import MeetingFactory, QuestionFactory, local

pytestmark = pytest.mark.django_db
BEFORE, AFTER = local(2026, 11, 10, 12, 0), local(2026, 11, 17, 9, 0)  # the meeting is on 16 November
ROWS = [(source, target, step) for (source, target), step in workflow.TRANSITIONS.items()]


@pytest.fixture
def question(municipality):
    return QuestionFactory(meeting=MeetingFactory(municipality=municipality), asker=UserFactory())


def satisfy(question, step):
    question.refusal_reason = "not_municipal"
    question.answer, question.answered_by = "Vägen plogas före klockan sju.", "Anna Andersson (S), ordförande"
    return question


def actors(municipality, question, other_municipality):
    people = staff_for(municipality)
    other_body = Body.objects.filter(municipality=municipality).exclude(pk=question.meeting.body_id).first()
    other_presidium = UserFactory()
    Membership.objects.create(user=other_presidium, municipality=municipality, role=Role.PRESIDIUM, body=other_body)
    return {
        **{role: people[role] for role in Role.values},
        "asker": question.asker,
        "presidium_of_another_body": other_presidium,
        "resident": UserFactory(),
        "anonymous": AnonymousUser(),
        "administrator_elsewhere": staff_for(other_municipality)[Role.ADMINISTRATOR],
    }


def expected(step, kind):
    if kind == "asker":
        return workflow.ASKER in step.actors
    return kind in step.actors


@pytest.mark.parametrize(("source", "target", "step"), [pytest.param(*row, id=f"{row[0]}->{row[1]}") for row in ROWS])
def test_each_row_allows_exactly_the_actors_of_the_table(
    municipality, other_municipality, question, source, target, step
):
    with time_machine.travel(BEFORE if step.name == "withdraw" else AFTER, tick=False):
        question.status = source
        satisfy(question, step).save()
        allowed = None
        for kind, actor in actors(municipality, question, other_municipality).items():
            reasons = workflow.refusals(actor, question, step.name)
            assert (reasons == []) is expected(step, kind), (kind, reasons)
            allowed = actor if not reasons else allowed
        workflow.transition(question, step.name, actor=allowed)
    question.refresh_from_db()
    event = audit_events_for(question).get()
    assert question.status == target and event.action == f"council_question.{step.name}"
    assert event.data["from"] == source and event.data["to"] == target and event.actor == allowed


def test_withdrawing_an_approved_question_ends_when_the_meeting_begins(question):
    question.status = Status.APPROVED
    question.save()
    with time_machine.travel(local(2026, 11, 16, 18, 0), tick=False):
        assert "har börjat" in " ".join(workflow.refusals(question.asker, question, "withdraw"))


@pytest.mark.parametrize("status", [Status.REFUSED, Status.WITHDRAWN, Status.MEETING_CANCELLED])
def test_final_statuses_have_no_way_out(question, status):
    question.status = status
    assert workflow.next_steps(question) == []


def test_an_answered_question_can_only_have_its_answer_corrected(question):
    question.status = Status.ANSWERED
    assert [(found.target, found.step.name) for found in workflow.next_steps(question)] == [
        (Status.ANSWERED, "correct")
    ]


def review(client, question, **data):
    url = reverse("council:staff_question", args=[question.municipality.slug, question.pk])
    return client.post(url, data)


def test_the_presidium_approves_and_the_asker_is_told(
    client, staff, question, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(staff[Role.PRESIDIUM])
    with django_capture_on_commit_callbacks(execute=True):
        response = review(client, question, decision="approve")
    question.refresh_from_db()
    assert response.status_code == 302 and question.status == Status.APPROVED
    assert len(mailoutbox) == 1 and "godkänd" in mailoutbox[0].subject and mailoutbox[0].to == [question.asker.email]
    assert "16 november 2026" in mailoutbox[0].body


def test_refusing_needs_a_reason_and_the_asker_is_told_why(
    client, staff, question, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(staff[Role.PRESIDIUM])
    response = review(client, question, decision="refuse", text="Vi tar inte upp det här.")
    assert response.status_code == 200 and "Välj varför frågan inte godkänns" in response.content.decode()
    assert "Vi tar inte upp det här." in response.content.decode()  # what was typed is kept
    with django_capture_on_commit_callbacks(execute=True):
        review(client, question, decision="refuse", reason="individual_matter", text="Kontakta socialtjänsten.")
    question.refresh_from_db()
    assert question.status == Status.REFUSED and question.refusal_reason == "individual_matter"
    body = mailoutbox[0].body
    assert "inte" in mailoutbox[0].subject and "enskilt ärende" in body and "Kontakta socialtjänsten." in body
    assert audit_events_for(question).get().data["reason"] == "individual_matter"


def test_the_reason_other_needs_an_explanation(client, staff, question):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    response = review(client, question, decision="refuse", reason="other")
    question.refresh_from_db()
    assert response.status_code == 200 and question.status == Status.SUBMITTED
    assert "Förklara skälet" in response.content.decode()


def test_who_may_open_the_review_page(client, staff, question, other_municipality):
    url = reverse("council:staff_question", args=[question.municipality.slug, question.pk])
    other_body = Body.objects.filter(municipality=question.municipality).exclude(pk=question.meeting.body_id).first()
    elsewhere = UserFactory()
    Membership.objects.create(user=elsewhere, municipality=question.municipality, role=Role.PRESIDIUM, body=other_body)
    for person, status in (
        (staff[Role.PRESIDIUM], 200),
        (staff[Role.DEMOCRACY_OFFICER], 200),
        (staff[Role.OFFICER], 403),
        (staff[Role.ELECTED_OFFICIAL], 403),
        (elsewhere, 403),
    ):
        client.force_login(person)
        assert client.get(url).status_code == status, person
    client.force_login(staff_for(other_municipality)[Role.ADMINISTRATOR])
    assert client.get(url).status_code == 404
    client.force_login(staff[Role.ADMINISTRATOR])
    other_url = reverse("council:staff_question", args=[other_municipality.slug, question.pk])
    assert client.get(other_url).status_code == 404


def test_a_second_decision_on_the_same_question_is_refused_in_words(client, staff, question):
    client.force_login(staff[Role.PRESIDIUM])
    review(client, question, decision="approve")
    response = review(client, question, decision="refuse", reason="not_municipal")
    question.refresh_from_db()
    assert response.status_code == 409 and question.status == Status.APPROVED
    assert "Det går inte när frågan har status" in response.content.decode()


def answer(client, question, **changes):
    url = reverse("council:staff_question", args=[question.municipality.slug, question.pk])
    data = {
        "form": "answer",
        "answer": "Vi plogar cykelvägen först från och med i vinter.",
        "answered_by": "Anna Andersson (S), ordförande i tekniska nämnden",
        "answered_on": "2026-11-16",
        "answer_url": "https://play.example.se/kf-2026-11-16",
        "answer_time_mark": "1:23:45",
        **changes,
    }
    return client.post(url, data)


def test_the_answer_is_recorded_published_and_mailed(
    client, staff, question, mailoutbox, django_capture_on_commit_callbacks
):
    services.question_approve(question=question, actor=staff[Role.PRESIDIUM])
    client.force_login(staff[Role.REGISTRAR])
    page = client.get(reverse("council:staff_question", args=[question.municipality.slug, question.pk]))
    assert 'name="answer"' in page.content.decode()  # the meeting has begun: the form is there
    with django_capture_on_commit_callbacks(execute=True):
        response = answer(client, question)
    question.refresh_from_db()
    assert response.status_code == 302 and question.status == Status.ANSWERED
    assert question.answer_link() == "https://play.example.se/kf-2026-11-16#t=5025"
    assert "besvarad" in mailoutbox[-1].subject and "plogar cykelvägen" in mailoutbox[-1].body
    page = client.get(question.meeting.get_absolute_url()).content.decode()
    assert "plogar cykelvägen" in page and "1:23:45" in page


@pytest.mark.parametrize(
    "changes",
    [{"answer": ""}, {"answered_on": "16/11"}, {"answer_time_mark": "99:99"}, {"answer_url": "javascript:alert(1)"}],
)
def test_a_malformed_answer_keeps_what_was_typed(client, staff, question, changes):
    services.question_approve(question=question, actor=staff[Role.PRESIDIUM])
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    response = answer(client, question, answered_by="Bo Bengtsson (C)", **changes)
    question.refresh_from_db()
    assert response.status_code == 200 and question.status == Status.APPROVED
    assert "Bo Bengtsson (C)" in response.content.decode()


def test_no_answer_before_the_meeting_has_begun(client, staff, municipality):
    question = QuestionFactory(meeting=MeetingFactory(municipality=municipality, starts_at=local(2027, 1, 4, 18, 0)))
    services.question_approve(question=question, actor=staff[Role.PRESIDIUM])
    with time_machine.travel(local(2026, 12, 20, 12, 0), tick=False):
        client.force_login(staff[Role.REGISTRAR])
        page = client.get(reverse("council:staff_question", args=[municipality.slug, question.pk])).content.decode()
        assert "Svaret kan registreras när sammanträdet har börjat." in page and 'name="answer"' not in page
        response = answer(client, question, answered_on="2026-12-20")
    question.refresh_from_db()
    assert response.status_code in (200, 409) and question.status == Status.APPROVED


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"answered_on": "2030-01-01"}, "Datumet kan inte vara i framtiden"),
        ({"answered_on": "2026-11-15"}, "vid eller efter sammanträdet den 16 november 2026"),
        ({"answer_url": ""}, "En tid i inspelningen behöver en länk"),
        ({"answer_url": "ftp://example.se/kf.mp4"}, "Skriv en webbadress som börjar med https://"),
    ],
)
def test_the_answer_date_and_link_are_checked(client, staff, question, changes, message):
    services.question_approve(question=question, actor=staff[Role.PRESIDIUM])
    client.force_login(staff[Role.REGISTRAR])
    with time_machine.travel(AFTER, tick=False):
        response = answer(client, question, **changes)
    question.refresh_from_db()
    assert response.status_code == 200 and message in response.content.decode()
    assert question.status == Status.APPROVED


def test_a_published_answer_can_be_corrected_without_a_second_mail(
    client, staff, question, mailoutbox, django_capture_on_commit_callbacks
):
    services.question_approve(question=question, actor=staff[Role.PRESIDIUM])
    client.force_login(staff[Role.REGISTRAR])
    with django_capture_on_commit_callbacks(execute=True):
        answer(client, question)
    mails = len(mailoutbox)
    with django_capture_on_commit_callbacks(execute=True):
        response = answer(client, question, answer="Vi plogar cykelvägen före sju från och med januari.")
    question.refresh_from_db()
    assert response.status_code == 302 and question.status == Status.ANSWERED
    assert question.answer.startswith("Vi plogar cykelvägen före sju") and len(mailoutbox) == mails
    assert [event.action for event in audit_events_for(question)][-1] == "council_question.correct"
    queue = client.get(reverse("council:staff_queue", args=[question.municipality.slug])).content.decode()
    assert "Senast besvarade" in queue and question.number in queue


def test_the_asker_withdraws_and_no_one_else_may(client, question):
    url = reverse("council:withdraw", args=[question.municipality.slug, question.pk])
    client.force_login(UserFactory())
    assert client.post(url).status_code == 404
    client.force_login(question.asker)
    with time_machine.travel(BEFORE, tick=False):
        client.force_login(question.asker)
        assert client.get(url).status_code == 200
        response = client.post(url)
    question.refresh_from_db()
    assert response.status_code == 302 and question.status == Status.WITHDRAWN
