"""The staff start page warns about this municipality's background work that waits or runs far too long."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from delaktig.background.selectors import stuck_tasks
from delaktig.background.tests.test_leases import beat, running
from delaktig.mailings.services import mailing_create
from delaktig.organisations.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASK_LEASE_SECONDS = 60


def mailing_for(municipality, subject="Tack för att du deltog"):
    return mailing_create(
        municipality=municipality, purpose="t", subject=subject, body="B", recipients=[("a@b.se", "")]
    )


def age_all(minutes):
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=minutes))


def test_a_mailing_waiting_too_long_is_named_with_a_link(
    municipality, other_municipality, db_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mine = mailing_for(municipality)
        mailing_for(other_municipality, subject="Kramfors utskick")
    assert stuck_tasks(municipality=municipality) == []  # just queued
    age_all(minutes=11)
    [item] = stuck_tasks(municipality=municipality)
    assert item.state == "waiting" and "Tack för att du deltog" in item.purpose.text
    assert item.purpose.url == reverse("mailings:detail", args=[municipality.slug, mine.pk])


def test_a_task_whose_worker_died_and_one_running_too_long(municipality, db_tasks, settings):
    settings.TASK_RUNNING_WARNING_MINUTES = 30
    dead = running(started_seconds_ago=120)
    beat(dead, seconds_ago=90)
    long = running(started_seconds_ago=31 * 60)
    beat(long, seconds_ago=1)
    with pytest.MonkeyPatch.context() as patch:
        from delaktig.background import selectors

        patch.setattr(selectors, "purpose_of", lambda path, kwargs: _purpose(municipality))
        states = sorted(item.state for item in stuck_tasks(municipality=municipality))
    assert states == ["running", "worker_lost"]


def _purpose(municipality):
    from delaktig.background.purposes import Purpose

    return Purpose(municipality_id=municipality.pk, text="x")


def test_the_staff_start_page_shows_the_warning_in_words(
    client, municipality, staff, db_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mailing_for(municipality)
    client.force_login(staff[Role.OFFICER])
    url = reverse("dialogues:staff_dashboard", args=[municipality.slug])
    assert "stuck-title" not in client.get(url).content.decode()
    age_all(minutes=30)
    page = client.get(url).content.decode()
    assert "stuck-title" in page and "Tack för att du deltog" in page


def test_work_given_up_after_its_worker_stopped_every_time_is_shown_for_a_week(municipality, db_tasks, settings):
    from delaktig.background.leases import tasks_recover

    settings.TASK_MAX_ATTEMPTS = 2
    task = running(started_seconds_ago=300)
    beat(task, seconds_ago=100, attempts=2)
    assert tasks_recover() == (0, 1)
    with pytest.MonkeyPatch.context() as patch:
        from delaktig.background import selectors

        patch.setattr(selectors, "purpose_of", lambda path, kwargs: _purpose(municipality))
        assert [item.state for item in stuck_tasks(municipality=municipality)] == ["given_up"]
        later = timezone.now() + timedelta(days=8)
        assert stuck_tasks(municipality=municipality, now=later) == []
