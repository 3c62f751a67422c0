"""Signing when the database fails mid-request: a stored signature always gets its thank-you page, and the
periodic command does the step that failed (the threshold, its mailing, the confirmation link) exactly once.

These tests run without a wrapping transaction (as a real request does), so what runs "after commit" runs
inside the request, where a failure used to become a 500.
"""

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import DataError, InterfaceError, OperationalError
from django.urls import reverse

from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.tests.factories import UserFactory
from delaktig.core import hookspecs as core_hooks
from delaktig.core.models import AuditEvent
from delaktig.mailings.models import Mailing
from delaktig.proposals.models import ProposalCase, Signature, SignatureStatus, Status
from delaktig.proposals.signatures import _outbox as services_outbox
from delaktig.proposals.signatures import _signing as services_signing
from delaktig.proposals.signatures import _tasks as tasks_signing
from delaktig.proposals.signatures import _thresholds
from delaktig.proposals.signatures._threshold_mailing import THRESHOLD_PURPOSE
from delaktig.proposals.signatures._thresholds import thresholds_recheck
from delaktig.proposals.tests.factories import ProposalFactory, SignatureFactory, collecting

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def proposal(municipality):
    return collecting(ProposalFactory(municipality=municipality), threshold=3)


def sign_url(proposal):
    return reverse("proposals:sign", args=[proposal.municipality.slug, proposal.pk])


def sign(client, proposal, email="anna@example.se"):
    return client.post(sign_url(proposal), {"name": "Anna Andersson", "email": email, "wants_updates": "on"})


def fails(error):
    def step(*args, **kwargs):
        raise error("server closed the connection unexpectedly" if error is not DataError else "invalid input syntax")

    return step


def periodic_job():
    call_command("proposals_expire", stdout=open("/dev/null", "w"))  # noqa: SIM115


def cases_and_events(proposal):
    reached = AuditEvent.objects.filter(action="proposal.reach_threshold", target_id=proposal.pk)
    return ProposalCase.objects.filter(proposal=proposal).count(), reached.count()


def threshold_mailings(proposal):
    return Mailing.objects.filter(purpose=THRESHOLD_PURPOSE, target_id=proposal.pk).count()


@pytest.fixture
def identified(client):
    client.force_login(UserFactory(email="rut@example.se", identity_level=IdentityLevel.EMAIL))
    return client


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_failing_threshold_check_still_thanks_the_signer_and_the_job_opens_the_case_once(
    identified, proposal, monkeypatch, error
):
    SignatureFactory.create_batch(2, proposal=proposal)
    monkeypatch.setattr(services_signing, "threshold_check", fails(error))
    response = sign(identified, proposal)
    assert response.status_code == 302, [t.name for t in response.templates]
    assert response["Location"].endswith("?status=valid")
    page = identified.get(response["Location"])
    assert page.status_code == 200 and page.context["state"] == "valid"
    assert Signature.objects.get(signer_key="rut@example.se").status == SignatureStatus.VALID
    assert cases_and_events(proposal) == (0, 0)
    monkeypatch.undo()
    periodic_job()
    periodic_job()
    assert cases_and_events(proposal) == (1, 1)
    assert threshold_mailings(proposal) == 1
    proposal.refresh_from_db()
    assert proposal.status == Status.THRESHOLD_REACHED


def test_thresholds_recheck_alone_opens_the_case_once(identified, proposal, monkeypatch):
    SignatureFactory.create_batch(2, proposal=proposal)
    monkeypatch.setattr(services_signing, "threshold_check", fails(OperationalError))
    assert sign(identified, proposal).status_code == 302
    monkeypatch.undo()
    assert thresholds_recheck() == {"threshold": 1, "mailings": 0}  # the case's own task made its mailing
    assert thresholds_recheck() == {"threshold": 0, "mailings": 0}
    assert cases_and_events(proposal) == (1, 1)
    assert threshold_mailings(proposal) == 1


class NoQueue:
    """A task whose queue is the database that has just gone away."""

    def enqueue(self, **kwargs):
        raise InterfaceError("connection already closed")


def periodic_runner_job():
    """The same run as `manage.py periodic` (make run) does it."""
    jobs = {name: job for found in core_hooks.periodic_jobs.implementations() for name, _every, job in found()}
    jobs["proposals_expire"]()


@pytest.mark.parametrize("run", [periodic_job, periodic_runner_job], ids=["proposals_expire", "periodic"])
def test_a_mailing_that_could_not_be_queued_is_made_up_once(identified, proposal, monkeypatch, run):
    SignatureFactory.create_batch(2, proposal=proposal)
    monkeypatch.setattr(_thresholds, "threshold_mailing_task", NoQueue())
    response = sign(identified, proposal)
    assert response.status_code == 302 and response["Location"].endswith("?status=valid")
    assert cases_and_events(proposal) == (1, 1)  # the case is committed; only its mailing failed
    assert threshold_mailings(proposal) == 0
    monkeypatch.undo()
    run()
    run()
    assert threshold_mailings(proposal) == 1
    assert cases_and_events(proposal) == (1, 1)


def test_a_failing_outbox_still_thanks_the_signer_and_the_job_mails_the_link_once(client, proposal, monkeypatch):
    monkeypatch.setattr(services_signing, "outbox_kick", fails(InterfaceError))
    response = sign(client, proposal)
    assert response.status_code == 302 and response["Location"].endswith("?status=pending")
    assert client.get(response["Location"]).status_code == 200
    signature = Signature.objects.get()
    assert signature.status == SignatureStatus.PENDING and signature.confirmation_mailed_at is None
    assert mail.outbox == []
    monkeypatch.undo()
    periodic_job()
    periodic_job()
    assert len(mail.outbox) == 1 and "/bekrafta/" in mail.outbox[0].body


def test_a_confirmation_whose_threshold_check_fails_is_confirmed_and_counted_later(client, proposal, monkeypatch):
    SignatureFactory.create_batch(2, proposal=proposal)
    sign(client, proposal)
    link = mail.outbox[-1].body.split("http://", 1)[1].split()[0]
    path = "/" + link.split("/", 1)[1]
    monkeypatch.setattr(services_signing, "threshold_check", fails(OperationalError))
    response = client.post(path)
    assert response.status_code == 302 and response["Location"].endswith("?status=confirmed")
    assert Signature.objects.get(signer_key="anna@example.se").status == SignatureStatus.VALID
    monkeypatch.undo()
    periodic_job()
    assert cases_and_events(proposal) == (1, 1)


def test_a_dead_connection_before_the_insert_is_replaced_and_the_signature_stored_once(client, proposal, monkeypatch):
    real = services_signing.insert_unless_taken
    calls = []

    def first_fails(*args):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real(*args)

    monkeypatch.setattr(services_signing, "insert_unless_taken", first_fails)
    response = sign(client, proposal)
    assert response["Location"].endswith("?status=pending")
    assert len(calls) == 2 and Signature.objects.count() == 1


@pytest.fixture
def database_away(monkeypatch):
    """Every statement fails as it does while PostgreSQL restarts; `database_away.undo()` brings it back."""
    from django.db.backends import utils

    def away(self, *args, **kwargs):
        raise OperationalError("the database system is shutting down")

    def on():
        monkeypatch.setattr(utils.CursorWrapper, "execute", away)
        monkeypatch.setattr(utils.CursorWrapper, "executemany", away)

    on.undo = monkeypatch.undo
    return on


def test_a_database_that_is_away_before_the_insert_asks_to_try_again(client, proposal, database_away):
    client.get(sign_url(proposal))  # this process remembers the proposal, as a busy one would
    database_away()
    response = sign(client, proposal)
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "Försök igen om en stund" in response.content.decode()
    database_away.undo()
    assert not Signature.objects.exists()
    assert sign(client, proposal)["Location"].endswith("?status=pending")  # trying again works


def test_input_the_database_refuses_is_still_the_visitors_error_not_a_try_again(client, proposal, monkeypatch):
    monkeypatch.setattr(services_signing, "insert_unless_taken", fails(DataError))
    assert sign(client, proposal).status_code == 400


def test_a_repeat_that_meets_a_database_fault_is_still_a_repeat(client, proposal, monkeypatch):
    sign(client, proposal)
    monkeypatch.setattr(services_signing, "_repeat_answered", fails(OperationalError))
    response = sign(client, proposal)
    assert response["Location"].endswith("?status=check_email")
    assert Signature.objects.count() == 1


def test_the_thank_you_page_shows_without_the_database(client, proposal, database_away):
    done = sign(client, proposal)["Location"]  # this process now remembers the proposal's signing window
    normal = client.get(done).content.decode()
    database_away()
    page = client.get(done)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Titta i din e-post" in normal and "Titta i din e-post" in text
    assert proposal.title in text


def test_a_kick_that_could_not_be_queued_lets_the_next_signer_of_the_slot_ask_again(db, settings, monkeypatch):

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = tasks_signing.confirmation_mails_task.get_backend()
    backend.clear()
    real_enqueue = type(backend).enqueue
    calls = []

    def first_fails(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise InterfaceError("connection already closed")
        return real_enqueue(self, *args, **kwargs)

    monkeypatch.setattr(type(backend), "enqueue", first_fails)
    with time_machine.travel(2_000_000.5, tick=False):
        assert services_signing.after_signature(services_outbox.outbox_kick) is None  # logged, not raised
        services_outbox.outbox_kick()
        services_outbox.outbox_kick()
    assert len(calls) == 2 and len(backend.results) == 1
