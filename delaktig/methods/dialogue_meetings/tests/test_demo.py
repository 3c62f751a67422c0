"""The demo's meetings: registrations dated before the demo was loaded, and a waiting list newcomers join last."""

import datetime

import pytest
from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory

from .. import demo
from ..models import Meeting, Registration, RegistrationStatus
from ..services import meeting_register, registration_cancel

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(module, staff):
    people = {"handlaggare": staff["officer"], **{local: UserFactory() for local in demo.RESIDENTS}}
    loaded_at = timezone.now()
    demo.populate(module, people=people)
    return loaded_at


def test_every_demo_registration_was_made_before_the_demo_was_loaded_and_before_its_meeting(loaded):
    registrations = Registration.objects.select_related("meeting")
    assert registrations.count() == 11 + 7 + 15
    for registration in registrations:
        assert registration.created_at < loaded and registration.created_at < registration.meeting.starts_at


def test_someone_who_joins_the_demos_waiting_list_comes_after_the_three_already_waiting(loaded):
    sunnemo = Meeting.objects.get(title="Dialogmöte i Sunnemo")
    first_waiting = sunnemo.registrations.filter(status=RegistrationStatus.WAITING).order_by("pk").first()
    newcomer = meeting_register(meeting=sunnemo, name="Nina Ny", email="nina@example.se")
    assert newcomer.status == RegistrationStatus.WAITING and newcomer.waiting_position() == 4
    someone = sunnemo.registrations.filter(status=RegistrationStatus.REGISTERED).first()
    assert registration_cancel(registration=someone) == [first_waiting]


def test_the_line_is_the_order_registrations_were_stored_whatever_their_dates_say(meeting):
    """A clock that is wrong, the demo or an import can date a registration later than one made after it."""
    for email in ("a@example.se", "b@example.se"):
        meeting_register(meeting=meeting, name="Har plats", email=email)
    early, later = (meeting_register(meeting=meeting, name=n, email=f"{n}@example.se") for n in ("cilla", "david"))
    Registration.objects.filter(pk=early.pk).update(created_at=timezone.now() + datetime.timedelta(days=9))
    newcomer = meeting_register(meeting=meeting, name="Nina Ny", email="nina@example.se")
    positions = [Registration.objects.get(pk=r.pk).waiting_position() for r in (early, later, newcomer)]
    assert positions == [1, 2, 3]
    holder = meeting.registrations.filter(status=RegistrationStatus.REGISTERED).first()
    assert registration_cancel(registration=holder) == [early]
