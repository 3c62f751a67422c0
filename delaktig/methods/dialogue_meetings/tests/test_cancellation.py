"""Cancelling through the link in the e-mail: the place goes to the first on the waiting list; a used or unknown link
gets a clear page, never an error."""

import pytest
from django.core import mail

from delaktig.core.models import AuditEvent

from ..models import Registration, RegistrationStatus
from ..services import AlreadyCancelled, meeting_register, registration_cancel
from .conftest import url
from .factories import MeetingFactory

pytestmark = pytest.mark.django_db


def register(meeting, email):
    return meeting_register(meeting=meeting, name=email.split("@")[0].title(), email=email)


@pytest.fixture
def full(meeting):
    """A meeting with two places taken and two people waiting."""
    people = [register(meeting, f"{name}@example.se") for name in ("anna", "bo", "cecilia", "david")]
    return meeting, people


def test_cancelling_gives_the_place_to_the_first_in_line_who_is_told(client, full, commits):
    meeting, (anna, _bo, cecilia, david) = full
    assert client.get(url("cancel", meeting.module, anna.token)).status_code == 200  # asks first; GET changes nothing
    assert Registration.objects.get(pk=anna.pk).status == RegistrationStatus.REGISTERED
    with commits():
        response = client.post(url("cancel", meeting.module, anna.token))
    assert response.status_code == 302
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "anna@example.se": "cancelled",
        "bo@example.se": "registered",
        "cecilia@example.se": "registered",
        "david@example.se": "waiting",
    }
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert "avbokad" in subjects["anna@example.se"] and "fått en plats" in subjects["cecilia@example.se"]
    assert "david@example.se" not in subjects
    promoted = next(message for message in mail.outbox if message.to == ["cecilia@example.se"])
    assert cecilia.get_absolute_url() in promoted.body and promoted.attachments
    assert Registration.objects.get(pk=david.pk).waiting_position() == 1
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"dialogue_meetings.registration.cancel", "dialogue_meetings.registration.promote"} <= actions


def test_someone_waiting_who_cancels_frees_no_place(full):
    meeting, (_anna, _bo, cecilia, david) = full
    assert registration_cancel(registration=cecilia) == []
    assert Registration.objects.get(pk=david.pk).waiting_position() == 1


def test_a_reused_link_says_the_registration_is_already_cancelled(client, full):
    meeting, (anna, *_rest) = full
    client.post(url("cancel", meeting.module, anna.token))
    for response in (
        client.post(url("cancel", meeting.module, anna.token)),
        client.get(url("cancel", meeting.module, anna.token)),
    ):
        assert response.status_code == 200
        assert "Din anmälan är avbokad" in response.content.decode()
    assert Registration.objects.filter(status=RegistrationStatus.REGISTERED).count() == 2
    with pytest.raises(AlreadyCancelled):
        registration_cancel(registration=anna)


def test_an_unknown_link_gets_a_clear_page(client, meeting):
    for name in ("registration", "cancel"):
        response = client.get(url(name, meeting.module, "inte-en-riktig-lank"))
        assert response.status_code == 404 and "Länken fungerar inte" in response.content.decode()
    assert client.post(url("cancel", meeting.module, "x")).status_code == 404


def test_a_link_of_another_module_is_unknown_here(client, meeting, municipality):
    from .factories import meetings_module

    registration = register(meeting, "anna@example.se")
    other = meetings_module(municipality=municipality)
    assert client.get(url("registration", other, registration.token)).status_code == 404


def test_after_the_meeting_has_begun_the_link_shows_the_registration_but_cancels_nothing(client, module):
    meeting = MeetingFactory(module=module)
    registration = register(meeting, "anna@example.se")
    type(meeting).objects.filter(pk=meeting.pk).update(
        starts_at=meeting.starts_at.replace(year=2020), ends_at=meeting.ends_at.replace(year=2020)
    )
    response = client.post(url("cancel", module, registration.token))
    assert response.status_code == 200 and "Avboka anmälan" not in response.content.decode()
    assert Registration.objects.get().status == RegistrationStatus.REGISTERED


def test_more_places_go_to_those_waiting(full, staff):
    from ..services_meetings import meeting_update

    meeting, (_anna, _bo, cecilia, david) = full
    meeting_update(meeting=meeting, actor=staff["officer"], capacity=3)
    assert Registration.objects.get(pk=cecilia.pk).status == RegistrationStatus.REGISTERED
    assert Registration.objects.get(pk=david.pk).status == RegistrationStatus.WAITING


def test_staff_cancel_a_registration_from_the_attendance_list(client, full, staff):
    meeting, (anna, *_rest) = full
    client.force_login(staff["officer"])
    response = client.post(url("staff:registration_cancel", meeting.module, meeting.pk, anna.pk))
    assert response.status_code == 302
    assert Registration.objects.get(pk=anna.pk).status == RegistrationStatus.CANCELLED
    event = AuditEvent.objects.get(action="dialogue_meetings.registration.cancel")
    assert event.actor == staff["officer"]


def test_the_link_comes_again_to_an_address_registered_and_the_page_never_tells(client, meeting, commits):
    register(meeting, "anna@example.se")
    mail.outbox.clear()
    with commits():
        known = client.post(url("link_again", meeting.module, meeting.pk), {"email": "ANNA@example.se"})
        unknown = client.post(url("link_again", meeting.module, meeting.pk), {"email": "okand@example.se"})
    assert known.content.decode().count("Om adressen är anmäld") == 1
    assert "Om adressen är anmäld" in unknown.content.decode()
    assert [message.to for message in mail.outbox] == [["anna@example.se"]]


def test_staff_are_asked_first_and_the_person_reads_that_the_municipality_cancelled_and_why(
    client, full, staff, commits
):
    meeting, (anna, *_rest) = full
    client.force_login(staff["officer"])
    cancel = url("staff:registration_cancel", meeting.module, meeting.pk, anna.pk)
    assert cancel in client.get(url("staff:meeting", meeting.module, meeting.pk)).content.decode()
    asked = client.get(cancel).content.decode()
    assert "Avboka anmälan" in asked and 'name="reason"' in asked and "anna@example.se" in asked
    assert Registration.objects.get(pk=anna.pk).status == RegistrationStatus.REGISTERED  # a GET changes nothing
    mail.outbox.clear()
    with commits():
        response = client.post(cancel, {"reason": "Du anmälde dig två gånger, med två adresser."})
    assert response.status_code == 302
    cancelled = Registration.objects.get(pk=anna.pk)
    assert cancelled.status == RegistrationStatus.CANCELLED and cancelled.cancelled_by_staff
    told = next(message for message in mail.outbox if message.to == ["anna@example.se"])
    municipality = meeting.municipality.name
    assert told.subject.startswith("Vi har avbokat din anmälan") and anna.reference in told.subject
    assert f"{municipality} har avbokat din anmälan {anna.reference}" in told.body
    assert "Du anmälde dig två gånger, med två adresser." in told.body
    page = client.get(anna.get_absolute_url()).content.decode()
    assert f"{municipality} har avbokat anmälan" in page and "Du anmälde dig två gånger" in page
    event = AuditEvent.objects.get(action="dialogue_meetings.registration.cancel")
    assert event.actor == staff["officer"]
    assert client.get(cancel).status_code == 302  # cancelled already: back to the list, with a message


def test_a_person_who_cancels_is_not_told_that_the_municipality_did(client, full, commits):
    meeting, (anna, *_rest) = full
    mail.outbox.clear()
    with commits():
        client.post(url("cancel", meeting.module, anna.token))
    (told,) = [message for message in mail.outbox if message.to == ["anna@example.se"]]
    assert told.subject.startswith("Din anmälan är avbokad") and "har avbokat" not in told.body
    assert not Registration.objects.get(pk=anna.pk).cancelled_by_staff


def test_someone_waiting_is_offered_to_leave_the_line_not_to_give_up_a_place(client, full, commits):
    meeting, (_anna, _bo, cecilia, _david) = full
    from ..mail import deliver

    place = "någon annan kan få din plats"
    page = client.get(cecilia.get_absolute_url()).content.decode()
    assert "Lämna kön" in page and place not in page and "Avboka anmälan" not in page
    asked = client.get(url("cancel", meeting.module, cecilia.token)).content.decode()
    assert "Lämna kön?" in asked and "Nej, stå kvar i kön" in asked
    deliver(Registration.objects.get(pk=cecilia.pk), "receipt")
    assert "lämna kön" in mail.outbox[-1].body and place not in mail.outbox[-1].body
    response = client.post(url("cancel", meeting.module, cecilia.token), follow=True)
    assert "Du har lämnat kön" in response.content.decode()
