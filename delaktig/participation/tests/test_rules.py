"""allowed() on a method that exists only in this test: the gate knows no method by name."""

import datetime

import pytest
from django.utils import timezone

from delaktig.accounts import hookspecs as account_hooks
from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.tests.factories import UserFactory
from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.organisations.tests.factories import staff_for
from delaktig.participation.models import Module, Phase
from delaktig.participation.registry import registry
from delaktig.participation.rules import allowed

from .dummy_method import dummy_manifest

pytestmark = pytest.mark.django_db
NOW = timezone.now()


@pytest.fixture
def dummy():
    with registry.temporarily(dummy_manifest()) as manifest:
        yield manifest


def make_module(municipality, *, state=State.OPEN, phase="vote", method="dummy", starts=None, ends=None):
    dialogue = dialogue_in_state(state, municipality=municipality)
    module = Module.objects.create(dialogue=dialogue, method=method, name="Prov")
    starts = starts or NOW - datetime.timedelta(days=1)
    ends = ends or NOW + datetime.timedelta(days=1)
    Phase.objects.create(module=module, phase_type=phase, name=phase, starts_at=starts, ends_at=ends)
    return module


def test_resident_may_take_an_action_the_running_phase_grants(dummy, municipality, resident):
    module = make_module(municipality)
    assert allowed(resident, "vote", module, NOW)
    decision = allowed(resident, "discuss", module, NOW)
    assert not decision and decision.reason


@pytest.mark.parametrize("phase", ["view"])
def test_a_phase_without_features_allows_nothing(dummy, municipality, resident, phase):
    module = make_module(municipality, phase=phase)
    assert not allowed(resident, "vote", module, NOW)


def test_nothing_is_allowed_outside_the_phase(dummy, municipality, resident):
    module = make_module(municipality)
    assert not allowed(resident, "vote", module, NOW + datetime.timedelta(days=2))
    assert not allowed(resident, "vote", module, NOW - datetime.timedelta(days=2))


@pytest.mark.parametrize("state", [s for s in State.values if s != State.OPEN])
def test_only_an_open_dialogue_takes_part(dummy, municipality, resident, state):
    module = make_module(municipality, state=state)
    decision = allowed(resident, "vote", module, NOW)
    assert not decision
    assert decision.reason


def test_anonymous_is_asked_to_log_in_only_when_that_is_all_that_is_missing(dummy, municipality):
    from django.contrib.auth.models import AnonymousUser

    decision = allowed(AnonymousUser(), "vote", make_module(municipality), NOW)
    assert not decision and decision.needs_login
    closed = allowed(AnonymousUser(), "vote", make_module(municipality, state=State.CLOSED), NOW)
    assert not closed and not closed.needs_login


def test_unconfirmed_e_mail_is_refused_with_a_reason(dummy, municipality):
    user = UserFactory(identity_level=IdentityLevel.NONE)
    decision = allowed(user, "vote", make_module(municipality), NOW)
    assert not decision and not decision.needs_login and decision.reason


def test_the_manifest_sets_the_identity_level(municipality, resident):
    manifest = dummy_manifest(min_identity_level=IdentityLevel.SUBSTANTIAL)
    with registry.temporarily(manifest):
        assert not allowed(resident, "vote", make_module(municipality), NOW)
        resident.identity_level = IdentityLevel.SUBSTANTIAL
        assert allowed(resident, "vote", make_module(municipality), NOW)


def test_staff_actions_follow_the_roles_in_the_manifest(dummy, municipality, other_municipality, staff):
    module = make_module(municipality)
    decisions = {role: bool(allowed(user, "tally", module, NOW)) for role, user in staff.items()}
    assert decisions == {role: role in {"moderator", "registrar"} for role in staff}
    stranger = staff_for(other_municipality)["moderator"]
    assert not allowed(stranger, "tally", module, NOW)


def test_unknown_actions_are_refused(dummy, municipality, staff):
    module = make_module(municipality)
    assert not allowed(staff["administrator"], "delete_everything", module, NOW)


def test_a_module_of_a_method_no_longer_registered_allows_nothing(municipality, resident):
    module = make_module(municipality, method="gone")
    decision = allowed(resident, "vote", module, NOW)
    assert not decision and decision.reason


def test_view_is_for_public_dialogues_and_for_staff_earlier(dummy, municipality, other_municipality, staff, resident):
    from django.contrib.auth.models import AnonymousUser

    public = make_module(municipality, state=State.PLANNED)
    assert allowed(AnonymousUser(), "view", public)
    draft = make_module(municipality, state=State.DECIDED)
    assert not allowed(AnonymousUser(), "view", draft)
    assert not allowed(resident, "view", draft)
    assert allowed(staff["elected_official"], "view", draft)
    assert not allowed(staff_for(other_municipality)["officer"], "view", draft)


def test_erasure_anonymises_comments_on_any_target(db, resident, municipality):
    from delaktig.participation.models import Comment

    comment = Comment.objects.create(
        municipality=municipality, target=municipality, author=resident, author_name="Rut", text="Hej"
    )
    for erase in account_hooks.erase_user.implementations():
        erase(resident)
    comment.refresh_from_db()
    assert comment.author is None and comment.author_name == ""
