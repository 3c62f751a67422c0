"""Reminders before the feedback deadline, escalation after it: at the edge days, once only, to the right people."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from delaktig.accounts.tests.factories import UserFactory
from delaktig.dialogues.models import Kind, State
from delaktig.followup.models import DeadlineAlert
from delaktig.followup.selectors import settings_for
from delaktig.followup.services import feedback_deadlines_check
from delaktig.followup.tasks import feedback_deadlines
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import MembershipFactory

from .support import TODAY, closed_dialogue

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def officer(staff):
    return staff[Role.OFFICER]


@pytest.fixture
def democracy_officer(staff):
    """Escalations (and reminders without a responsible officer) go to the democracy officers."""
    return staff[Role.DEMOCRACY_OFFICER]


def run(day=TODAY):
    return feedback_deadlines_check(today=day)


@pytest.mark.parametrize(
    ("due_in_days", "expected"),
    [(15, 0), (14, 1), (1, 1), (0, 1), (-1, 0)],
    ids=["day-before-the-reminder", "reminder-day", "day-before-deadline", "deadline-day", "after-deadline"],
)
def test_the_reminder_goes_out_from_n_days_before_until_the_deadline(municipality, officer, due_in_days, expected):
    closed_dialogue(municipality, due_in_days=due_in_days, responsible_officer=officer)
    assert run()["reminders"] == expected
    reminders = [m for m in mail.outbox if m.to == [officer.email]]
    assert len(reminders) == expected


def test_the_reminder_names_the_dialogue_the_deadline_and_links_to_the_staff_page(municipality, officer, settings):
    settings.SITE_URL = "https://delaktig.example.se"
    dialogue = closed_dialogue(municipality, due_in_days=3, responsible_officer=officer)
    run()
    message = mail.outbox[0]
    assert dialogue.title in message.subject and "2026-11-27" in message.subject
    assert "27 november 2026" in message.body and "3 dagar" in message.body
    assert f"https://delaktig.example.se{dialogue.get_staff_url()}" in message.body


def test_each_reminder_is_sent_once_however_often_the_check_runs(municipality, officer):
    dialogue = closed_dialogue(municipality, due_in_days=10, responsible_officer=officer)
    for day in (TODAY, TODAY, TODAY + DAY, TODAY + 5 * DAY):
        run(day)
    assert len(mail.outbox) == 1
    alert = DeadlineAlert.objects.get(dialogue=dialogue)
    assert alert.kind == DeadlineAlert.Kind.REMINDER and alert.sent_at and alert.recipients == officer.email


@pytest.mark.parametrize(("due_in_days", "expected"), [(1, 0), (0, 0), (-1, 1)])
def test_escalation_the_day_after_the_deadline(municipality, staff, due_in_days, expected, democracy_officer):
    closed_dialogue(municipality, due_in_days=due_in_days, responsible_officer=staff[Role.OFFICER])
    assert run()["escalations"] == expected


def test_escalation_goes_to_every_democracy_officer_once(municipality, staff, other_municipality, democracy_officer):
    second = MembershipFactory(municipality=municipality, role=Role.DEMOCRACY_OFFICER).user
    MembershipFactory(municipality=other_municipality, role=Role.DEMOCRACY_OFFICER)  # not theirs to hear
    dialogue = closed_dialogue(municipality, due_in_days=-2, responsible_officer=staff[Role.OFFICER])
    run()
    run(TODAY + DAY)
    assert len(mail.outbox) == 1
    assert sorted(mail.outbox[0].to) == sorted([staff[Role.DEMOCRACY_OFFICER].email, second.email])
    assert dialogue.title in mail.outbox[0].subject
    assert DeadlineAlert.objects.get(dialogue=dialogue).kind == DeadlineAlert.Kind.ESCALATION


def test_the_settings_move_the_reminder_and_the_escalation(municipality, officer, democracy_officer):
    rules = settings_for(municipality)
    rules.reminder_days_before, rules.escalate_days_after = 3, 5
    rules.save()
    closed_dialogue(municipality, due_in_days=4, responsible_officer=officer)
    late = closed_dialogue(municipality, due_in_days=-5, responsible_officer=officer)
    assert run() == {"reminders": 0, "escalations": 0}
    assert run(TODAY + DAY) == {"reminders": 1, "escalations": 1}
    assert DeadlineAlert.objects.get(dialogue=late).kind == DeadlineAlert.Kind.ESCALATION


def test_a_moved_deadline_owes_new_alerts(municipality, officer):
    dialogue = closed_dialogue(municipality, due_in_days=5, responsible_officer=officer)
    run()
    dialogue.feedback_due_on = TODAY + 12 * DAY
    dialogue.save()
    run()
    assert len(mail.outbox) == 2
    assert DeadlineAlert.objects.filter(dialogue=dialogue).count() == 2


def test_nothing_for_information_activities_or_published_feedback(municipality, officer):
    info = closed_dialogue(municipality, due_in_days=-3, kind=Kind.INFORMATION, responsible_officer=officer)
    done = closed_dialogue(municipality, due_in_days=-3, state=State.FEEDBACK_PUBLISHED, responsible_officer=officer)
    soon_done = closed_dialogue(municipality, due_in_days=2, state=State.EVALUATED, responsible_officer=officer)
    assert run() == {"reminders": 0, "escalations": 0}
    assert mail.outbox == []
    assert not DeadlineAlert.objects.filter(dialogue__in=[info, done, soon_done]).exists()


def test_without_a_responsible_officer_the_democracy_officers_are_reminded(municipality, staff, democracy_officer):
    closed_dialogue(municipality, due_in_days=2)
    run()
    assert mail.outbox[0].to == [staff[Role.DEMOCRACY_OFFICER].email]


def test_an_alert_with_nobody_to_tell_waits_for_someone(municipality):
    dialogue = closed_dialogue(municipality, due_in_days=-2)
    assert run()["escalations"] == 0 and not DeadlineAlert.objects.exists()
    MembershipFactory(municipality=municipality, role=Role.DEMOCRACY_OFFICER, user=UserFactory())
    assert run()["escalations"] == 1
    assert DeadlineAlert.objects.get(dialogue=dialogue).sent_at


def test_a_crash_while_sending_leaves_the_alert_owed_and_a_rerun_sends_it_once(municipality, officer, monkeypatch):
    from delaktig.followup import services

    dialogue = closed_dialogue(municipality, due_in_days=1, responsible_officer=officer)

    def broken(*args, **kwargs):
        raise ConnectionError("mail server down")

    monkeypatch.setattr(services, "_alert_mail", broken)
    with pytest.raises(ConnectionError):
        run()
    alert = DeadlineAlert.objects.get(dialogue=dialogue)
    assert alert.sent_at is None  # created before sending, not stamped
    monkeypatch.undo()
    run()
    run()
    assert len(mail.outbox) == 1
    alert.refresh_from_db()
    assert alert.sent_at


def test_the_command_and_the_task_run_the_check(municipality, officer, democracy_officer):
    closed_dialogue(municipality, due_in_days=-1, responsible_officer=officer)
    closed_dialogue(municipality, due_in_days=1, responsible_officer=officer)
    out = io.StringIO()
    with time_machine.travel(datetime.datetime(2026, 11, 24, 9, 0), tick=False):
        call_command("feedback_deadlines", stdout=out)
        assert "Reminders sent: 1, escalations sent: 1" in out.getvalue()
        result = feedback_deadlines.enqueue()
    assert result.return_value == {"reminders": 0, "escalations": 0}
    assert len(mail.outbox) == 2
