"""Open data (meetings and what was said, no names), and the person's own data: My pages, "my data" and erasure."""

import pytest

from delaktig.accounts.tests.factories import UserFactory
from delaktig.dialogues.models import State
from delaktig.opendata.selectors import datasets
from delaktig.opendata.tests.support import csv_rows, csv_url, results_of

from ..manifest import manifest
from ..models import Registration, RegistrationStatus
from ..services import meeting_register
from .factories import MeetingFactory, StatementFactory, meetings_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(module):
    meeting = MeetingFactory(module=module, past=True, present_count=17, summary="Bra samtal.")
    StatementFactory(module=module, meeting=meeting, speaker_name="Berit Berg", text="Fler bänkar.")
    return meeting


@pytest.mark.parametrize("key", ["dialogue-meetings", "dialogue-meeting-statements"])
def test_the_datasets_are_served_with_exactly_their_fields_and_no_names(client, municipality, held, key):
    dataset = next(d for d in datasets() if d.key == key)
    rows = results_of(client, municipality, key)
    assert len(rows) == 1 and list(rows[0]) == [field.name for field in dataset.fields]
    assert "Berit" not in str(rows) and "Berit" not in str(csv_rows(client.get(csv_url(municipality, key))))


def test_a_dialogue_not_yet_public_has_no_open_data(client, municipality):
    module = meetings_module(municipality=municipality, state=State.DECIDED)
    MeetingFactory(module=module)
    assert results_of(client, municipality, "dialogue-meetings") == []


def test_my_pages_and_my_data_list_registrations_made_with_the_account_or_its_address(client, meeting):
    user = UserFactory(email="rut@example.se")
    meeting_register(meeting=meeting, name="Rut", email="rut@example.se")  # before she had an account
    rows = manifest.personal_data(user)
    assert len(rows) == 1 and rows[0]["url"].endswith(f"/anmalan/{Registration.objects.get().token}/")
    assert rows[0]["status_text"] == "Anmäld" and meeting.title in rows[0]["title"]
    client.force_login(user)
    assert meeting.title in client.get("/konto/mina-sidor/").content.decode()


def test_erasure_gives_up_a_coming_place_to_the_waiting_list_and_keeps_the_counts(meeting):
    user = UserFactory(email="rut@example.se")
    meeting_register(meeting=meeting, name="Rut", email="rut@example.se", user=user)
    meeting_register(meeting=meeting, name="Bo", email="bo@example.se")
    waiting = meeting_register(meeting=meeting, name="Cilla", email="cilla@example.se")
    assert manifest.erase(user) == 1
    erased = Registration.objects.get(user__isnull=True, name="")
    assert (erased.email, erased.status) == ("", RegistrationStatus.CANCELLED)
    assert Registration.objects.get(pk=waiting.pk).status == RegistrationStatus.REGISTERED
    assert manifest.personal_data(user) == []
