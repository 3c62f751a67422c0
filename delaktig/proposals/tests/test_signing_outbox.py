"""The confirmation link goes out from the signatures themselves: once per signature, none skipped."""

import smtplib
import time
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from delaktig.proposals.models import Signature, SignatureStatus
from delaktig.proposals.signatures import _outbox, _sending
from delaktig.proposals.signatures import _signing as services_signing
from delaktig.proposals.tests.factories import ProposalFactory, SignatureFactory, collecting


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def proposal(municipality):
    return collecting(ProposalFactory(municipality=municipality), threshold=1000)


def sign(proposal, email, language="sv"):
    return services_signing.signature_sign(proposal=proposal, name="Anna", email=email, language=language)


def waiting(proposal, count):
    return SignatureFactory.create_batch(count, proposal=proposal, status=SignatureStatus.PENDING)


def test_signing_queues_no_task_per_signer_with_a_queue_that_can_wait(proposal, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from delaktig.proposals.signatures._tasks import confirmation_mails_task

    backend = confirmation_mails_task.get_backend()
    backend.clear()
    slot = int(time.time()) // _outbox.OUTBOX_SECONDS * _outbox.OUTBOX_SECONDS
    with time_machine.travel(slot + 0.5, tick=False):
        for number in range(20):
            outcome, _signature = sign(proposal, f"p{number}@example.se")
            assert outcome == services_signing.PENDING
            _outbox.outbox_kick()  # what each request does after commit
    queued = backend.results
    assert len(queued) == 1  # one send for the time slot, not one per signer
    assert queued[0].task.run_after.timestamp() == slot + _outbox.OUTBOX_SECONDS  # at the end of the slot
    assert Signature.objects.filter(confirmation_mailed_at__isnull=True).count() == 20
    assert mail.outbox == []


def test_the_send_mails_every_waiting_link_once(proposal):
    waiting(proposal, 5)
    assert _sending.confirmation_mails_send(batch=2) == 5
    assert len(mail.outbox) == 5
    assert sorted(message.to[0] for message in mail.outbox) == sorted(Signature.objects.values_list("email", flat=True))
    assert not Signature.objects.filter(confirmation_mailed_at__isnull=True).exists()
    assert _sending.confirmation_mails_send() == 0
    assert len(mail.outbox) == 5


def test_the_link_is_in_the_signers_language(proposal):
    sign(proposal, "anna@example.se", language="en")
    mail.outbox.clear()
    Signature.objects.update(confirmation_mailed_at=None)
    _sending.confirmation_mails_send()
    assert mail.outbox[0].subject == "Confirm your signature"
    assert "/bekrafta/" in mail.outbox[0].body


def test_a_send_that_dies_midway_leaves_the_batch_waiting(proposal):
    waiting(proposal, 4)
    real_send = _sending.confirmation_mail_send
    calls = []

    def dies_on_the_third(signature, language=None):
        calls.append(signature.pk)
        if len(calls) == 3:
            raise ConnectionError("mail server gone")
        return real_send(signature, language)

    patched = mock.patch("delaktig.proposals.signatures._sending.confirmation_mail_send", side_effect=dies_on_the_third)
    with patched, pytest.raises(ConnectionError):
        _sending.confirmation_mails_send()
    assert Signature.objects.filter(confirmation_mailed_at__isnull=True).count() == 4  # nothing stamped
    mail.outbox.clear()
    assert _sending.confirmation_mails_send() == 4  # the restarted send skips no one
    assert len({message.to[0] for message in mail.outbox}) == 4


def test_a_refused_address_does_not_hold_up_the_others(proposal):
    first, second = waiting(proposal, 2)
    real_send = _sending.confirmation_mail_send

    def refuse_first(signature, language=None):
        if signature.pk == first.pk:
            raise smtplib.SMTPRecipientsRefused({signature.email: (550, b"no such user")})
        return real_send(signature, language)

    with mock.patch("delaktig.proposals.signatures._sending.confirmation_mail_send", side_effect=refuse_first):
        assert _sending.confirmation_mails_send() == 2
    assert [message.to for message in mail.outbox] == [[second.email]]
    assert not Signature.objects.filter(confirmation_mailed_at__isnull=True).exists()


def test_a_link_for_a_closed_proposal_is_not_sent_but_leaves_the_outbox(proposal):
    waiting(proposal, 1)
    proposal.signing_ends_at = timezone.now() - timezone.timedelta(minutes=1)
    proposal.save()
    assert _sending.confirmation_mails_send() == 1
    assert mail.outbox == []
    assert not _sending.outbox_waiting().exists()


def test_valid_and_paper_signatures_are_not_in_the_outbox(proposal):
    SignatureFactory(proposal=proposal, status=SignatureStatus.VALID)
    SignatureFactory(proposal=proposal, status=SignatureStatus.PENDING, channel="paper")
    assert _sending.confirmation_mails_send() == 0
    assert mail.outbox == []


def test_the_periodic_command_empties_the_outbox(proposal):
    waiting(proposal, 3)
    out = mock.Mock()
    with mock.patch("sys.stdout", out):
        call_command("proposals_expire", stdout=out)
    assert "confirmation links sent: 3" in "".join(call.args[0] for call in out.write.call_args_list)
    assert len(mail.outbox) == 3


def test_the_sign_form_shows_the_closed_page_at_once_after_the_status_changes(client, proposal):
    url = reverse("proposals:sign", args=[proposal.municipality.slug, proposal.pk])
    data = {"name": "Anna", "email": "anna@example.se", "wants_updates": "on"}
    assert client.post(url, data).status_code == 302  # the window is now kept by this process
    proposal.status = "withdrawn"
    proposal.save()
    response = client.post(url, {**data, "email": "bo@example.se"})
    assert response.status_code == 404  # a withdrawn proposal is not public; not signed
    assert Signature.objects.count() == 1


def test_a_signature_in_a_rush_costs_one_insert(client, proposal):
    url = reverse("proposals:sign", args=[proposal.municipality.slug, proposal.pk])
    data = {"name": "Anna", "email": "anna@example.se", "wants_updates": "on"}
    client.post(url, data)  # the first signer loads the municipality and the window
    with CaptureQueriesContext(connection) as captured:
        assert client.post(url, {**data, "email": "bo@example.se"}).status_code == 302
    # The test's own transaction adds savepoints; outside a transaction the INSERT is a statement of its own.
    statements = [query["sql"].split()[0] for query in captured.captured_queries if "SAVEPOINT" not in query["sql"]]
    assert statements == ["INSERT"]


def test_the_window_is_read_again_when_it_is_old(client, proposal, settings):
    settings.PROPOSAL_SIGN_WINDOW_SECONDS = 0
    url = reverse("proposals:sign", args=[proposal.municipality.slug, proposal.pk])
    data = {"name": "Anna", "email": "anna@example.se", "wants_updates": "on"}
    assert client.post(url, data).status_code == 302
    type(proposal).objects.filter(pk=proposal.pk).update(status="withdrawn")  # as another process would
    assert client.post(url, {**data, "email": "bo@example.se"}).status_code == 404
