"""The lifecycle table, row by row: every allowed step, and every way a step is refused.

The cases are generated from workflow.TRANSITIONS, so a new row is covered without touching this file
(a new guard needs an entry in BLANKERS, which a test below insists on).
"""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone, translation

from delaktig.core.audit import audit_events_for
from delaktig.core.models import AuditEvent
from delaktig.dialogues import guards, workflow
from delaktig.dialogues.models import Dialogue, Kind, State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.dialogues.tests.staff_support import ready_for, staff_url
from delaktig.followup.models import Evaluation, Outcome
from delaktig.foundation.models import PrinciplesDocument
from delaktig.organisations.models import Role
from delaktig.results.models import CompiledResults

pytestmark = pytest.mark.django_db

ROWS = [(source, target, spec) for (source, target), spec in workflow.TRANSITIONS.items()]
ALLOWED = [
    pytest.param(source, target, spec, kind, role, id=f"{spec.name}:{source}:{kind}:{role}")
    for source, target, spec in ROWS
    for kind in sorted(spec.applies_to)
    for role in sorted(spec.actors)
]
BY_KIND = [
    pytest.param(source, target, spec, kind, id=f"{spec.name}:{source}:{kind}")
    for source, target, spec in ROWS
    for kind in sorted(spec.applies_to)
]
WRONG_KIND = [
    pytest.param(source, spec, kind, id=f"{spec.name}:{source}:{kind}")
    for source, _target, spec in ROWS
    for kind in sorted(set(Kind.values) - spec.applies_to)
]
WRONG_ROLE = [
    pytest.param(source, spec, role, id=f"{spec.name}:{source}:{role}")
    for source, _target, spec in ROWS
    for role in sorted(set(Role.values) - spec.actors)
]
WITH_GUARDS = [
    pytest.param(source, spec, kind, guard, id=f"{spec.name}:{source}:{kind}:{guard.__name__}")
    for source, _target, spec in ROWS
    for kind in sorted(spec.applies_to)
    for guard in spec.guards
]


def _clear_plan(d):
    d.ladder_level = d.purpose = d.open_for_influence = d.fixed = d.input_use = ""
    d.contact_name = d.contact_email = ""
    d.starts_on = d.ends_on = None
    d.target_groups.clear()


def _clear_decision(d):
    d.decision_to_hold = None


def _clear_matter(d):
    d.decision_in_matter = None
    Outcome.of(d).input_influence = ""


# How to take away what each guard checks.
BLANKERS = {
    guards.checklist_complete: lambda d: d.checklist_answers.all().delete(),
    guards.question_influenceable: lambda d: setattr(d, "is_influenceable", None),
    guards.decision_recorded: _clear_decision,
    guards.plan_complete: _clear_plan,
    guards.has_participation_module: lambda d: d.modules.all().delete(),
    guards.results_compiled: lambda d: setattr(CompiledResults.of(d), "summary", ""),
    guards.matter_decision_recorded: _clear_matter,
    guards.feedback_written: lambda d: setattr(Outcome.of(d), "feedback", ""),
    guards.evaluation_written: lambda d: setattr(Evaluation.of(d), "lessons", ""),
    guards.cancel_reason_given: lambda d: setattr(d, "cancel_reason", ""),
}


def _refused(dialogue, name, actor):
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.transition(dialogue, name, actor=actor)
    return refused.value.reasons


def test_every_guard_has_a_blanker():
    used = {guard for _source, _target, spec in ROWS for guard in spec.guards}
    assert used <= set(BLANKERS)


@pytest.mark.parametrize(("source", "target", "spec", "kind", "role"), ALLOWED)
def test_allowed_transition(municipality, staff, source, target, spec, kind, role):
    dialogue = ready_for(spec.name, kind, municipality, source)
    before = AuditEvent.objects.count()

    workflow.transition(dialogue, spec.name, actor=staff[role])

    dialogue.refresh_from_db()
    assert dialogue.state == target
    assert AuditEvent.objects.count() == before + 1
    event = audit_events_for(dialogue).get(action=f"dialogue.{spec.name}")
    assert event.actor == staff[role]
    assert event.municipality == municipality
    assert event.public is bool(spec.timeline)
    assert (event.data["from"], event.data["to"]) == (source, target)


@pytest.mark.parametrize(("source", "target", "spec", "kind"), BY_KIND)
def test_transition_effects(municipality, staff, source, target, spec, kind):
    dialogue = ready_for(spec.name, kind, municipality, source)
    actor = staff[sorted(spec.actors)[0]]
    workflow.transition(dialogue, spec.name, actor=actor)
    dialogue.refresh_from_db()
    if workflow.stamp_opened in spec.effects:
        assert dialogue.opened_at is not None
    if workflow.stamp_closed in spec.effects:
        assert dialogue.closed_at is not None
        deadline = datetime.timedelta(days=municipality.feedback_deadline_days)
        assert dialogue.feedback_due_on == timezone.localdate(dialogue.closed_at) + deadline
    if workflow.stamp_feedback in spec.effects:
        assert dialogue.feedback_published_at is not None
    if target in (State.DECIDED, State.DECLINED):
        event = audit_events_for(dialogue).get(action=f"dialogue.{spec.name}")
        assert event.data["body"] == dialogue.decision_to_hold.body.name
        assert event.data["date"] == dialogue.decision_to_hold.date.isoformat()


def test_decision_attaches_the_principles_in_force(municipality, staff):
    dialogue = ready_for("decide", Kind.CITIZEN_DIALOGUE, municipality)
    principles = PrinciplesDocument.objects.create(
        municipality=municipality,
        title="Principer för medborgardialog",
        version=1,
        body_text="Vi lovar att återkoppla.",
        adopted_by=municipality.get_deciding_body(),
        adopted_on=dialogue.decision_to_hold.date - datetime.timedelta(days=30),
        minute_item="§ 12",
        registration_number="KS 2025/1",
    )
    workflow.transition(dialogue, "decide", actor=staff[Role.REGISTRAR])
    dialogue.refresh_from_db()
    assert dialogue.principles == principles


@pytest.mark.parametrize(("source", "target", "spec", "kind"), BY_KIND)
def test_refused_in_any_other_state(municipality, staff, source, target, spec, kind):
    dialogue = ready_for(spec.name, kind, municipality, source)
    actor = staff[sorted(spec.actors)[0]]
    sources = {
        s for (s, _t), other in workflow.TRANSITIONS.items() if other.name == spec.name and kind in other.applies_to
    }
    for state in set(State.values) - sources:
        dialogue.state = state
        with translation.override("en"):
            reasons = _refused(dialogue, spec.name, actor)
            assert reasons == [f"This step is not possible when the dialogue is “{dialogue.get_state_display()}”."]
    assert Dialogue.objects.get(pk=dialogue.pk).state == source
    assert not audit_events_for(dialogue).filter(action=f"dialogue.{spec.name}").exists()


@pytest.mark.parametrize(("source", "spec", "kind"), WRONG_KIND)
def test_refused_for_the_wrong_kind(municipality, staff, source, spec, kind):
    dialogue = dialogue_in_state(State.INITIATIVE, municipality=municipality, kind=kind)
    dialogue.state = source
    assert _refused(dialogue, spec.name, staff[sorted(spec.actors)[0]])
    assert Dialogue.objects.get(pk=dialogue.pk).state == State.INITIATIVE


@pytest.mark.parametrize(("source", "spec", "role"), WRONG_ROLE)
def test_refused_for_the_wrong_role(municipality, staff, source, spec, role):
    kind = sorted(spec.applies_to)[0]
    dialogue = ready_for(spec.name, kind, municipality, source)
    reasons = _refused(dialogue, spec.name, staff[role])
    assert workflow.refusals(staff[role], dialogue, spec.name) == reasons
    assert len(reasons) == 1
    dialogue.refresh_from_db()
    assert dialogue.state == source


@pytest.mark.parametrize("who", ["resident", "anonymous", "other_municipality"])
@pytest.mark.parametrize(("source", "target", "spec", "kind"), BY_KIND[:: max(1, len(BY_KIND) // 8)])
def test_refused_for_people_without_a_role_here(
    municipality, other_municipality, resident, who, source, target, spec, kind
):
    from delaktig.organisations.tests.factories import staff_for

    actor = {
        "resident": resident,
        "anonymous": AnonymousUser(),
        "other_municipality": staff_for(other_municipality)[sorted(spec.actors)[0]],
    }[who]
    dialogue = ready_for(spec.name, kind, municipality, source)
    assert _refused(dialogue, spec.name, actor)
    dialogue.refresh_from_db()
    assert dialogue.state == source


@pytest.mark.parametrize(("source", "spec", "kind", "guard"), WITH_GUARDS)
def test_refused_when_something_is_missing(municipality, staff, source, spec, kind, guard):
    dialogue = ready_for(spec.name, kind, municipality, source)
    BLANKERS[guard](dialogue)
    dialogue.save()
    dialogue = Dialogue.objects.get(pk=dialogue.pk)
    expected = guard(dialogue, "")
    actor = staff[sorted(spec.actors)[0]]
    if not expected:  # the guard does not apply to this kind (an information activity needs no module)
        workflow.transition(dialogue, spec.name, actor=actor)
        return
    reasons = _refused(dialogue, spec.name, actor)
    assert [str(r) for r in expected] == [str(r) for r in reasons if r in expected]
    assert all(reason in reasons for reason in expected)
    assert Dialogue.objects.get(pk=dialogue.pk).state == source


def test_a_question_not_open_to_influence_cannot_become_a_dialogue(municipality, staff):
    dialogue = ready_for("assess", Kind.CITIZEN_DIALOGUE, municipality)
    dialogue.is_influenceable = False
    reasons = _refused(dialogue, "assess", staff[Role.OFFICER])
    assert reasons == guards.question_influenceable(dialogue, "")


def test_only_the_deciding_body_may_decide(municipality, staff):
    dialogue = ready_for("decide", Kind.CITIZEN_DIALOGUE, municipality)
    dialogue.decision_to_hold.body = municipality.bodies.exclude(pk=municipality.deciding_body_id).first()
    reasons = _refused(dialogue, "decide", staff[Role.REGISTRAR])
    assert municipality.deciding_body.name in str(reasons[0])


@pytest.mark.parametrize(("kind", "level"), [(Kind.CITIZEN_DIALOGUE, "information"), (Kind.INFORMATION, "dialogue")])
def test_the_ladder_level_must_fit_the_kind(municipality, staff, kind, level):
    dialogue = ready_for("plan" if kind == Kind.CITIZEN_DIALOGUE else "plan_directly", kind, municipality)
    dialogue.ladder_level = level
    name = "plan" if kind == Kind.CITIZEN_DIALOGUE else "plan_directly"
    assert _refused(dialogue, name, staff[Role.OFFICER]) == guards.plan_complete(dialogue, "")


def test_the_plan_must_close_after_it_opens(municipality, staff):
    dialogue = ready_for("plan", Kind.CITIZEN_DIALOGUE, municipality)
    dialogue.ends_on = dialogue.starts_on - datetime.timedelta(days=1)
    reasons = _refused(dialogue, "plan", staff[Role.OFFICER])
    assert len(reasons) == 1


# --- Feedback overdue -------------------------------------------------------------------------


def _closed(municipality, days_ago, kind=Kind.CITIZEN_DIALOGUE, state=State.CLOSED):
    dialogue = dialogue_in_state(state, municipality=municipality, kind=kind)
    dialogue.closed_at = timezone.now() - datetime.timedelta(days=days_ago)
    dialogue.set_feedback_due(dialogue.closed_at)
    dialogue.save()
    return dialogue


@time_machine.travel(datetime.datetime(2026, 12, 3, 12, 0, tzinfo=datetime.UTC), tick=False)  # days in local time
def test_feedback_overdue_after_the_deadline(municipality):
    deadline = municipality.feedback_deadline_days
    late = _closed(municipality, deadline + 1)
    late_with_results = _closed(municipality, deadline + 5, state=State.RESULTS_COMPILED)
    in_time = _closed(municipality, deadline - 1)
    information = _closed(municipality, deadline + 10, kind=Kind.INFORMATION)
    answered = _closed(municipality, deadline + 10, state=State.FEEDBACK_PUBLISHED)

    overdue = set(Dialogue.objects.feedback_overdue())

    assert {late, late_with_results} == overdue
    assert late.is_feedback_overdue and not in_time.is_feedback_overdue
    assert not information.is_feedback_overdue and not answered.is_feedback_overdue


def test_feedback_overdue_shows_on_the_dashboard_and_the_overview(client, municipality, staff):
    late = _closed(municipality, municipality.feedback_deadline_days + 3)
    in_time = _closed(municipality, 1)
    client.force_login(staff[Role.ELECTED_OFFICIAL])
    for url in (
        staff_url("staff_dashboard", municipality=municipality),
        staff_url("council_overview_current", municipality=municipality),
    ):
        page = client.get(url).content.decode()
        section = page.split('id="overdue-title"')[1].split("</section>")[0]
        assert late.title in section
        assert in_time.title not in section
        assert "overdue-text" in section


def test_closing_sets_the_feedback_deadline_from_the_municipality(municipality, staff):
    municipality.feedback_deadline_days = 30
    municipality.save()
    dialogue = ready_for("close", Kind.CITIZEN_DIALOGUE, municipality)
    workflow.transition(dialogue, "close", actor=staff[Role.OFFICER])
    assert dialogue.feedback_due_on == timezone.localdate() + datetime.timedelta(days=30)
    assert dialogue not in Dialogue.objects.feedback_overdue()
    later = timezone.localdate() + datetime.timedelta(days=31)
    assert dialogue in Dialogue.objects.feedback_overdue(today=later)
