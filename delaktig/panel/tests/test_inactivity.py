"""Members inactive longer than the municipality's setting (default 24 months) are removed by a periodic job."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from delaktig.core import hookspecs as core_hooks
from delaktig.core.models import AuditEvent
from delaktig.panel import services
from delaktig.panel.models import PanelMember, PanelSettings, Status

from .factories import PanelMemberFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2027, 6, 15)


def days_ago(days):
    return TODAY - datetime.timedelta(days=days)


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
    assert services.members_inactive_remove(today=TODAY) == 2
    for member in (old, edge, paused, left):
        member.refresh_from_db()
    assert old.status == Status.REMOVED and old.email == "" and old.email_digest == "" and old.ended_on == TODAY
    assert edge.status == Status.ACTIVE and paused.status == Status.REMOVED and left.status == Status.LEFT
    event = AuditEvent.objects.get(action="panel.inactive_remove")
    assert event.data == {"removed": 2, "inactive_since": "2025-06-15"}
    assert services.members_inactive_remove(today=TODAY) == 0  # safe to run again


def test_the_time_is_a_setting_per_municipality(municipality, other_municipality):
    PanelSettings.objects.create(municipality=municipality, inactivity_months=6)
    here = PanelMemberFactory(municipality=municipality, last_active_on=days_ago(200))
    there = PanelMemberFactory(municipality=other_municipality, last_active_on=days_ago(200))
    services.members_inactive_remove(today=TODAY)
    here.refresh_from_db()
    there.refresh_from_db()
    assert here.status == Status.REMOVED and there.status == Status.ACTIVE


def test_sign_ups_never_confirmed_are_deleted_after_the_link_expired(municipality):
    with time_machine.travel(timezone.now() - datetime.timedelta(days=9)):
        stale = PanelMemberFactory(municipality=municipality, status=Status.PENDING)
    fresh = PanelMemberFactory(municipality=municipality, status=Status.PENDING)
    services.members_inactive_remove()
    assert not PanelMember.objects.filter(pk=stale.pk).exists() and PanelMember.objects.filter(pk=fresh.pk).exists()


def test_the_job_is_declared_for_manage_py_periodic():
    jobs = [job for hook in core_hooks.periodic_jobs.implementations() for job in hook()]
    name, every, job = next(job for job in jobs if job[0] == "panel_inactive_remove")
    assert every == 24 * 60 * 60 and job is services.members_inactive_remove
