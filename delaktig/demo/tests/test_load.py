import io

import pytest
from django.core.management import call_command

from delaktig.dialogues.models import Dialogue, Kind, State
from delaktig.followup.models import Outcome
from delaktig.organisations import ladders
from delaktig.organisations.models import Membership, Role
from delaktig.results.models import CompiledResults

from .site import demo_site  # noqa: F401 (a fixture)


@pytest.fixture
def demo(demo_site, db):  # noqa: F811 (the fixture imported above)
    """The demo, loaded once for the module (demo_site); each test runs in its own transaction on top of it."""
    return demo_site.home


def test_demo_covers_every_state_kind_and_level(demo):
    dialogues = Dialogue.objects.filter(municipality=demo)
    assert dialogues.count() >= 8
    assert set(dialogues.values_list("state", flat=True)) == set(State.values)
    assert set(dialogues.values_list("kind", flat=True)) == set(Kind.values)
    assert {level.key for level in ladders.SKR} <= set(dialogues.values_list("ladder_level", flat=True))


def test_demo_has_a_person_for_each_role_and_a_feedback_overdue_dialogue(demo):
    assert set(Membership.objects.filter(municipality=demo).values_list("role", flat=True)) == set(Role.values)
    assert Dialogue.objects.filter(municipality=demo).feedback_overdue().exists()


def test_demo_reads_real(demo):
    assert demo.toolbox_methods.count() >= 12
    assert demo.principles_versions.exists()
    assert demo.handbook_pages.filter(kind="template").count() >= 4
    finished = Dialogue.objects.filter(municipality=demo, state=State.FEEDBACK_PUBLISHED)
    assert finished.exists()
    for dialogue in finished:
        summary, feedback = CompiledResults.of(dialogue).summary, Outcome.of(dialogue).feedback
        assert summary and dialogue.decision_in_matter.text and feedback
    stats = [module.manifest.stats(module) for dialogue in finished for module in dialogue.modules.all()]
    inputs = [figures["inputs"] for figures in stats if "inputs" in figures]  # not the participants' evaluation
    assert inputs and all(count > 0 for count in inputs)


def test_loading_twice_changes_nothing(demo):
    before = Dialogue.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert Dialogue.objects.count() == before


def test_demo_has_proposals_in_every_stage(demo):
    from delaktig.proposals.models import Proposal, ProposalCase

    statuses = set(Proposal.objects.filter(municipality=demo).values_list("status", flat=True))
    assert {"under_review", "collecting", "threshold_reached", "in_preparation", "decided"} <= statuses
    assert "closed_below_threshold" in statuses
    assert ProposalCase.objects.filter(proposal__municipality=demo).count() >= 3
    assert Proposal.objects.filter(municipality=demo, route="citizen_proposal").exists()


def test_the_referred_proposals_timeline_follows_the_story_not_the_day_it_was_loaded(demo):
    from delaktig.proposals.handling._public_selectors import status_history
    from delaktig.proposals.models import Proposal

    proposal = Proposal.objects.get(municipality=demo, title__startswith="Läxhjälp på biblioteket")
    history = status_history(proposal)
    days = [when.date() for _label, when in history]
    assert len(history) == 6 and days == sorted(days)
    assert days[0] == proposal.submitted_at.date() and days[-1] == proposal.referrals.get().answered_on


def test_the_demo_residents_actions_carry_the_identity_level_they_were_made_with(demo):
    from delaktig.accounts.models import IdentityLevel, User
    from delaktig.accounts.selectors import contributions_for

    levels = []
    for local in ("invanare", "invanare2", "invanare3"):
        person = User.objects.get(email=f"{local}@hagfors.example")
        rows = [item for _name, items in contributions_for(user=person) for item in items]
        assert rows, local
        levels += [item["identity_level"] for item in rows if item["identity_level_text"]]
    assert None not in levels  # no "Inte registrerad" among the demo's own actions
    assert levels.count(IdentityLevel.SUBSTANTIAL) == 1 and IdentityLevel.EMAIL in levels


def test_the_staff_who_need_two_step_verification_have_the_demos_known_app(demo):
    from delaktig.accounts.models import TwoFactor
    from delaktig.accounts.services_twofactor import two_factor_required
    from delaktig.demo import content

    demo_people = [f"{local}@{demo.slug}.example" for local, *_rest in content.PEOPLE]
    memberships = Membership.objects.filter(municipality=demo, user__email__in=demo_people).select_related("user")
    assert memberships.count() >= 7
    for membership in memberships:
        device = TwoFactor.objects.filter(user=membership.user, confirmed_at__isnull=False).first()
        if two_factor_required(membership.user):
            assert device is not None and device.secret in content.TOTP_SECRETS.values()
        else:
            assert device is None


def test_loading_again_gives_the_apps_to_a_demo_loaded_before_them(demo):
    from delaktig.accounts.models import TwoFactor

    TwoFactor.objects.all().delete()
    call_command("load_demo", stdout=io.StringIO())
    assert TwoFactor.objects.filter(user__email=f"admin@{demo.slug}.example").exists()
    assert TwoFactor.objects.filter(user__email="superadmin@delaktig.example").exists()
