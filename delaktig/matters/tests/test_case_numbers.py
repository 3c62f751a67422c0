"""A coming matter's case number: in the pattern, changed only with a reason, shared with its dialogue."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from delaktig.core.models import AuditEvent
from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.matters.tests.factories import MatterFactory
from delaktig.organisations.models import Role

pytestmark = pytest.mark.django_db


def url(name, municipality, *args):
    return reverse(f"matters:{name}", args=[municipality.slug, *args])


def matter_data(matter, **changes):
    return {
        "case_number": matter.case_number,
        "title": matter.title,
        "body": matter.body_id,
        "expected_decision_on": matter.expected_decision_on.isoformat(),
        **changes,
    }


def test_a_number_outside_the_pattern_is_refused_and_kept(client, municipality, staff):
    municipality.case_number_pattern = "KS ÅÅÅÅ/N"
    municipality.save()
    client.force_login(staff[Role.OFFICER])
    data = {
        "case_number": "BUN 2026/3",
        "title": "Ny taxa",
        "body": municipality.get_deciding_body().pk,
        "expected_decision_on": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
    }
    response = client.post(url("staff_new", municipality), data)
    html = response.content.decode()
    assert response.status_code == 200 and "”BUN 2026/3” är inte ett diarienummer av formen KS ÅÅÅÅ/N." in html
    assert 'value="BUN 2026/3"' in html


def test_changing_the_number_asks_why_and_leaves_an_event(client, municipality, staff):
    matter = MatterFactory(municipality=municipality, case_number="KS 2026/70")
    client.force_login(staff[Role.OFFICER])
    response = client.post(url("staff_edit", municipality, matter.pk), matter_data(matter, case_number="KS 2026/71"))
    assert (
        response.status_code == 200 and "Skriv varför diarienumret ändras från KS 2026/70" in response.content.decode()
    )
    data = matter_data(matter, case_number="KS 2026/71", case_number_reason="Fel löpnummer.")
    assert client.post(url("staff_edit", municipality, matter.pk), data).status_code == 302
    matter.refresh_from_db()
    assert matter.case_number == "KS 2026/71"
    event = AuditEvent.objects.get(action="matters.case_number_change")
    assert event.data == {"from": "KS 2026/70", "to": "KS 2026/71", "reason": "Fel löpnummer."}


def test_linking_a_dialogue_with_another_number_is_refused_in_words(client, municipality, staff):
    matter = MatterFactory(municipality=municipality, case_number="KS 2026/80")
    dialogue = dialogue_in_state(State.INITIATIVE, municipality=municipality, case_number="KS 2026/81")
    client.force_login(staff[Role.OFFICER])
    response = client.post(url("staff_link", municipality, matter.pk), {"dialogue": dialogue.pk})
    assert response.status_code == 200
    assert "Dialogen har diarienumret KS 2026/81 och ärendet KS 2026/80" in response.content.decode()
    matter.refresh_from_db()
    assert matter.dialogue is None
