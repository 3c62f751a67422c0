"""When the feedback is late, runners promise a new date; the dialogue's public page says it is late and when."""

import datetime

import pytest
from django.utils import timezone

from delaktig.core.audit import audit_events_for
from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.organisations.models import Role

from .support import closed_dialogue, url

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def overdue(municipality):
    dialogue = dialogue_in_state(State.CLOSED, municipality=municipality)
    dialogue.feedback_due_on = days(-5)
    dialogue.save()
    return dialogue


@pytest.mark.parametrize("role", [Role.OFFICER, Role.DEMOCRACY_OFFICER])
def test_a_runner_sets_a_new_date_that_residents_see(client, staff, overdue, role):
    client.force_login(staff[role])
    assert 'name="new_date"' in client.get(url("feedback", overdue)).content.decode()
    response = client.post(url("feedback", overdue), {"new_date": days(14).isoformat()})
    assert response.status_code == 302
    overdue.refresh_from_db()
    assert overdue.feedback_new_due_on == days(14) and overdue.feedback_due_on == days(-5)
    event = audit_events_for(overdue).get(action="followup.feedback_new_date")
    assert event.actor == staff[role] and event.data["to"] == days(14).isoformat()
    client.logout()
    public = client.get(overdue.get_absolute_url()).content.decode()
    assert "Återkopplingen är försenad" in public and "Nytt datum: vi berättar senast" in public


@pytest.mark.parametrize("value", ["", "igår", "2020-01-01"])
def test_a_missing_or_past_date_is_refused_and_kept(client, staff, overdue, value):
    client.force_login(staff[Role.OFFICER])
    response = client.post(url("feedback", overdue), {"new_date": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html and 'href="#id_new_date"' in html
    if value:
        assert f'value="{value}"' in html
    overdue.refresh_from_db()
    assert overdue.feedback_new_due_on is None


@pytest.mark.parametrize("role", [Role.ELECTED_OFFICIAL, Role.MODERATOR, Role.REGISTRAR])
def test_other_roles_see_the_page_but_cannot_set_a_date(client, staff, overdue, role):
    client.force_login(staff[role])
    assert 'name="new_date"' not in client.get(url("feedback", overdue)).content.decode()
    assert client.post(url("feedback", overdue), {"new_date": days(14).isoformat()}).status_code == 409
    overdue.refresh_from_db()
    assert overdue.feedback_new_due_on is None


def test_no_new_date_once_the_feedback_is_published(client, staff, municipality):
    dialogue = closed_dialogue(municipality, due_in_days=-5, state=State.FEEDBACK_PUBLISHED)
    client.force_login(staff[Role.OFFICER])
    assert 'name="new_date"' not in client.get(url("feedback", dialogue)).content.decode()
    assert client.post(url("feedback", dialogue), {"new_date": days(14).isoformat()}).status_code == 409
