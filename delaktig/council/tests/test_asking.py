"""A resident asks a question: the deadline, the limits, the receipt; what was typed is kept on every error."""

import re

import pytest
import time_machine
from django.urls import reverse

from delaktig.accounts.tests.factories import UserFactory
from delaktig.council.models import Question, Status

from .factories import MeetingFactory, QuestionFactory, QuestionTimeSettingsFactory, local

pytestmark = pytest.mark.django_db
NOW = local(2026, 10, 1, 12, 0)


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def meeting(municipality):
    return MeetingFactory(municipality=municipality, starts_at=local(2026, 10, 25, 2, 30))  # closes 15 Oct


def ask_url(meeting):
    return reverse("council:ask", args=[meeting.municipality.slug, meeting.body_id])


def post(client, target, **changes):
    data = {
        "meeting": target.pk,
        "topic": "traffic",
        "text": "Varför plogas inte cykelvägen vid Hagaskolan först?",
        "asker_name": "Rut Resident",
        "lives_here": "on",
        "submission_key": changes.pop("submission_key", ""),
        "confirm": "1",
        **changes,
    }
    return client.post(ask_url(target), {key: value for key, value in data.items() if value is not None})


def test_the_question_is_checked_before_it_is_sent_and_can_be_changed(client, meeting, resident):
    client.force_login(resident)
    page = post(client, meeting, confirm=None, text="Rad ett\nRad två").content.decode()
    assert "Kontrollera din fråga" in page and "Rad ett" in page and "Gator, vägar och trafik" in page
    assert not Question.objects.exists()
    changed = post(client, meeting, confirm=None, change="1", text="Rad ett").content.decode()
    assert 'id="id_text"' in changed and "Rad ett" in changed and not Question.objects.exists()


def test_someone_not_logged_in_is_asked_to_log_in(client, meeting):
    response = client.get(ask_url(meeting))
    assert response.status_code == 200 and "Logga in" in response.content.decode()


def test_a_question_gets_a_number_a_receipt_page_and_an_email(
    client, meeting, resident, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, meeting, submission_key="abc")
    question = Question.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/fragestund/fragor/{question.pk}/kvitto/")
    assert question.number == "AF 2026/1" and question.status == Status.SUBMITTED
    page = client.get(response["Location"]).content.decode()
    assert "AF 2026/1" in page
    assert len(mailoutbox) == 1 and "AF 2026/1" in mailoutbox[0].subject and resident.email in mailoutbox[0].to
    post(client, meeting, submission_key="abc")  # the same form sent twice
    assert Question.objects.count() == 1


def test_after_the_deadline_the_next_meeting_is_offered_and_the_text_kept(client, meeting, resident):
    later = MeetingFactory(municipality=meeting.municipality, starts_at=local(2026, 11, 30, 18, 0))
    with time_machine.travel(local(2026, 10, 16, 0, 0, 1), tick=False):
        client.force_login(resident)
        response = post(client, meeting, text="Min fråga om badplatsen")
    page = response.content.decode()
    assert response.status_code == 200 and not Question.objects.exists()
    assert "Min fråga om badplatsen" in page and "togs emot till och med 15 oktober 2026" in page
    assert re.search(rf'value="{later.pk}"[^>]* checked>', page)  # the next meeting is chosen instead
    assert "30 november 2026" in page


def test_a_link_to_a_closed_meeting_says_so_and_offers_the_next(client, meeting, resident):
    later = MeetingFactory(municipality=meeting.municipality, starts_at=local(2026, 11, 30, 18, 0))
    with time_machine.travel(local(2026, 10, 20, 9, 0), tick=False):
        client.force_login(resident)
        page = client.get(ask_url(meeting) + f"?mote={meeting.pk}").content.decode()
    assert "har gått ut" in page and f'value="{later.pk}"' in page and f'value="{meeting.pk}"' not in page


def test_no_meeting_open_for_questions_says_so(client, meeting, resident):
    with time_machine.travel(local(2026, 10, 20, 9, 0), tick=False):
        client.force_login(resident)
        response = client.get(ask_url(meeting))
    assert response.status_code == 200 and "Inget sammanträde tar emot frågor" in response.content.decode()


def test_the_limit_per_person(client, meeting, resident):
    QuestionTimeSettingsFactory(body=meeting.body, max_per_person=1)
    QuestionFactory(meeting=meeting, asker=resident)
    client.force_login(resident)
    response = post(client, meeting, text="En andra fråga")
    page = response.content.decode()
    assert Question.objects.count() == 1 and "En andra fråga" in page and "som en person får ställa" in page


def test_sending_the_same_form_again_at_the_limit_gives_the_first_receipt(client, meeting, resident):
    QuestionTimeSettingsFactory(body=meeting.body, max_per_person=1)
    client.force_login(resident)
    first = post(client, meeting, submission_key="k1")
    again = post(client, meeting, submission_key="k1")  # Back, then Send
    assert first.status_code == again.status_code == 302 and again["Location"] == first["Location"]
    assert Question.objects.count() == 1


def test_a_full_meeting_says_so_and_the_form_offers_the_next(client, meeting, resident):
    QuestionTimeSettingsFactory(body=meeting.body, max_per_meeting=1)
    QuestionFactory(meeting=meeting, status=Status.APPROVED)
    later = MeetingFactory(municipality=meeting.municipality, starts_at=local(2026, 11, 30, 18, 0))
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Frågestunden vid det här sammanträdet är full." in page and f"?mote={later.pk}" in page
    client.force_login(resident)
    response = client.get(ask_url(meeting) + f"?mote={meeting.pk}")
    assert response.context["form"]["meeting"].value() == later.pk
    assert "är full" in response.content.decode() and "har gått ut" not in response.content.decode()


def test_the_limit_per_meeting_counts_all_but_the_refused(client, meeting, resident):
    QuestionTimeSettingsFactory(body=meeting.body, max_per_meeting=2)
    QuestionFactory(meeting=meeting)
    QuestionFactory(meeting=meeting, status=Status.REFUSED)
    client.force_login(resident)
    assert post(client, meeting).status_code == 302
    response = post(client, meeting, submission_key="second", text="Ytterligare en fråga")
    page = response.content.decode()
    assert Question.objects.count() == 3 and "Ytterligare en fråga" in page
    assert "så många frågor som det tar emot" in page and "Titta i kalendern igen" in page


def test_residents_confirm_they_live_here(client, meeting, resident):
    client.force_login(resident)
    response = post(client, meeting, lives_here="")
    assert response.status_code == 200 and not Question.objects.exists()
    assert "Bara invånare" in response.content.decode()


@pytest.mark.parametrize(
    "changes",
    [
        {"meeting": "x"},
        {"meeting": "999999"},
        {"topic": "nope"},
        {"text": ""},
        {"addressee": "abc"},
        {"text": "x" * 3000},
    ],
)
def test_malformed_input_keeps_what_was_typed_and_never_fails(client, meeting, resident, changes):
    client.force_login(resident)
    response = post(client, meeting, asker_name="Rut Testsson", **changes)
    assert response.status_code == 200 and "Rut Testsson" in response.content.decode()
    assert not Question.objects.exists()


def test_a_person_of_another_body_cannot_be_addressed(client, meeting, resident):
    from delaktig.organisations.models import Membership, Role

    other_body = meeting.municipality.bodies.exclude(pk=meeting.body_id).first()
    member = Membership.objects.create(
        user=UserFactory(), municipality=meeting.municipality, role=Role.ELECTED_OFFICIAL, body=other_body
    )
    client.force_login(resident)
    response = post(client, meeting, addressee=member.pk)
    assert response.status_code == 200 and not Question.objects.exists()


def test_another_municipalitys_body_and_receipt_are_404(client, meeting, other_municipality, resident):
    client.force_login(resident)
    question = QuestionFactory(meeting=meeting, asker=resident)
    assert client.get(reverse("council:ask", args=[other_municipality.slug, meeting.body_id])).status_code == 404
    assert client.get(reverse("council:receipt", args=[other_municipality.slug, question.pk])).status_code == 404
    client.force_login(UserFactory())
    assert client.get(reverse("council:receipt", args=[meeting.municipality.slug, question.pk])).status_code == 404
