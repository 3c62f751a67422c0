"""Members inactive longer than the municipality's setting (default 24 months) are removed by the retention job
(panel/retention.py, applied by privacy)."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from delaktig.core.models import AuditEvent
from delaktig.panel import services
from delaktig.panel.models import PanelMember, PanelSettings, Status
from delaktig.privacy.services import retention_apply

from .factories import PanelMemberFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2027, 6, 15)


def days_ago(days):
    return TODAY - datetime.timedelta(days=days)


def retention_run():
    with time_machine.travel(datetime.datetime(2027, 6, 15, 12, tzinfo=datetime.UTC), tick=False):
        retention_apply()


def test_months_before():
    assert services.months_before(datetime.date(2027, 6, 15), 24) == datetime.date(2025, 6, 15)
    assert services.months_before(datetime.date(2027, 3, 31), 1) == datetime.date(2027, 2, 28)
    assert services.months_before(datetime.date(2027, 1, 10), 13) == datetime.date(2025, 12, 10)


def test_members_inactive_for_24_months_are_removed(municipality):
    old = PanelMemberFactory(municipality=municipality, last_active_on=datetime.date(2025, 6, 14))
    edge = PanelMemberFactory(municipality=municipality, last_active_on=datetime.date(2025, 6, 15))
    paused = PanelMemberFactory(municipality=municipality, status=Status.PAUSED, last_active_on=days_ago(800))
    left = PanelMemberFactory(municipality=municipality, last_active_on=days_ago(900))
    services.member_leave(member=left)
    retention_run()
    for member in (old, edge, paused, left):
        member.refresh_from_db()
    assert old.status == Status.REMOVED and old.email == "" and old.email_digest == "" and old.ended_on == TODAY
    assert edge.status == Status.ACTIVE and paused.status == Status.REMOVED and left.status == Status.LEFT
    event = AuditEvent.objects.get(action="panel.inactive_remove")
    assert event.data == {"removed": 2, "inactive_since": "2025-06-15"}
    retention_run()  # safe to run again
    assert AuditEvent.objects.filter(action="panel.inactive_remove").count() == 1


def test_the_time_is_a_setting_per_municipality(municipality, other_municipality):
    PanelSettings.objects.create(municipality=municipality, inactivity_months=6)
    here = PanelMemberFactory(municipality=municipality, last_active_on=days_ago(200))
    there = PanelMemberFactory(municipality=other_municipality, last_active_on=days_ago(200))
    retention_run()
    here.refresh_from_db()
    there.refresh_from_db()
    assert here.status == Status.REMOVED and there.status == Status.ACTIVE


def test_sign_ups_never_confirmed_are_deleted_after_the_link_expired(municipality):
    with time_machine.travel(timezone.now() - datetime.timedelta(days=9)):
        stale = PanelMemberFactory(municipality=municipality, status=Status.PENDING)
    fresh = PanelMemberFactory(municipality=municipality, status=Status.PENDING)
    retention_apply()
    assert not PanelMember.objects.filter(pk=stale.pk).exists() and PanelMember.objects.filter(pk=fresh.pk).exists()
