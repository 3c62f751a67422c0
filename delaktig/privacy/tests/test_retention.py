"""The retention job on a frozen clock: each kind removes what is older than its period, keeps the public record,
logs the run with an audit event, and removes nothing more when it runs again."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from delaktig.accounts.models import IdentityLevel, User
from delaktig.accounts.tests.factories import UserFactory
from delaktig.core import hookspecs as core_hooks
from delaktig.core.models import AuditEvent
from delaktig.core.retention import MONTHS, cutoff_for
from delaktig.mailings.models import Mailing, Recipient
from delaktig.panel.models import PanelMember, PanelSettings, Status
from delaktig.panel.tests.factories import PanelMemberFactory
from delaktig.privacy import services
from delaktig.privacy.models import RetentionPeriod, RetentionRun
from delaktig.proposals.models import Signature, SignatureStatus
from delaktig.proposals.models import Status as ProposalStatus
from delaktig.proposals.tests.factories import ProposalFactory, SignatureFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2027, 6, 15, 3, 0, tzinfo=datetime.UTC)


def days_ago(days):
    return NOW - datetime.timedelta(days=days)


def made_at(when, factory, **fields):
    with time_machine.travel(when, tick=False):
        return factory(**fields)


def run():
    with time_machine.travel(NOW, tick=False):
        return services.retention_apply()


def test_cutoff_counts_calendar_months_and_days():
    assert cutoff_for(NOW, 24, MONTHS) == NOW.replace(year=2025)
    assert cutoff_for(datetime.datetime(2027, 3, 31, tzinfo=datetime.UTC), 1, MONTHS).date() == datetime.date(
        2027, 2, 28
    )
    assert cutoff_for(NOW, 90, "days") == NOW - datetime.timedelta(days=90)


def test_every_kind_has_a_key_words_and_a_way_to_remove():
    kinds = services.retention_kinds()
    keys = [kind.key for kind in kinds]
    assert len(keys) == len(set(keys))
    assert {"signatures_unconfirmed", "signatures_email", "signatures_ip", "panel_members_inactive"} <= set(keys)
    assert {"accounts_unconfirmed", "mailing_recipients", "forum_member_contacts"} <= set(keys)
    for kind in kinds:
        assert kind.description and kind.counts_from and kind.removal_note and callable(kind.apply)
        assert kind.default is None or kind.default >= kind.minimum


def test_unconfirmed_signatures_go_after_30_days_and_confirmed_stay(municipality):
    proposal = ProposalFactory(municipality=municipality, status=ProposalStatus.COLLECTING)
    old = made_at(days_ago(31), SignatureFactory, proposal=proposal, status=SignatureStatus.PENDING)
    fresh = made_at(days_ago(29), SignatureFactory, proposal=proposal, status=SignatureStatus.PENDING)
    valid = made_at(days_ago(300), SignatureFactory, proposal=proposal)
    run()
    assert set(Signature.objects.values_list("pk", flat=True)) == {fresh.pk, valid.pk}
    assert old.pk not in Signature.objects.values_list("pk", flat=True)


def test_signers_addresses_go_months_after_the_answer_and_the_count_stays(municipality):
    answered = made_at(days_ago(200), ProposalFactory, municipality=municipality, status=ProposalStatus.DECIDED)
    answered.status_changed_at = days_ago(190)
    answered.save()
    recent = ProposalFactory(municipality=municipality, status=ProposalStatus.DECIDED, status_changed_at=days_ago(20))
    signed = SignatureFactory(proposal=answered, show_name=True, name="Synlig Signerare")
    kept = SignatureFactory(proposal=recent)
    run()
    signed.refresh_from_db()
    kept.refresh_from_db()
    assert signed.email == "" and signed.signer_key.startswith("erased:") and signed.name == "Synlig Signerare"
    assert answered.signatures.filter(status=SignatureStatus.VALID).count() == 1  # the public count stays
    assert kept.email and "@" in kept.signer_key


def test_ip_addresses_go_after_90_days(municipality):
    proposal = ProposalFactory(municipality=municipality, status=ProposalStatus.COLLECTING)
    old = made_at(days_ago(91), SignatureFactory, proposal=proposal, ip_address="192.0.2.1")
    new = made_at(days_ago(89), SignatureFactory, proposal=proposal, ip_address="192.0.2.2")
    run()
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.ip_address is None and new.ip_address == "192.0.2.2"


def test_panel_members_inactive_longer_than_the_panel_setting_are_removed(municipality):
    PanelSettings.objects.create(municipality=municipality, inactivity_months=6)
    old = PanelMemberFactory(municipality=municipality, last_active_on=days_ago(200).date())
    active = PanelMemberFactory(municipality=municipality, last_active_on=days_ago(20).date())
    made_at(days_ago(9), PanelMemberFactory, municipality=municipality, status=Status.PENDING)
    run()
    old.refresh_from_db()
    active.refresh_from_db()
    assert old.status == Status.REMOVED and old.email == "" and old.name == ""
    assert active.status == Status.ACTIVE
    assert not PanelMember.objects.filter(status=Status.PENDING).exists()


def test_unconfirmed_accounts_go_after_30_days_and_confirmed_stay():
    never = made_at(days_ago(31), UserFactory, identity_level=IdentityLevel.NONE)
    confirmed = made_at(days_ago(400), UserFactory)
    run()
    assert not User.objects.filter(pk=never.pk).exists() and User.objects.filter(pk=confirmed.pk).exists()
    assert RetentionRun.objects.get(municipality=None).removed["accounts_unconfirmed"] == 1


def test_mailing_recipients_lose_their_addresses_after_3_months(municipality):
    mailing = Mailing.objects.create(
        municipality=municipality, purpose="test", subject="Hej", body="Hej", status="done", finished_at=days_ago(100)
    )
    Recipient.objects.create(mailing=mailing, email="a@example.se", name="Anna", sent_at=days_ago(100))
    run()
    recipient = mailing.recipients.get()
    assert recipient.name == "" and recipient.email.endswith("@gallrad.invalid")


def test_a_municipality_may_keep_or_shorten_and_the_other_is_untouched(municipality, other_municipality):
    RetentionPeriod.objects.create(municipality=municipality, kind="signatures_ip", amount=None)  # gallras ej
    RetentionPeriod.objects.create(municipality=other_municipality, kind="signatures_ip", amount=10)
    here = made_at(
        days_ago(200), SignatureFactory, proposal=ProposalFactory(municipality=municipality), ip_address="192.0.2.1"
    )
    there = made_at(
        days_ago(11),
        SignatureFactory,
        proposal=ProposalFactory(municipality=other_municipality),
        ip_address="192.0.2.9",
    )
    run()
    here.refresh_from_db()
    there.refresh_from_db()
    assert here.ip_address == "192.0.2.1" and there.ip_address is None


def test_each_run_is_logged_with_an_audit_event_and_a_second_run_removes_nothing(municipality):
    proposal = ProposalFactory(municipality=municipality, status=ProposalStatus.COLLECTING)
    made_at(days_ago(31), SignatureFactory, proposal=proposal, status=SignatureStatus.PENDING, ip_address="192.0.2.1")
    first = run()
    assert first[municipality.slug] == 1
    logged = RetentionRun.objects.get(municipality=municipality)
    assert logged.removed["signatures_unconfirmed"] == 1 and logged.removed["signatures_ip"] == 0
    event = AuditEvent.objects.get(action="retention.run", municipality=municipality)
    assert event.data == {"removed": {"signatures_unconfirmed": 1}, "total": 1}
    assert run()[municipality.slug] == 0
    assert RetentionRun.objects.filter(municipality=municipality).count() == 2


def test_removal_goes_in_batches(municipality, monkeypatch):
    from delaktig.core import retention

    monkeypatch.setattr(retention.in_batches, "__kwdefaults__", {"size": 2})
    proposal = ProposalFactory(municipality=municipality, status=ProposalStatus.COLLECTING)
    for _ in range(5):
        made_at(days_ago(31), SignatureFactory, proposal=proposal, status=SignatureStatus.PENDING)
    assert run()[municipality.slug] == 5
    assert not Signature.objects.exists()


def test_the_job_is_declared_for_manage_py_periodic():
    jobs = {name: every for hook in core_hooks.periodic_jobs.implementations() for name, every, _fn in hook()}
    assert jobs["privacy_retention"] == 24 * 60 * 60
    assert "panel_inactive_remove" not in jobs  # folded into the retention


def test_runs_at_the_frozen_time_use_the_frozen_clock(municipality):
    with time_machine.travel(NOW, tick=False):
        services.retention_apply()
        assert RetentionRun.objects.get(municipality=municipality).started_at == timezone.now()


def test_forum_members_lose_their_contact_details_a_year_after_the_term(municipality):
    from delaktig.forums.tests.factories import ForumFactory, ForumMemberFactory

    forum = ForumFactory(municipality=municipality)
    ended = ForumMemberFactory(forum=forum, term_end=datetime.date(2026, 5, 1))
    sitting = ForumMemberFactory(forum=forum, term_end=datetime.date(2026, 12, 31))
    run()
    ended.refresh_from_db()
    sitting.refresh_from_db()
    assert (ended.email, ended.phone, ended.name) == ("", "", ended.name) and ended.name
    assert sitting.email and sitting.phone


def test_a_batch_that_changes_nothing_ends_the_run_instead_of_looping(municipality):
    from delaktig.core.retention import in_batches

    proposal = ProposalFactory(municipality=municipality)
    SignatureFactory(proposal=proposal)
    assert in_batches(Signature.objects.all(), lambda rows: 0) == 0
