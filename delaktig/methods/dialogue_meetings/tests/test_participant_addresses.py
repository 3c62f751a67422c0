"""participant_addresses: everyone registered for a meeting of the module who did not cancel, for the participants'
evaluation of the dialogue."""

import pytest

from delaktig.accounts.services import user_erase
from delaktig.accounts.tests.factories import UserFactory

from .. import selectors
from ..manifest import manifest
from ..models import MeetingStatus, RegistrationStatus
from .factories import MeetingFactory, RegistrationFactory, StatementFactory, meetings_module

pytestmark = pytest.mark.django_db


def test_the_manifest_offers_them():
    assert manifest.participant_addresses is selectors.participant_addresses


def test_registered_and_waiting_once_each_not_cancelled(module, meeting):
    RegistrationFactory(meeting=meeting, name="Berit Berg", email="Berit@Example.se")
    RegistrationFactory(meeting=meeting, name="Kim", email="kim@example.se", status=RegistrationStatus.WAITING)
    RegistrationFactory(meeting=meeting, name="Ångrad", email="angrad@example.se", status=RegistrationStatus.CANCELLED)
    second = MeetingFactory(module=module)
    RegistrationFactory(meeting=second, name="B. Berg", email="berit@example.se")  # the same person, another meeting
    StatementFactory(module=module, meeting=meeting, speaker_name="Olle")  # what was said keeps no address
    assert selectors.participant_addresses(module) == [("Berit@Example.se", "Berit Berg"), ("kim@example.se", "Kim")]


def test_a_cancelled_meeting_had_no_participants(module, meeting):
    RegistrationFactory(meeting=meeting, email="kim@example.se")
    meeting.status = MeetingStatus.CANCELLED
    meeting.save()
    assert selectors.participant_addresses(module) == []


def test_only_the_modules_own_meetings(module, meeting, municipality):
    other = MeetingFactory(module=meetings_module(municipality=municipality))
    RegistrationFactory(meeting=other, email="annan@example.se")
    assert selectors.participant_addresses(module) == []


def test_no_address_after_the_person_erased_their_data(module, meeting):
    rut = UserFactory(name="Rut Resident")
    RegistrationFactory(meeting=meeting, user=rut, name=rut.name, email=rut.email)
    again = MeetingFactory(module=module)  # without logging in, with her address
    RegistrationFactory(meeting=again, user=None, name="Rut igen", email=rut.email.upper(), status="waiting")
    RegistrationFactory(meeting=meeting, email="kim@example.se", name="Kim")
    assert {email.lower() for email, _name in selectors.participant_addresses(module)} == {rut.email, "kim@example.se"}
    user_erase(user=rut)
    assert selectors.participant_addresses(module) == [("kim@example.se", "Kim")]
