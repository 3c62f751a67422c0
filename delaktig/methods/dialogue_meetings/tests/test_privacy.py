"""Personal data of meeting registrations: a protected identity is not on the sign-in sheet that goes round the
room, and the retention strips registrations of meetings that ended long ago, keeping the count."""

import datetime

import pytest
import time_machine

from delaktig.accounts.tests.factories import UserFactory
from delaktig.privacy.services import retention_apply

from ..models import Registration
from ..selectors import attendance
from ..services import meeting_register
from ..signin import signin_html

pytestmark = pytest.mark.django_db


def test_a_protected_identity_is_not_on_the_sign_in_sheet(meeting):
    UserFactory(name="Hemlig Person", email="hemlig@example.se", protected_identity=True)
    meeting_register(meeting=meeting, name="Hemlig Person", email="Hemlig@example.se")
    meeting_register(meeting=meeting, name="Öppen Person", email="oppen@example.se")
    html = signin_html(meeting, attendance(meeting)["registered"])
    assert "Hemlig Person" not in html and "Skyddad identitet" in html and "Öppen Person" in html


def test_registrations_are_stripped_three_months_after_the_meeting(meeting):
    meeting_register(meeting=meeting, name="Aino", email="aino@example.se", diet="Laktosfritt")
    meeting_register(meeting=meeting, name="Bo", email="bo@example.se")
    later = meeting.ends_at + datetime.timedelta(days=95)
    with time_machine.travel(later, tick=False):
        retention_apply()
        retention_apply()  # safe to run again
    rows = Registration.objects.filter(meeting=meeting)
    assert rows.count() == 2 and set(rows.values_list("name", "email", "diet")) == {("", "", "")}
    assert len(set(rows.values_list("email_key", flat=True))) == 2


def test_registrations_of_a_recent_meeting_stay(meeting):
    meeting_register(meeting=meeting, name="Aino", email="aino@example.se")
    with time_machine.travel(meeting.ends_at + datetime.timedelta(days=30), tick=False):
        retention_apply()
    assert Registration.objects.get(meeting=meeting).name == "Aino"
