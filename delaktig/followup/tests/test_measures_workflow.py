"""The status table of a measure: every allowed step, every refused one, the audit event and the history."""

import datetime

import pytest
from django.utils import timezone

from delaktig.core.audit import audit_events_for
from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.followup import workflow
from delaktig.followup.models import Measure, MeasureStatus
from delaktig.organisations.models import Role

pytestmark = pytest.mark.django_db
STEP_NAMES = sorted({step.name for step in workflow.TRANSITIONS.values()})
ALLOWED = [(source, target, step) for (source, target), step in workflow.TRANSITIONS.items()]
REFUSED = [
    (status, name)
    for status in MeasureStatus.values
    for name in STEP_NAMES
    if not any(source == status and step.name == name for (source, _t), step in workflow.TRANSITIONS.items())
]


@pytest.fixture
def dialogue(municipality):
    return dialogue_in_state(State.MATTER_DECIDED, municipality=municipality)


def measure_in(dialogue, status):
    return Measure.objects.create(dialogue=dialogue, title="Bygga lekplatsen", status=status, progress=40)


@pytest.mark.parametrize(("source", "target", "step"), ALLOWED, ids=[f"{s}-{t}" for s, t, _x in ALLOWED])
def test_every_allowed_step_changes_status_with_a_public_audit_event_and_a_history_line(
    dialogue, staff, source, target, step
):
    measure = measure_in(dialogue, source)
    note = "Budgeten räckte inte." if step.name == "cancel" else ""
    workflow.transition(measure, step.name, actor=staff[Role.OFFICER], note=note)
    measure.refresh_from_db()
    assert measure.status == target
    event = audit_events_for(measure).get(action=f"measure.{step.name}")
    assert event.public and (event.data["from"], event.data["to"]) == (source, target)
    assert measure.updates.get().text.startswith(str(step.timeline))


@pytest.mark.parametrize(("status", "name"), REFUSED, ids=[f"{s}-{n}" for s, n in REFUSED])
def test_every_other_step_is_refused_in_words(dialogue, staff, status, name):
    measure = measure_in(dialogue, status)
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.transition(measure, name, actor=staff[Role.OFFICER], note="x")
    assert "inte möjligt" in refused.value.reasons[0]
    measure.refresh_from_db()
    assert measure.status == status and not audit_events_for(measure).exists()


@pytest.mark.parametrize("role", [Role.OFFICER, Role.DEMOCRACY_OFFICER])
def test_officers_and_democracy_officers_may_take_steps(dialogue, staff, role):
    measure = measure_in(dialogue, MeasureStatus.PLANNED)
    workflow.transition(measure, "start", actor=staff[role])
    assert measure.status == MeasureStatus.IN_PROGRESS


@pytest.mark.parametrize("role", [Role.ELECTED_OFFICIAL, Role.REGISTRAR, Role.MODERATOR, Role.ADMINISTRATOR])
def test_other_roles_may_not(dialogue, staff, role):
    measure = measure_in(dialogue, MeasureStatus.PLANNED)
    assert workflow.refusals(staff[role], measure, "start") == ["Din roll får inte ta det här steget."]


def test_cancelling_needs_a_reason(dialogue, staff):
    measure = measure_in(dialogue, MeasureStatus.IN_PROGRESS)
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.transition(measure, "cancel", actor=staff[Role.OFFICER], note="  ")
    assert "varför" in refused.value.reasons[0]


def test_done_means_all_done_today_and_reopening_clears_the_done_date(dialogue, staff):
    measure = measure_in(dialogue, MeasureStatus.IN_PROGRESS)
    workflow.transition(measure, "complete", actor=staff[Role.OFFICER])
    assert measure.progress == 100 and measure.done_on == timezone.localdate()
    workflow.transition(measure, "reopen", actor=staff[Role.OFFICER])
    assert measure.done_on is None


def test_starting_sets_a_missing_start_date_but_never_after_the_due_date(dialogue, staff):
    fresh = measure_in(dialogue, MeasureStatus.PLANNED)
    workflow.transition(fresh, "start", actor=staff[Role.OFFICER])
    assert fresh.starts_on == timezone.localdate()
    late = measure_in(dialogue, MeasureStatus.PLANNED)
    late.due_on = timezone.localdate() - datetime.timedelta(days=3)
    late.save()
    workflow.transition(late, "start", actor=staff[Role.OFFICER])
    assert late.starts_on is None
