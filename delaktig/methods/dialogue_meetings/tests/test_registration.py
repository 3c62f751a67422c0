"""Registering for a meeting: a place or the waiting list, receipts, double registrations, deadlines."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.models import AuditEvent

from ..models import Registration, RegistrationStatus
from ..services import AlreadyRegistered, RegistrationRefused, meeting_register
from .conftest import url
from .factories import MeetingFactory

pytestmark = pytest.mark.django_db

FORM = {"name": "Anna Berg", "email": "anna@example.se", "diet": "Glutenfritt"}


def register(meeting, email="anna@example.se", name="Anna Berg", **extra):
    return meeting_register(meeting=meeting, name=name, email=email, **extra)


def test_a_resident_without_account_registers_and_gets_the_confirmation_page_and_a_receipt(client, meeting, commits):
    with commits():
        response = client.post(url("register", meeting.module, meeting.pk), FORM)
    registration = Registration.objects.get()
    assert response.status_code == 302 and response.url == url("register_sent", meeting.module, meeting.pk)
    page = client.get(response.url).content.decode()
    assert "Vi har skickat ett mejl till anna@example.se" in page and registration.reference not in page
    assert registration.status == RegistrationStatus.REGISTERED and registration.diet == "Glutenfritt"
    assert registration.user is None
    receipt = mail.outbox[-1]
    assert receipt.to == ["anna@example.se"] and registration.reference in receipt.subject
    assert registration.get_absolute_url() in receipt.body and "avboka" in receipt.body.lower()
    assert receipt.attachments[0][0].endswith(".ics")
    assert AuditEvent.objects.filter(action="dialogue_meetings.register").exists()
    mine = client.get(registration.get_absolute_url()).content.decode()  # the link in the receipt
    assert "Du är anmäld" in mine and registration.reference in mine


def test_a_logged_in_resident_finds_name_and_address_filled_in(client, meeting):
    user = UserFactory(name="Rut Resident")
    client.force_login(user)
    page = client.get(url("register", meeting.module, meeting.pk)).content.decode()
    assert 'value="Rut Resident"' in page and f'value="{user.email}"' in page
    client.post(url("register", meeting.module, meeting.pk), {"name": user.name, "email": user.email})
    assert Registration.objects.get().user == user


def test_when_the_meeting_is_full_the_next_one_waits_and_is_told_their_place(meeting, commits):
    with commits():
        register(meeting, "a@example.se")
        register(meeting, "b@example.se")
        third = register(meeting, "c@example.se")
        fourth = register(meeting, "d@example.se")
    assert (third.status, fourth.status) == (RegistrationStatus.WAITING, RegistrationStatus.WAITING)
    assert (third.waiting_position(), fourth.waiting_position()) == (1, 2)
    assert "väntelistan" in mail.outbox[-1].subject and "nummer 2" in mail.outbox[-1].body
    assert not mail.outbox[-1].attachments


def _main(response):
    page = response.content.decode()
    return page[page.index("<main") : page.index("</main>")]


def test_a_second_registration_with_the_same_address_looks_like_a_new_one_and_the_address_is_told(
    client, meeting, commits
):
    """Without logging in, the page never tells whether an address is registered (decision 61)."""
    first = register(meeting, "anna@example.se", name="Anna Berg")
    mail.outbox.clear()
    with commits():
        again = client.post(url("register", meeting.module, meeting.pk), {**FORM, "name": "Någon Annan"}, follow=True)
        new = client.post(url("register", meeting.module, meeting.pk), {**FORM, "email": "bo@example.se"}, follow=True)
    assert again.redirect_chain == new.redirect_chain == [(url("register_sent", meeting.module, meeting.pk), 302)]
    assert "Vi har skickat ett mejl till anna@example.se" in _main(again)
    assert _main(again).replace("anna@example.se", "bo@example.se") == _main(new)
    assert Registration.objects.count() == 2 and Registration.objects.get(pk=first.pk).diet == ""
    told, receipt = mail.outbox
    assert told.to == ["anna@example.se"] and "redan anmäld" in told.subject and first.reference in told.subject
    assert "Hej Anna Berg" in told.body and first.get_absolute_url() in told.body and "inget nytt" in told.body
    assert not told.attachments and receipt.to == ["bo@example.se"]


def test_logged_in_with_another_address_is_as_without_an_account(client, meeting, resident, commits):
    register(meeting, "anna@example.se", name="Anna Berg")
    client.force_login(resident)
    response = client.post(url("register", meeting.module, meeting.pk), FORM)
    assert response.url == url("register_sent", meeting.module, meeting.pk)
    client.post(url("register", meeting.module, meeting.pk), {**FORM, "email": "bo@example.se"})
    assert not Registration.objects.filter(user=resident).exists()


def test_the_service_refuses_a_double_registration_in_any_case(meeting):
    register(meeting, "anna@example.se")
    with pytest.raises(AlreadyRegistered):
        register(meeting, " ANNA@example.se ")


def test_a_logged_in_person_registered_already_is_taken_to_their_registration(client, meeting):
    user = UserFactory()
    first = register(meeting, user.email, user=user)
    client.force_login(user)
    response = client.post(url("register", meeting.module, meeting.pk), {"name": user.name, "email": user.email})
    assert response.status_code == 302 and response.url == first.get_absolute_url()


def test_registration_after_the_deadline_is_refused_in_swedish_and_keeps_what_was_typed(client, module):
    deadline = timezone.now() + datetime.timedelta(hours=1)
    meeting = MeetingFactory(module=module, registration_deadline=deadline)
    with time_machine.travel(deadline + datetime.timedelta(minutes=1)):
        response = client.post(url("register", module, meeting.pk), FORM)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Sista dagen att anmäla sig har passerat" in page and 'value="Anna Berg"' in page
    assert not Registration.objects.exists()


def test_a_meeting_in_the_past_takes_no_registrations(client, module):
    meeting = MeetingFactory(module=module, past=True)
    with pytest.raises(RegistrationRefused):
        register(meeting)
    page = client.get(url("register", module, meeting.pk)).content.decode()
    assert "redan ägt rum" in page and "<form" not in page.split("<main")[1]


def test_malformed_input_keeps_what_was_typed(client, meeting):
    response = client.post(
        url("register", meeting.module, meeting.pk), {"name": "Anna Berg", "email": "inte-en-adress"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "error-summary" in page and 'value="inte-en-adress"' in page


def test_registration_needs_a_running_phase(client, municipality):
    from .factories import meetings_module

    module = meetings_module(municipality=municipality, phase="view")
    meeting = MeetingFactory(module=module)
    response = client.post(url("register", module, meeting.pk), FORM)
    assert response.status_code == 403 and not Registration.objects.exists()


def test_another_municipalitys_meeting_is_a_404(client, meeting, other_municipality):
    from .factories import meetings_module

    other = meetings_module(municipality=other_municipality)
    assert client.get(url("meeting", other, meeting.pk)).status_code == 404
    assert client.get(url("register", meeting.module, MeetingFactory(module=other).pk)).status_code == 404


@pytest.fixture
def full_with_rut(meeting):
    """Rut (logged in) has a place at a full meeting."""
    rut = UserFactory(name="Rut Resident", email="rut@example.se")
    own = register(meeting, rut.email, name=rut.name, user=rut)
    register(meeting, "bo@example.se", name="Bo Ek")
    return meeting, rut, own


def test_someone_logged_in_and_registered_sees_their_registration_instead_of_the_form(client, full_with_rut):
    meeting, rut, own = full_with_rut
    client.force_login(rut)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert own.reference in page and own.get_absolute_url() in page
    assert "Ställ dig i kö" not in page and "Anmäl dig till mötet" not in page
    response = client.get(url("register", meeting.module, meeting.pk), follow=True)
    assert response.redirect_chain == [(own.get_absolute_url(), 302)]
    page = response.content.decode()
    assert "Du är redan anmäld till mötet" in page and "Mötet är fullt" not in page and 'name="email"' not in page


def test_a_form_posted_again_saves_nothing_claims_no_mail_and_repeats_the_needs_written(client, full_with_rut, commits):
    meeting, rut, own = full_with_rut
    client.force_login(rut)
    mail.outbox.clear()
    with commits():
        response = client.post(
            url("register", meeting.module, meeting.pk),
            {"name": rut.name, "email": rut.email, "interpretation": "Finska"},
            follow=True,
        )
    page = response.content.decode()
    assert response.redirect_chain == [(own.get_absolute_url(), 302)]
    assert "inget nytt sparades och inget mejl skickades" in page and "Tolk: Finska" in page
    assert "Vi har skickat" not in page and not mail.outbox
    assert Registration.objects.filter(meeting=meeting).count() == 2


def test_the_registration_page_says_a_mail_was_sent_only_when_one_was(client, meeting, resident, commits):
    client.force_login(resident)
    with commits():
        response = client.post(
            url("register", meeting.module, meeting.pk), {**FORM, "email": resident.email}, follow=True
        )
    assert f"Vi har skickat en bekräftelse till {resident.email}" in response.content.decode()
    later = client.get(Registration.objects.get().get_absolute_url()).content.decode()
    assert "Vi har skickat" not in later and "Dagen före mötet" in later


def test_an_account_whose_address_is_not_confirmed_sees_nothing_registered_with_that_address(client, meeting):
    from delaktig.accounts.models import IdentityLevel

    from ..selectors import own_registration

    register(meeting, "tove@example.se", name="Tove Ek")  # without an account
    someone = UserFactory(email="tove@example.se", identity_level=IdentityLevel.NONE)
    assert own_registration(meeting, someone) is None
    from ..manifest import manifest

    assert manifest.personal_data(someone) == []
    client.force_login(someone)
    assert "Tove Ek" not in client.get(meeting.get_absolute_url()).content.decode()


@pytest.mark.parametrize("kind", ["receipt", "promoted", "cancelled", "reminder", "already"])
def test_every_mail_ends_as_the_platforms_other_mails_do(meeting, kind):
    from ..mail import deliver

    registration = register(meeting, "anna@example.se")
    if kind == "cancelled":
        Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.CANCELLED)
        registration.refresh_from_db()
    deliver(registration, kind)
    body = mail.outbox[-1].body.rstrip()
    assert body.endswith(f"Svara inte på det här mejlet.\n\nMed vänliga hälsningar\n{meeting.municipality.name}")


def test_the_mailings_to_everyone_registered_end_the_same_way(meeting, staff):
    from delaktig.mailings.models import Mailing

    from ..services_meetings import meeting_cancel

    register(meeting, "anna@example.se")
    meeting_cancel(meeting=meeting, actor=staff["officer"], reason="För få anmälda.")
    body = Mailing.objects.get().body.rstrip()
    assert body.endswith(f"Svara inte på det här mejlet.\n\nMed vänliga hälsningar\n{meeting.municipality.name}")
