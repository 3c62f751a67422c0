"""The action plan: goals and actions with owners and deadlines, quarterly follow-up, progress, the section of the
yearly report; training per board and department, and boards without a participation ambassador marked."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from delaktig.core.audit import audit_events_for
from delaktig.organisations.models import Body, Role
from delaktig.organisations.tests.factories import BodyFactory, DepartmentFactory

from .. import report, selectors, services
from ..models import Ambassador, FollowUp, Status, TrainingRecord
from .factories import ActionFactory, GoalFactory, PlanFactory

pytestmark = pytest.mark.django_db


def url(name, municipality, *args):
    return reverse(f"actionplan:{name}", args=[municipality.slug, *args])


def test_the_democracy_officer_builds_the_plan_from_the_empty_page(client, municipality, staff):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    empty = client.get(url("overview", municipality)).content.decode()
    assert "Kommunen har ingen handlingsplan för delaktighet än" in empty
    year = timezone.localdate().year
    bad = client.post(url("plan_new", municipality), {"title": "Plan", "starts_year": year, "ends_year": year - 1})
    assert (
        "Det sista året kan inte komma före det första" in bad.content.decode()
        and 'value="Plan"' in bad.content.decode()
    )
    client.post(url("plan_new", municipality), {"title": "Handlingsplan 2026–2028", "starts_year": year,
                                                "ends_year": year + 2})  # fmt: skip
    plan = selectors.plan_current(municipality)
    client.post(url("goal_add", municipality, plan.pk), {"title": "Fler unga deltar"})
    goal = plan.goals.get()
    department = DepartmentFactory(municipality=municipality)
    missing_owner = client.post(
        url("action_new", municipality, plan.pk),
        {"goal": goal.pk, "title": "Ungdomsråd i varje kommundel", "deadline": "2027-06-30"},
    )
    assert "Välj vem som äger åtgärden" in missing_owner.content.decode()
    sent = client.post(
        url("action_new", municipality, plan.pk),
        {"goal": goal.pk, "title": "Ungdomsråd i varje kommundel", "owner_department": department.pk,
         "deadline": "2027-06-30"},
    )  # fmt: skip
    action = goal.actions.get()
    assert sent["Location"] == url("action", municipality, action.pk)
    page = client.get(url("overview", municipality)).content.decode()
    assert "0 av 1 åtgärder klara (0 %)" in page and "Ungdomsråd i varje kommundel" in page
    assert [event.action for event in audit_events_for(plan)] == ["actionplan.plan_create", "actionplan.goal_add"]


def test_a_quarters_follow_up_sets_the_status_and_a_second_replaces_it(client, municipality, staff):
    action = ActionFactory(goal=GoalFactory(plan=PlanFactory(municipality=municipality)))
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    year, quarter = services.current_quarter()
    fields = {"year": year, "quarter": quarter, "status": "in_progress", "note": "Två av fyra råd har startat."}
    client.post(url("action", municipality, action.pk), fields)
    client.post(url("action", municipality, action.pk), {**fields, "status": "done", "note": "Alla fyra är igång."})
    action.refresh_from_db()
    assert action.status == Status.DONE and FollowUp.objects.get().note == "Alla fyra är igång."
    future = client.post(url("action", municipality, action.pk), {**fields, "year": year + 1})
    assert "Kvartalet har inte börjat" in future.content.decode()
    empty = client.post(url("action", municipality, action.pk), {**fields, "note": ""})
    assert "Skriv en kort anteckning" in empty.content.decode()


def test_progress_counts_done_and_overdue_and_leaves_cancelled_out(municipality):
    plan = PlanFactory(municipality=municipality)
    goal = GoalFactory(plan=plan)
    past = timezone.localdate() - datetime.timedelta(days=1)
    ActionFactory(goal=goal, status=Status.DONE)
    ActionFactory(goal=goal, status=Status.IN_PROGRESS, deadline=past)
    ActionFactory(goal=goal, status=Status.CANCELLED, deadline=past)
    ActionFactory(goal=goal, status=Status.DONE, deadline=past)
    found = selectors.progress(plan)
    assert found["total"] == 4 and found["done"] == 2 and found["overdue"] == 1 and found["done_share"] == 67


def test_the_yearly_report_has_the_plans_follow_up_as_its_own_section(municipality, staff):
    plan = PlanFactory(municipality=municipality, title="Handlingsplan")
    goal = GoalFactory(plan=plan, title="Fler röster")
    action = ActionFactory(goal=goal, title="Utbilda ambassadörer")
    year, quarter = services.current_quarter()
    services.followup_record(action=action, actor=staff[Role.DEMOCRACY_OFFICER], year=year, quarter=quarter,
                             status=Status.IN_PROGRESS, note="Halvvägs.")  # fmt: skip
    section = report.plan_section(municipality, year)
    assert section.key == "action_plan" and "0 av 1 åtgärder är klara" in section.paragraphs[0]
    actions, ambassadors = section.tables
    assert actions.rows == (("Fler röster", "Utbilda ambassadörer", municipality.get_deciding_body().name,
                             action.deadline, "Pågår", "Halvvägs."),)  # fmt: skip
    assert ambassadors.key == "ambassadors"
    from delaktig.core import hookspecs as core_hooks

    keys = [s.key for hook in core_hooks.yearly_report_sections.implementations() for s in hook(municipality, year)]
    assert "action_plan" in keys
    assert report.plan_section(PlanFactory().municipality, year).tables  # another municipality's plan
    none = report.plan_section(BodyFactory().municipality, year)
    assert "ingen handlingsplan" in none.paragraphs[0]


def test_boards_without_an_ambassador_are_marked_and_a_new_one_takes_over(client, municipality, staff):
    board = BodyFactory(municipality=municipality, name="Socialnämnden", kind=Body.Kind.COMMITTEE)
    other = BodyFactory(municipality=municipality, name="Kulturnämnden", kind=Body.Kind.COMMITTEE)
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    page = client.get(url("training", municipality)).content.decode()
    missing = [b.name for b in selectors.boards_without_ambassador(municipality)]
    assert {"Socialnämnden", "Kulturnämnden"} <= set(missing) and page.count("Saknas") == len(missing)
    today = timezone.localdate()
    earlier = (today - datetime.timedelta(days=30)).isoformat()
    appoint = url("ambassador_appoint", municipality)
    client.post(appoint, {"ambassador-body": board.pk, "ambassador-person_name": "Eva Ek", "ambassador-since": earlier})
    now = today.isoformat()
    client.post(appoint, {"ambassador-body": board.pk, "ambassador-person_name": "Ali Berg", "ambassador-since": now})
    after = [b.name for b in selectors.boards_without_ambassador(municipality)]
    assert "Kulturnämnden" in after and "Socialnämnden" not in after and len(after) == len(missing) - 1
    assert dict(selectors.boards_with_ambassadors(municipality))[board].person_name == "Ali Berg"
    assert Ambassador.objects.get(person_name="Eva Ek").until == today - datetime.timedelta(days=1)
    overview = client.get(url("overview", municipality)).content.decode()
    assert "Kulturnämnden" in overview or "ingen handlingsplan" in overview.lower()
    assert other.pk


def test_training_is_recorded_per_board_or_department(client, municipality, staff):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    client.post(url("training_add", municipality), {"name": "Grundkurs i medborgardialog"})
    duplicate = client.post(url("training_add", municipality), {"name": "grundkurs i medborgardialog"})
    assert "Det finns redan en utbildning med det namnet" in duplicate.content.decode()
    training = selectors.trainings_of(municipality).get()
    department = DepartmentFactory(municipality=municipality, name="Socialförvaltningen")
    fields = {"record-training": training.pk, "record-person_name": "Eva", "record-completed_on": "2026-01-10"}
    nowhere = client.post(url("training_record", municipality), fields)
    assert "Välj den nämnd eller förvaltning" in nowhere.content.decode()
    taken = {"record-training": training.pk, "record-person_name": "Eva", "record-department": department.pk,
             "record-completed_on": "2026-01-10"}  # fmt: skip
    client.post(url("training_record", municipality), taken)
    assert TrainingRecord.objects.count() == 1
    assert selectors.training_by_unit(municipality) == [("Socialförvaltningen", {"Grundkurs i medborgardialog": 1})]


def test_others_read_but_do_not_change_and_another_municipality_is_404(client, municipality, other_municipality, staff):
    action = ActionFactory(goal=GoalFactory(plan=PlanFactory(municipality=municipality)))
    foreign = ActionFactory(goal=GoalFactory(plan=PlanFactory(municipality=other_municipality)))
    client.force_login(staff[Role.OFFICER])
    assert client.get(url("action", municipality, action.pk)).status_code == 200
    assert client.get(url("action", municipality, foreign.pk)).status_code == 404
    year, quarter = services.current_quarter()
    refused = client.post(url("action", municipality, action.pk),
                          {"year": year, "quarter": quarter, "status": "done", "note": "x"})  # fmt: skip
    assert refused.status_code == 403 and not FollowUp.objects.exists()
    assert client.get(url("plan_new", municipality)).status_code == 403
