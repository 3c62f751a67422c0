"""The progress page of a mailing: staff of the municipality only, sent of total, refreshes while sending."""

import pytest
from django.urls import reverse
from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory
from delaktig.mailings.models import Mailing
from delaktig.mailings.services import mailing_create
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import staff_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(municipality, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    people = [(f"p{i}@example.se", f"Person {i}") for i in range(4)]
    return mailing_create(
        municipality=municipality, purpose="t", subject="Svar på förslaget", body="Hej {name}", recipients=people
    )


def url(mailing, municipality=None):
    return reverse("mailings:detail", args=[(municipality or mailing.municipality).slug, mailing.pk])


def test_progress_while_sending_refreshes_itself(client, staff, queued):
    queued.recipients.filter(pk__in=queued.recipients.order_by("id").values("id")[:1]).update(sent_at=timezone.now())
    Mailing.objects.filter(pk=queued.pk).update(status=Mailing.Status.SENDING, started_at=timezone.now())
    client.force_login(staff[Role.OFFICER])
    html = client.get(url(queued)).content.decode()
    assert 'data-auto-refresh="5"' in html and 'http-equiv="refresh"' not in html  # the reader can stop it
    assert '<progress id="mailing-progress" max="4" value="1">' in html
    assert "Svar på förslaget" in html and "25 %" in html


def test_a_finished_mailing_stops_refreshing(client, staff, municipality):
    mailing = mailing_create(
        municipality=municipality, purpose="t", subject="S", body="B", recipients=[("a@example.se", "A")]
    )
    mailing_send_now(mailing)
    client.force_login(staff[Role.MODERATOR])
    html = client.get(url(mailing)).content.decode()
    assert "data-auto-refresh" not in html and 'max="1" value="1"' in html and "100 %" in html


def mailing_send_now(mailing):
    from delaktig.mailings.services import mailing_send

    mailing_send(mailing_id=mailing.pk)
    mailing.refresh_from_db()


def test_another_municipalitys_mailing_is_a_404(client, staff, municipality, other_municipality):
    foreign = mailing_create(municipality=other_municipality, purpose="t", subject="S", body="B", recipients=[])
    client.force_login(staff[Role.OFFICER])
    assert client.get(url(foreign, municipality)).status_code == 404
    client.force_login(staff_for(other_municipality)[Role.OFFICER])
    assert client.get(url(foreign, municipality)).status_code == 404


def test_residents_get_404_and_anonymous_must_log_in(client, queued):
    client.force_login(UserFactory())
    assert client.get(url(queued)).status_code == 404
    client.logout()
    assert client.get(url(queued)).status_code == 302


def test_only_get(client, staff, queued):
    client.force_login(staff[Role.OFFICER])
    assert client.post(url(queued)).status_code == 405
