"""The threshold: one short of it nothing happens; at it exactly one case, routed, and one mailing."""

from decimal import Decimal
from unittest import mock

import pytest
from django.core import mail
from django.core.cache import cache

from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.models import AuditEvent
from delaktig.mailings.models import Mailing
from delaktig.organisations.models import Body
from delaktig.proposals import workflow
from delaktig.proposals.models import ProposalCase, ProposalSettings, Routing, SignatureStatus, Status
from delaktig.proposals.selectors import settings_for
from delaktig.proposals.signatures import _signing as services_signing
from delaktig.proposals.signatures._threshold_mailing import threshold_mailing_create
from delaktig.proposals.signatures._thresholds import CHECK_KEY, threshold_check
from delaktig.proposals.signatures._tokens import confirmation_token_make
from delaktig.proposals.tests.factories import CategoryFactory, ProposalFactory, SignatureFactory, collecting


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def proposer(db):
    return UserFactory(email="proposer@example.se", name="Per Proposer")


@pytest.fixture
def proposal(municipality, proposer):
    return collecting(ProposalFactory(municipality=municipality, proposer=proposer, proposer_name="Per"), threshold=3)


def sign_logged_in(proposal, **extra):
    user = UserFactory(identity_level=IdentityLevel.EMAIL)
    return services_signing.signature_sign(proposal=proposal, name=user.name, email="", user=user, **extra)


def test_one_short_of_the_threshold_opens_no_case(proposal, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            assert sign_logged_in(proposal)[0] == services_signing.SIGNED
    proposal.refresh_from_db()
    assert proposal.status == Status.COLLECTING
    assert not ProposalCase.objects.exists()


def test_reaching_the_threshold_opens_exactly_one_case(proposal, municipality, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            sign_logged_in(proposal)
    proposal.refresh_from_db()
    assert proposal.status == Status.THRESHOLD_REACHED
    case = ProposalCase.objects.get()
    assert case.proposal == proposal
    assert case.registration_number.startswith("KS ")
    assert proposal.routed_body == case.body
    assert case.body.kind == Body.Kind.EXECUTIVE_BOARD  # no category: the executive board
    assert AuditEvent.objects.filter(action="proposal.reach_threshold", target_id=proposal.pk).count() == 1
    assert threshold_check(proposal.pk) is None  # again: nothing new
    assert ProposalCase.objects.count() == 1


def test_pending_and_invalidated_signatures_do_not_count(proposal):
    SignatureFactory.create_batch(2, proposal=proposal)
    SignatureFactory(proposal=proposal, status=SignatureStatus.PENDING)
    SignatureFactory(proposal=proposal, status=SignatureStatus.INVALIDATED)
    assert threshold_check(proposal.pk) is None
    SignatureFactory(proposal=proposal)
    assert threshold_check(proposal.pk) is not None


def test_confirmation_can_cross_the_threshold(proposal, django_capture_on_commit_callbacks):
    SignatureFactory.create_batch(2, proposal=proposal)
    pending = SignatureFactory(proposal=proposal, status=SignatureStatus.PENDING, confirmed_at=None)
    token = confirmation_token_make(pending)
    with django_capture_on_commit_callbacks(execute=True):
        state, _signature = services_signing.signature_confirm(token=token, municipality=proposal.municipality)
    assert state == services_signing.CONFIRMED
    proposal.refresh_from_db()
    assert proposal.status == Status.THRESHOLD_REACHED


def test_far_below_by_the_cache_skips_the_count_but_the_exact_check_does_not(proposal, settings):
    settings.PROPOSAL_THRESHOLD_CHECK_SLACK = 0
    SignatureFactory.create_batch(3, proposal=proposal)
    cache.set(CHECK_KEY.format(pk=proposal.pk), 0, 30)
    assert threshold_check(proposal.pk, threshold=proposal.threshold) is None  # trusted the stale cache
    assert threshold_check(proposal.pk) is not None  # the periodic check counts exactly


def test_a_check_that_counts_keeps_its_count_only_for_a_few_seconds(proposal, settings):
    settings.PROPOSAL_THRESHOLD_CHECK_SECONDS = 2
    SignatureFactory.create_batch(2, proposal=proposal)
    with mock.patch("delaktig.proposals.signatures._thresholds.cache.set") as stored:
        assert threshold_check(proposal.pk, threshold=proposal.threshold) is None
    stored.assert_called_once_with(CHECK_KEY.format(pk=proposal.pk), 2, 2.0)


def test_the_public_count_cache_does_not_hold_back_the_threshold_check(proposal):
    SignatureFactory.create_batch(proposal.threshold, proposal=proposal)
    cache.set(f"proposal-count:{proposal.pk}", 0, 30)  # the public count is allowed to lag
    assert threshold_check(proposal.pk, threshold=proposal.threshold) is not None


@pytest.mark.parametrize(
    ("routing", "with_category", "kind"),
    [
        (Routing.COMMITTEE, True, Body.Kind.COMMITTEE),
        (Routing.COMMITTEE, False, Body.Kind.EXECUTIVE_BOARD),
        (Routing.EXECUTIVE_BOARD, True, Body.Kind.EXECUTIVE_BOARD),
        (Routing.COUNCIL, True, Body.Kind.COUNCIL),
    ],
)
def test_the_case_goes_to_the_routed_body(proposal, municipality, routing, with_category, kind):
    rules = settings_for(municipality)
    rules.routing = routing
    rules.save()
    if with_category:
        committee = municipality.bodies.get(kind=Body.Kind.COMMITTEE)
        proposal.category = CategoryFactory(municipality=municipality, responsible_body=committee)
        proposal.save()
    SignatureFactory.create_batch(3, proposal=proposal)
    case = threshold_check(proposal.pk)
    assert case.body.kind == kind
    proposal.refresh_from_db()
    assert proposal.routed_body == case.body


def test_without_a_threshold_nothing_happens(proposal):
    proposal.threshold = None
    proposal.save()
    SignatureFactory.create_batch(3, proposal=proposal)
    assert threshold_check(proposal.pk) is None


@pytest.mark.parametrize(
    ("population", "per_mille", "expected"),
    [
        (10_000, Decimal("1"), 10),
        (10_001, Decimal("1"), 11),  # rounded up
        (22_150, Decimal("1.5"), 34),
        (200, Decimal("0.5"), 1),  # never below one
        (None, Decimal("1"), 50),  # no population: the fixed number
        (90_000, None, 50),
    ],
)
def test_per_mille_thresholds(population, per_mille, expected):
    rules = ProposalSettings(population=population, threshold_per_mille=per_mille, threshold_number=50)
    assert rules.threshold() == expected


def test_per_mille_threshold_is_reached_at_its_number(proposal, municipality):
    rules = settings_for(municipality)
    rules.population, rules.threshold_per_mille = 2_500, Decimal("1")
    rules.save()
    collecting(proposal, threshold=rules.threshold())
    SignatureFactory.create_batch(2, proposal=proposal)
    assert threshold_check(proposal.pk) is None
    SignatureFactory(proposal=proposal)
    assert threshold_check(proposal.pk) is not None


def test_notification_reaches_proposer_and_signers_who_asked_once(proposal, django_capture_on_commit_callbacks):
    SignatureFactory(proposal=proposal, email="a@example.se", signer_key="a@example.se", name="A")
    SignatureFactory(proposal=proposal, email="b@example.se", signer_key="b@example.se", name="B", wants_updates=False)
    SignatureFactory(proposal=proposal, email="proposer@example.se", signer_key="proposer@example.se", name="Per")
    SignatureFactory(proposal=proposal, email="c@example.se", signer_key="c@example.se", status=SignatureStatus.PENDING)
    SignatureFactory(proposal=proposal, signer_key="paper:d|1950", email="", channel="paper")
    with django_capture_on_commit_callbacks(execute=True):
        threshold_check(proposal.pk)
    mailing = Mailing.objects.get(purpose="proposal_threshold")
    recipients = sorted(mailing.recipients.values_list("email", flat=True))
    assert recipients == ["a@example.se", "proposer@example.se"]
    assert sorted(address for message in mail.outbox for address in message.to) == recipients
    assert proposal.title in mail.outbox[0].subject
    assert all("{name}" not in message.body for message in mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        again = threshold_mailing_create(proposal_id=proposal.pk)
    assert again == mailing and Mailing.objects.count() == 1 and len(mail.outbox) == 2


def test_only_the_system_takes_the_threshold_step(proposal, staff):
    SignatureFactory.create_batch(3, proposal=proposal)
    assert workflow.refusals(staff["democracy_officer"], proposal, "reach_threshold")
    assert not workflow.refusals(workflow.SYSTEM, proposal, "reach_threshold")
