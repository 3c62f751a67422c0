"""Every row of the status table, for each route and each kind of actor: allowed exactly when the table says so."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.audit import audit_events_for
from delaktig.organisations.models import Body, Role
from delaktig.organisations.tests.factories import DecisionFactory, staff_for
from delaktig.proposals import workflow
from delaktig.proposals.models import Referral, Route, Status
from delaktig.proposals.tests.factories import CategoryFactory, ProposalFactory, SignatureFactory

ROWS = [(source, target, step) for (source, target), step in workflow.TRANSITIONS.items()]
CASES = [
    pytest.param(source, target, step, route, id=f"{source}->{target}:{route}")
    for source, target, step in ROWS
    for route in Route.values
]


def satisfy(proposal, step):
    """Give `proposal` everything the step's guards ask for."""
    if step.name == "receive" and proposal.status == Status.UNDER_REVIEW and proposal.route == Route.EPETITION:
        proposal.category = CategoryFactory(municipality=proposal.municipality, skips_threshold=True)
    if step.name == "reject":
        proposal.rejection_reason = "unlawful"
    if step.name == "decide":
        proposal.decision = DecisionFactory(
            municipality=proposal.municipality, date=timezone.localdate(), text="Fullmäktige bifaller förslaget."
        )
    if step.name in ("reach_threshold", "close_below_threshold", "hand_to_officer"):
        proposal.threshold = 2
        proposal.signing_starts_at = timezone.now() - datetime.timedelta(days=91)
        proposal.signing_ends_at = timezone.now() - datetime.timedelta(days=1)
    proposal.save()
    if step.name == "referral_answer":
        board = Body.objects.create(municipality=proposal.municipality, name="Tekniska nämnden", kind="committee")
        today = timezone.localdate()
        Referral.objects.create(proposal=proposal, body=board, sent_on=today, answered_on=today, answer="Bifall.")
    if step.name == "reach_threshold":
        SignatureFactory.create_batch(2, proposal=proposal)
    return proposal


def actors(municipality, proposal, outsider):
    people = staff_for(municipality)
    return {
        **{role: people[role] for role in Role.values},
        workflow.PROPOSER: proposal.proposer,
        workflow.SYSTEM: workflow.SYSTEM,
        "resident": UserFactory(),
        "anonymous": AnonymousUser(),
        "other_municipality_moderator": outsider,
    }


def expected(step, route, kind):
    if route not in step.applies_to:
        return False
    return kind in step.actors


@pytest.mark.django_db
@pytest.mark.parametrize(("source", "target", "step", "route"), CASES)
def test_each_row_allows_exactly_the_actors_and_routes_of_the_table(
    municipality, other_municipality, source, target, step, route
):
    proposal = satisfy(
        ProposalFactory(municipality=municipality, route=route, status=source, proposer=UserFactory()), step
    )
    outsider = staff_for(other_municipality)[Role.MODERATOR]
    allowed_actor = None
    for kind, actor in actors(municipality, proposal, outsider).items():
        reasons = workflow.refusals(actor, proposal, step.name)
        assert (reasons == []) is expected(step, route, kind), (kind, reasons)
        if not reasons:
            allowed_actor = actor
        elif kind == "resident":
            with pytest.raises(workflow.TransitionRefused):
                workflow.transition(proposal, step.name, actor=actor)
            assert not audit_events_for(proposal).exists()
    if allowed_actor is None:
        return
    workflow.transition(proposal, step.name, actor=allowed_actor)
    proposal.refresh_from_db()
    assert proposal.status == target
    event = audit_events_for(proposal).get()
    assert event.action == f"proposal.{step.name}"
    assert event.data["from"] == source and event.data["to"] == target
    assert event.actor == (None if allowed_actor == workflow.SYSTEM else allowed_actor)


GUARDED = [pytest.param(source, target, step, id=f"{source}->{target}") for source, target, step in ROWS if step.guards]


@pytest.mark.django_db
@pytest.mark.parametrize(("source", "target", "step"), GUARDED)
def test_a_guarded_row_is_refused_with_reasons_while_its_guards_are_unmet(municipality, source, target, step):
    route = Route.EPETITION if Route.EPETITION in step.applies_to else Route.CITIZEN_PROPOSAL
    category = CategoryFactory(municipality=municipality, skips_threshold=True)
    proposal = ProposalFactory(municipality=municipality, route=route, status=source, proposer=UserFactory())
    if step.name == "approve":
        proposal.category = category  # a threshold-free category never collects signatures
    if step.name == "close_below_threshold" or step.name == "hand_to_officer":
        proposal.signing_ends_at = timezone.now() + datetime.timedelta(days=1)
    proposal.save()
    actor = workflow.SYSTEM if workflow.SYSTEM in step.actors else staff_for(municipality)[sorted(step.actors)[0]]
    reasons = workflow.refusals(actor, proposal, step.name)
    assert reasons and all(str(reason) for reason in reasons)
    with pytest.raises(workflow.TransitionRefused):
        workflow.transition(proposal, step.name, actor=actor)
    proposal.refresh_from_db()
    assert proposal.status == source
    assert not audit_events_for(proposal).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("status", [s for s in Status.values if not any(src == s for src, _t, _s in ROWS)])
def test_final_statuses_have_no_way_out(municipality, staff, status):
    proposal = ProposalFactory(municipality=municipality, status=status)
    assert workflow.next_steps(proposal) == []
    assert workflow.refusals(staff[Role.DEMOCRACY_OFFICER], proposal, "review")


def test_every_step_has_a_label_and_public_label():
    for _source, _target, step in ROWS:
        assert str(step.label) and str(step.timeline)
