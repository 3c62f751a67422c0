"""The end of the signing period: closed below the threshold (or to an officer), never when it was reached."""

import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from delaktig.proposals.models import BelowThreshold, ProposalCase, Route, Status
from delaktig.proposals.selectors import settings_for
from delaktig.proposals.signatures import proposals_expire, proposals_expire_task
from delaktig.proposals.signatures._signing import signature_sign
from delaktig.proposals.tests.factories import ProposalFactory, SignatureFactory

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
END = datetime.datetime(2026, 6, 30, 23, 59, 59, tzinfo=STOCKHOLM)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def proposal(municipality):
    return ProposalFactory(
        municipality=municipality,
        status=Status.COLLECTING,
        threshold=3,
        signing_starts_at=END - datetime.timedelta(days=90),
        signing_ends_at=END,
    )


def status_of(proposal):
    proposal.refresh_from_db()
    return proposal.status


def test_last_second_of_the_period_still_signs_and_does_not_expire(proposal):
    with time_machine.travel(END - datetime.timedelta(seconds=1), tick=False):
        outcome, _signature = signature_sign(proposal=proposal, name="Sista", email="sista@example.se")
        assert outcome == "pending"
        assert proposals_expire() == {"threshold": 0, "closed": 0, "officer": 0}
    assert status_of(proposal) == Status.COLLECTING


def test_at_the_end_signing_is_closed_and_the_proposal_expires(proposal, client):
    SignatureFactory.create_batch(2, proposal=proposal)
    with time_machine.travel(END, tick=False):
        outcome, _signature = signature_sign(proposal=proposal, name="Sen", email="sen@example.se")
        assert outcome == "closed"
        assert proposals_expire()["closed"] == 1
    assert status_of(proposal) == Status.CLOSED_BELOW_THRESHOLD
    page = client.get(reverse("proposals:sign", args=[proposal.municipality.slug, proposal.pk]))
    assert page.status_code == 200 and page.context["count"] == 2  # closed proposals stay public
    assert client.get(reverse("proposals:count", args=[proposal.municipality.slug, proposal.pk])).json() == {
        "count": 2,
        "threshold": 3,
        "status": "closed_below_threshold",
    }


def test_the_day_after_in_swedish_time(proposal):
    with time_machine.travel(datetime.datetime(2026, 7, 1, 0, 30, tzinfo=STOCKHOLM), tick=False):
        assert proposals_expire()["closed"] == 1


def test_below_threshold_goes_to_an_officer_when_the_rules_say_so(proposal, municipality):
    rules = settings_for(municipality)
    rules.below_threshold = BelowThreshold.OFFICER
    rules.save()
    with time_machine.travel(END + datetime.timedelta(days=1)):
        assert proposals_expire()["officer"] == 1
    assert status_of(proposal) == Status.IN_PREPARATION


def test_a_proposal_that_reached_the_threshold_is_never_closed(proposal):
    SignatureFactory.create_batch(3, proposal=proposal)  # the per-signature check never ran
    with time_machine.travel(END + datetime.timedelta(days=1)):
        assert proposals_expire() == {"threshold": 1, "closed": 0, "officer": 0}
        assert proposals_expire() == {"threshold": 0, "closed": 0, "officer": 0}
    assert status_of(proposal) == Status.THRESHOLD_REACHED
    assert ProposalCase.objects.filter(proposal=proposal).count() == 1


def test_the_periodic_run_catches_a_missed_threshold_before_the_end(proposal):
    SignatureFactory.create_batch(3, proposal=proposal)
    with time_machine.travel(END - datetime.timedelta(days=10)):
        assert proposals_expire()["threshold"] == 1
    assert status_of(proposal) == Status.THRESHOLD_REACHED


def test_other_statuses_and_routes_are_left_alone(municipality):
    past = END - datetime.timedelta(days=1)
    citizen = ProposalFactory(
        municipality=municipality, route=Route.CITIZEN_PROPOSAL, status=Status.RECEIVED, signing_ends_at=past
    )
    decided = ProposalFactory(municipality=municipality, status=Status.DECIDED, signing_ends_at=past)
    with time_machine.travel(END + datetime.timedelta(days=1)):
        proposals_expire()
    assert status_of(citizen) == Status.RECEIVED and status_of(decided) == Status.DECIDED


def test_command_and_task(proposal):
    out = io.StringIO()
    with time_machine.travel(END + datetime.timedelta(minutes=5)):
        call_command("proposals_expire", stdout=out)
        assert "closed: 1" in out.getvalue()
        result = proposals_expire_task.enqueue()
    assert result.return_value == {"threshold": 0, "closed": 0, "officer": 0, "threshold_mailings": 0, "mailed": 0}
    assert status_of(proposal) == Status.CLOSED_BELOW_THRESHOLD
