"""The identity level a question for question time was asked with: stored with it and shown on My pages."""

import pytest
import time_machine
from django.urls import reverse

from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.services import identity_level_raise, personal_data_collect
from delaktig.accounts.tests.factories import UserFactory
from delaktig.accounts.tests.helpers import my_pages
from delaktig.council.models import Question

from .factories import MeetingFactory, QuestionFactory, local

pytestmark = pytest.mark.django_db


def test_a_question_keeps_the_level_the_asker_had(client, municipality):
    meeting = MeetingFactory(municipality=municipality, starts_at=local(2026, 10, 25, 2, 30))
    rut = UserFactory(identity_level=IdentityLevel.EMAIL)
    client.force_login(rut)
    data = {
        "meeting": meeting.pk,
        "topic": "traffic",
        "text": "Varför plogas inte cykelvägen först?",
        "asker_name": "Rut Resident",
        "lives_here": "on",
        "confirm": "1",
    }
    with time_machine.travel(local(2026, 10, 1, 12, 0), tick=False):
        client.post(reverse("council:ask", args=[municipality.slug, meeting.body_id]), data)
    identity_level_raise(user=rut, level=IdentityLevel.SUBSTANTIAL)
    assert Question.objects.get(asker=rut).identity_level == IdentityLevel.EMAIL


def test_my_pages_and_my_data_name_the_level_of_each_question(client, municipality):
    rut = UserFactory()
    QuestionFactory(meeting=MeetingFactory(municipality=municipality), asker=rut, identity_level=IdentityLevel.EMAIL)
    html = my_pages(client, rut, municipality)
    assert "Identitetsnivå när du frågade: Bekräftad e-postadress" in html
    rows = personal_data_collect(user=rut)["activity"]["question_time"]
    assert rows[0]["identity_level_text"] == "Bekräftad e-postadress"
