"""Staff pages: a dialogue's feedback deadline, its alerts and the feedback e-mail; the settings; the links."""

import pytest
from django.urls import reverse
from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.audit import audit_events_for
from delaktig.dialogues.models import Kind, State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.followup.models import DeadlineAlert
from delaktig.followup.selectors import settings_for
from delaktig.followup.services import feedback_mailing_create
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import staff_for

from .support import closed_dialogue, follow, url

pytestmark = pytest.mark.django_db


def settings_url(municipality):
    return reverse("followup:settings", args=[municipality.slug])


def test_the_feedback_page_shows_the_deadline_dates_and_the_alerts(client, staff, municipality):
    dialogue = closed_dialogue(municipality, due_in_days=-2, responsible_officer=staff[Role.OFFICER])
    DeadlineAlert.objects.create(
        dialogue=dialogue,
        kind=DeadlineAlert.Kind.REMINDER,
        due_on=dialogue.feedback_due_on,
        recipients=staff[Role.OFFICER].email,
        sent_at=timezone.now(),
    )
    DeadlineAlert.objects.create(dialogue=dialogue, kind=DeadlineAlert.Kind.ESCALATION, due_on=dialogue.feedback_due_on)
    client.force_login(staff[Role.ELECTED_OFFICIAL])
    html = client.get(url("feedback", dialogue)).content.decode()
    assert "Försenad återkoppling" in html and 'class="tag tag--overdue"' in html
    assert "Påminnelse till ansvarig tjänsteperson" in html and staff[Role.OFFICER].email in html
    assert "Inte skickat än" in html
    # Feedback is written once the results are compiled: a closed dialogue's page does not link to a refusal
    assert reverse("dialogues:staff_feedback", args=[municipality.slug, dialogue.pk]) not in html
    assert settings_url(municipality) not in html  # only administrators and democracy officers
    compiled = closed_dialogue(municipality, due_in_days=5, state=State.RESULTS_COMPILED)
    html = client.get(url("feedback", compiled)).content.decode()
    assert reverse("dialogues:staff_feedback", args=[municipality.slug, compiled.pk]) in html


def test_the_feedback_page_links_to_the_mailing_progress(client, staff, municipality):
    dialogue = dialogue_in_state(State.FEEDBACK_PUBLISHED, municipality=municipality)
    follow(dialogue, UserFactory(), UserFactory())
    mailing = feedback_mailing_create(dialogue=dialogue, actor=staff[Role.OFFICER])
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    html = client.get(url("feedback", dialogue)).content.decode()
    assert reverse("mailings:detail", args=[municipality.slug, mailing.pk]) in html
    assert 'max="2"' in html and settings_url(municipality) in html


def test_the_dialogue_staff_page_links_to_the_feedback_and_measures_pages(client, staff, municipality):
    closed = closed_dialogue(municipality, due_in_days=5)
    decided = dialogue_in_state(State.MATTER_DECIDED, municipality=municipality)
    client.force_login(staff[Role.OFFICER])
    html = client.get(closed.get_staff_url()).content.decode()
    assert url("feedback", closed) in html and url("measures", closed) not in html
    html = client.get(decided.get_staff_url()).content.decode()
    assert url("feedback", decided) in html and url("measures", decided) in html


def test_no_feedback_page_before_closing_or_for_information(client, staff, municipality):
    client.force_login(staff[Role.OFFICER])
    for dialogue in (
        dialogue_in_state(State.OPEN, municipality=municipality),
        dialogue_in_state(State.CLOSED, municipality=municipality, kind=Kind.INFORMATION),
    ):
        assert url("feedback", dialogue) not in client.get(dialogue.get_staff_url()).content.decode()
        assert client.get(url("feedback", dialogue)).status_code == 409


def test_the_feedback_page_is_staff_only_and_per_municipality(client, municipality, other_municipality):
    dialogue = closed_dialogue(municipality, due_in_days=5)
    client.force_login(staff_for(other_municipality)[Role.DEMOCRACY_OFFICER])
    assert client.get(url("feedback", dialogue)).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url("feedback", dialogue)).status_code == 404
    client.logout()
    assert client.get(url("feedback", dialogue)).status_code == 302


# --- Overdue is red everywhere staff look -------------------------------------------------------------------------


def test_overdue_feedback_is_red_on_the_dashboard_the_overview_and_the_dialogue(client, staff, municipality):
    dialogue = closed_dialogue(municipality, due_in_days=-3, responsible_officer=staff[Role.OFFICER])
    client.force_login(staff[Role.OFFICER])
    dashboard = client.get(reverse("dialogues:staff_dashboard", args=[municipality.slug])).content.decode()
    mine = dashboard[dashboard.index('id="mine-title"') :]
    assert 'class="notice notice--error"' in dashboard and 'class="overdue-text"' in dashboard
    assert dialogue.title in mine and "tag--overdue" in mine
    overview = client.get(reverse("dialogues:council_overview_current", args=[municipality.slug])).content.decode()
    assert 'class="notice notice--error"' in overview and dialogue.title in overview
    assert "tag--overdue" in client.get(dialogue.get_staff_url()).content.decode()


def test_the_stylesheet_makes_overdue_red():
    from pathlib import Path

    from django.conf import settings

    css = (Path(settings.BASE_DIR) / "static" / "css" / "delaktig.css").read_text()
    assert ".tag--overdue, .overdue { background: #f6d7d2; color: #8a0f1c; }" in css
    assert ".overdue-text { color: var(--error)" in css and "--error: #b10e1e" in css


# --- Settings ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER])
def test_administrators_and_democracy_officers_change_the_settings(client, staff, municipality, role):
    client.force_login(staff[role])
    assert (
        settings_url(municipality)
        in client.get(reverse("dialogues:staff_dashboard", args=[municipality.slug])).content.decode()
    )
    response = client.post(settings_url(municipality), {"reminder_days_before": "7", "escalate_days_after": "2"})
    assert response.status_code == 302
    rules = settings_for(municipality)
    assert (rules.reminder_days_before, rules.escalate_days_after) == (7, 2)
    assert audit_events_for(rules).get(action="followup.settings_update").data == {
        "reminder_days_before": 7,
        "escalate_days_after": 2,
    }


@pytest.mark.parametrize("value", ["-1", "400", "två"])
def test_bad_days_are_explained(client, staff, municipality, value):
    client.force_login(staff[Role.ADMINISTRATOR])
    response = client.post(settings_url(municipality), {"reminder_days_before": value, "escalate_days_after": "0"})
    html = response.content.decode()
    assert response.status_code == 200 and "Skriv ett helt antal dagar från 0 till 365." in html
    assert 'class="error-summary"' in html and f'value="{value}"' in html
    assert settings_for(municipality).reminder_days_before == 14


@pytest.mark.parametrize("role", [Role.OFFICER, Role.ELECTED_OFFICIAL, Role.REGISTRAR, Role.MODERATOR])
def test_other_roles_may_not_change_the_settings(client, staff, municipality, role):
    client.force_login(staff[role])
    assert client.get(settings_url(municipality)).status_code == 403
    assert (
        client.post(settings_url(municipality), {"reminder_days_before": "1", "escalate_days_after": "0"}).status_code
        == 403
    )
    assert settings_for(municipality).reminder_days_before == 14


def test_settings_of_another_municipality_are_404(client, municipality, other_municipality):
    client.force_login(staff_for(other_municipality)[Role.ADMINISTRATOR])
    assert client.get(settings_url(municipality)).status_code == 404


def test_feedback_published_long_ago_without_a_mailing_says_so(client, staff, municipality):
    import datetime

    dialogue = dialogue_in_state(State.FEEDBACK_PUBLISHED, municipality=municipality)
    client.force_login(staff[Role.OFFICER])
    assert "Mejlet förbereds." in client.get(url("feedback", dialogue)).content.decode()
    dialogue.feedback_published_at = timezone.now() - datetime.timedelta(days=3)
    dialogue.save()
    assert "Inget mejl skickades" in client.get(url("feedback", dialogue)).content.decode()
