"""The lifecycle engine on a tiny table of its own: finding steps, refusing them with reasons, taking them.

The table borrows the proposal model for its fields (a status, a route, a stamp, a municipality) and nothing
of the proposals' own lifecycle.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.audit import audit_events_for
from delaktig.core.workflow import SYSTEM, Found, Lifecycle, Step, TransitionRefused
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import staff_for
from delaktig.proposals.models import Proposal, Route, Status

pytestmark = pytest.mark.django_db

EPETITION = frozenset({Route.EPETITION})
REVIEWERS = frozenset({Role.MODERATOR})
AUTHOR = "author"
seen = []


def titled(proposal, note):
    return [] if proposal.title.strip() else ["Give the proposal a title."]


def note_written(proposal, note):
    return [] if note.strip() else ["Write a note."]


def shout(proposal, move):
    proposal.title = proposal.title.upper()


def remember_saved(proposal, move):
    seen.append((Proposal.objects.get(pk=proposal.pk).status, move.step.name, move.note))


def fail(proposal, move):
    raise RuntimeError("the effect failed")


TABLE = {
    (Status.SUBMITTED, Status.UNDER_REVIEW): Step(
        name="review",
        label="Start the review",
        actors=REVIEWERS,
        guards=(titled,),
        effects=(shout,),
        timeline="Under review",
    ),
    (Status.SUBMITTED, Status.COLLECTING): Step(
        name="collect",
        label="Collect signatures",
        applies_to=EPETITION,
        actors=REVIEWERS,
    ),
    (Status.SUBMITTED, Status.WITHDRAWN): Step(
        name="withdraw",
        label="Withdraw",
        actors=frozenset({AUTHOR}),
        guards=(note_written,),
        timeline="Withdrawn",
    ),
    (Status.UNDER_REVIEW, Status.DECIDED): Step(
        name="decide",
        label="Decide",
        actors=frozenset({SYSTEM}),
    ),
    (Status.UNDER_REVIEW, Status.REJECTED): Step(name="break", label="Break", actors=REVIEWERS, effects=(fail,)),
}


def is_author(actor, proposal):
    return getattr(actor, "is_authenticated", False) and proposal.proposer_id == actor.pk


TINY = Lifecycle(
    table=TABLE,
    action_prefix="tiny",
    state_field="status",
    variant_field="route",
    stamp_field="status_changed_at",
    pseudo_actors={AUTHOR: is_author},
    not_possible="Not possible while “%(status)s”.",
    role_refused="Not for you.",
    audit_data=lambda proposal, move: {"title": proposal.title},
    after_save=(remember_saved,),
)


@pytest.fixture
def proposal(municipality):
    from delaktig.proposals.tests.factories import ProposalFactory

    seen.clear()
    return ProposalFactory(municipality=municipality, title="Bänkar i parken", proposer=UserFactory())


@pytest.fixture
def moderator(staff):
    return staff[Role.MODERATOR]


def test_find_gives_the_target_and_the_row_of_a_step_out_of_the_current_state(proposal):
    assert TINY.find(proposal, "review") == Found(Status.UNDER_REVIEW, TABLE[Status.SUBMITTED, Status.UNDER_REVIEW])
    assert TINY.find(proposal, "decide") is None  # it leaves another state
    assert TINY.find(proposal, "nonsense") is None


def test_a_step_applies_only_to_its_variants(proposal):
    assert TINY.find(proposal, "collect").target == Status.COLLECTING
    proposal.route = Route.CITIZEN_PROPOSAL
    assert TINY.find(proposal, "collect") is None
    assert [step.name for _target, step in TINY.next_steps(proposal)] == ["review", "withdraw"]


def test_next_steps_for_a_person_give_each_step_with_the_reasons_it_is_refused_now(proposal, moderator):
    proposal.title = " "
    options = {option.step.name: option for option in TINY.next_steps_for(moderator, proposal)}
    assert list(options) == ["review", "collect", "withdraw"]
    assert options["review"].reasons == ["Give the proposal a title."] and not options["review"].allowed
    assert options["collect"].reasons == [] and options["collect"].allowed
    assert options["withdraw"].reasons == ["Not for you."]


def test_refused_in_a_state_the_step_does_not_leave(proposal):
    proposal.status = Status.DECIDED
    with translation.override("en"):
        assert TINY.refusals(SYSTEM, proposal, "decide") == ["Not possible while “Decided”."]
    assert TINY.next_steps(proposal) == []


def test_refused_to_people_the_row_does_not_name(proposal, staff, other_municipality):
    moderator = staff[Role.MODERATOR]
    outsider = staff_for(other_municipality)[Role.MODERATOR]
    for actor in (
        UserFactory(),
        AnonymousUser(),
        outsider,
        SYSTEM,
        proposal.proposer,
        staff[Role.OFFICER],
    ):
        assert TINY.refusals(actor, proposal, "review") == ["Not for you."], actor
    assert TINY.refusals(moderator, proposal, "review") == []


def test_pseudo_actors_and_the_system_are_resolved_by_the_lifecycle(proposal, moderator):
    assert TINY.refusals(proposal.proposer, proposal, "withdraw", note="Vi löste det själva.") == []
    assert TINY.refusals(moderator, proposal, "withdraw", note="x") == ["Not for you."]
    proposal.status = Status.UNDER_REVIEW
    assert TINY.refusals(SYSTEM, proposal, "decide") == []
    assert TINY.refusals(moderator, proposal, "decide") == ["Not for you."]


def test_guards_get_the_note_and_refuse_in_words(proposal):
    assert TINY.refusals(proposal.proposer, proposal, "withdraw", note="  ") == ["Write a note."]
    with pytest.raises(TransitionRefused) as refused:
        TINY.transition(proposal, "withdraw", actor=proposal.proposer)
    assert refused.value.reasons == ["Write a note."]
    proposal.refresh_from_db()
    assert proposal.status == Status.SUBMITTED and not audit_events_for(proposal).exists()


def test_a_step_changes_the_state_runs_its_effects_and_leaves_one_audit_event(proposal, moderator):
    TINY.transition(proposal, "review", actor=moderator, note="Ser bra ut.", data={"case": "KS 1"})

    proposal.refresh_from_db()
    assert proposal.status == Status.UNDER_REVIEW and proposal.status_changed_at is not None
    assert proposal.title == "BÄNKAR I PARKEN"  # the effect ran before the save
    assert seen == [(Status.UNDER_REVIEW, "review", "Ser bra ut.")]  # after_save sees the saved state
    event = audit_events_for(proposal).get()
    assert (event.action, event.actor, event.municipality) == ("tiny.review", moderator, proposal.municipality)
    assert event.data == {
        "from": Status.SUBMITTED,
        "to": Status.UNDER_REVIEW,
        "label": "Under review",
        "title": "BÄNKAR I PARKEN",
        "case": "KS 1",
    }
    assert event.public  # the step is on the timeline


def test_a_step_off_the_timeline_leaves_a_private_event_and_the_system_is_nobody(proposal):
    proposal.status = Status.UNDER_REVIEW
    proposal.save()
    TINY.transition(proposal, "decide", actor=SYSTEM)
    event = audit_events_for(proposal).get()
    assert not event.public and event.actor is None and event.data["label"] == "Decide"


def test_a_failing_effect_leaves_the_state_and_the_audit_trail_untouched(proposal, moderator):
    proposal.status = Status.UNDER_REVIEW
    proposal.save()
    with pytest.raises(RuntimeError):
        TINY.transition(proposal, "break", actor=moderator)
    assert Proposal.objects.get(pk=proposal.pk).status == Status.UNDER_REVIEW
    assert not audit_events_for(proposal).exists()


def test_a_failing_after_save_hook_undoes_the_saved_step(proposal, moderator):
    def broken(proposal, move):
        raise RuntimeError("the history could not be written")

    lifecycle = Lifecycle(
        table=TABLE,
        action_prefix="tiny",
        state_field="status",
        not_possible="",
        role_refused="",
        after_save=(broken,),
    )
    with pytest.raises(RuntimeError):
        lifecycle.transition(proposal, "review", actor=moderator)
    assert Proposal.objects.get(pk=proposal.pk).status == Status.SUBMITTED
    assert not audit_events_for(proposal).exists()
