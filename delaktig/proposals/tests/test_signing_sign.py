"""Signing through the pages: open and closed, at once or by e-mail link, twice, and every bad link."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail, signing
from django.core.cache import cache
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.tests.factories import UserFactory
from delaktig.proposals.models import Signature, SignatureStatus, Status
from delaktig.proposals.selectors import settings_for
from delaktig.proposals.signatures._tokens import CONFIRM_SALT
from delaktig.proposals.tests.factories import ProposalFactory, SignatureFactory, collecting


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def proposal(municipality):
    return collecting(ProposalFactory(municipality=municipality), threshold=50)


def sign_url(proposal):
    return reverse("proposals:sign", args=[proposal.municipality.slug, proposal.pk])


def post_sign(client, proposal, email="anna@example.se", **extra):
    """Sign as a browser would; what runs after commit (the outbox's send) runs too."""
    data = {"name": "Anna Andersson", "email": email, "wants_updates": "on", **extra}
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(sign_url(proposal), data)


def confirm_link():
    """The path of the confirmation link in the last e-mail."""
    match = re.search(r"https?://[^/\s]+(/\S+/bekrafta/\S+/)", mail.outbox[-1].body)
    return match.group(1)


def test_form_shows_count_and_privacy_choice(client, proposal):
    response = client.get(sign_url(proposal))
    assert response.status_code == 200
    assert 'name="show_name"' in response.content.decode()
    assert response.context["form"]["wants_updates"].value() is True
    assert not response.context["form"]["show_name"].value()


def test_anonymous_signature_waits_for_the_link(client, proposal):
    response = post_sign(client, proposal, email=" Anna@Example.SE ")
    assert response.status_code == 302
    assert "status=pending" in response["Location"]
    signature = Signature.objects.get()
    assert signature.status == SignatureStatus.PENDING
    assert signature.signer_key == "anna@example.se"
    assert signature.email_domain == "example.se"
    assert signature.ip_address == "127.0.0.1"
    assert signature.show_name is False and signature.wants_updates is True
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["Anna@Example.SE"]
    page = client.get(response["Location"])
    assert "Kolla din e-post" in page.content.decode() or page.context["state"] == "pending"


def test_confirming_makes_it_count_and_reuse_says_thank_you(client, proposal):
    post_sign(client, proposal)
    link = confirm_link()
    page = client.get(link)
    assert page.status_code == 200 and page.context["state"] == "pending"
    assert Signature.objects.get().status == SignatureStatus.PENDING  # a GET (a mail scanner) confirms nothing
    response = client.post(link)
    assert response.status_code == 302 and "status=confirmed" in response["Location"]
    signature = Signature.objects.get()
    assert signature.status == SignatureStatus.VALID and signature.confirmed_at
    again = client.post(link)
    assert again.status_code == 200 and again.context["state"] == "already"
    assert client.get(link).context["state"] == "already"


def test_expired_link(client, proposal):
    post_sign(client, proposal)
    link = confirm_link()
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        response = client.post(link)
    assert response.status_code == 410 and response.context["state"] == "expired"
    assert Signature.objects.get().status == SignatureStatus.PENDING


@pytest.mark.parametrize("token", ["nonsense", "a" * 5000, "eyJzIjoxfQ:1abc:def", "%00"])
def test_tampered_or_broken_link(client, proposal, token):
    url = reverse("proposals:confirm_signature", args=[proposal.municipality.slug, "x"]).replace("/x/", f"/{token}/")
    for response in (client.get(url), client.post(url)):
        assert response.status_code in (400, 404)
    assert not Signature.objects.filter(status=SignatureStatus.VALID).exists()


def test_link_for_another_signature_key_is_refused(client, proposal):
    signature = SignatureFactory(proposal=proposal, status=SignatureStatus.PENDING, confirmed_at=None)
    forged = signing.TimestampSigner(salt=CONFIRM_SALT).sign_object({"s": signature.pk, "k": "0" * 16}, compress=True)
    response = client.post(reverse("proposals:confirm_signature", args=[proposal.municipality.slug, forged]))
    assert response.status_code == 404
    signature.refresh_from_db()
    assert signature.status == SignatureStatus.PENDING


def test_link_from_another_municipality_is_refused(client, proposal, other_municipality):
    post_sign(client, proposal)
    link = confirm_link().replace(proposal.municipality.slug, other_municipality.slug)
    assert client.post(link).status_code == 404


def test_link_for_a_closed_proposal(client, proposal):
    post_sign(client, proposal)
    link = confirm_link()
    proposal.status = Status.CLOSED_BELOW_THRESHOLD
    proposal.save()
    response = client.post(link)
    assert response.status_code == 200 and response.context["state"] == "closed"
    assert Signature.objects.get().status == SignatureStatus.PENDING


def test_link_for_an_invalidated_signature(client, proposal):
    post_sign(client, proposal)
    link = confirm_link()
    Signature.objects.update(status=SignatureStatus.INVALIDATED)
    response = client.post(link)
    assert response.context["state"] == "invalidated"
    assert Signature.objects.get().status == SignatureStatus.INVALIDATED


def test_signing_twice_anonymously_stores_one_and_tells_the_mailbox(client, proposal):
    post_sign(client, proposal)
    client.post(confirm_link())
    response = post_sign(client, proposal, email="ANNA@example.se")
    assert "status=check_email" in response["Location"]
    assert Signature.objects.count() == 1
    assert "redan skrivit under" in mail.outbox[-1].body or "already signed" in mail.outbox[-1].body
    assert client.get(response["Location"]).status_code == 200


def test_signing_twice_while_pending_sends_a_new_link(client, proposal):
    post_sign(client, proposal)
    post_sign(client, proposal)
    assert Signature.objects.count() == 1
    assert len(mail.outbox) == 2
    assert "/bekrafta/" in mail.outbox[1].body


def test_logged_in_with_enough_identity_signs_at_once(client, proposal, django_capture_on_commit_callbacks):
    user = UserFactory(email="Rut@Example.se", name="Rut", identity_level=IdentityLevel.EMAIL)
    client.force_login(user)
    form = client.get(sign_url(proposal)).context["form"]
    assert form.fields["email"].disabled and form["email"].value() == "Rut@Example.se"
    with django_capture_on_commit_callbacks(execute=True):
        response = post_sign(client, proposal, email="someone.else@example.se")
    assert "status=valid" in response["Location"]
    signature = Signature.objects.get()
    assert signature.status == SignatureStatus.VALID and signature.user == user
    assert signature.signer_key == "rut@example.se" and signature.confirmed_at
    assert mail.outbox == []
    assert client.get(sign_url(proposal)).context["already_signed"]
    again = post_sign(client, proposal)
    assert "status=already" in again["Location"]
    assert client.get(again["Location"]).context["state"] == "already"
    assert Signature.objects.count() == 1


def test_logged_in_below_the_identity_level_confirms_by_mail(client, proposal):
    rules = settings_for(proposal.municipality)
    rules.sign_identity_level = IdentityLevel.IN_PERSON
    rules.save()
    client.force_login(UserFactory(identity_level=IdentityLevel.EMAIL))
    response = post_sign(client, proposal)
    assert "status=pending" in response["Location"]
    assert Signature.objects.get().status == SignatureStatus.PENDING
    assert len(mail.outbox) == 1


def test_a_stricter_identity_level_applies_at_once_though_the_process_keeps_a_copy(client, proposal):
    client.force_login(UserFactory(identity_level=IdentityLevel.EMAIL, email="rut@example.se"))
    assert "status=valid" in post_sign(client, proposal)["Location"]  # the level is now this process's copy
    rules = settings_for(proposal.municipality)
    rules.sign_identity_level = IdentityLevel.IN_PERSON
    rules.save()
    client.force_login(UserFactory(identity_level=IdentityLevel.EMAIL, email="bo@example.se"))
    assert "status=pending" in post_sign(client, proposal)["Location"]


@pytest.mark.parametrize(
    "change",
    [
        {"status": Status.CLOSED_BELOW_THRESHOLD},
        {"status": Status.THRESHOLD_REACHED},
        {"signing_ends_at": timezone.now() - timedelta(seconds=1)},
        {"signing_starts_at": timezone.now() + timedelta(days=1)},
    ],
)
def test_closed_signing_gives_a_clear_page(client, proposal, change):
    for name, value in change.items():
        setattr(proposal, name, value)
    proposal.save()
    SignatureFactory.create_batch(2, proposal=proposal)
    for response in (client.get(sign_url(proposal)), post_sign(client, proposal)):
        assert response.status_code == 200
        assert response.context["count"] == 2
        assert "proposals/signing/closed.html" in [t.name for t in response.templates]
    assert Signature.objects.filter(email="anna@example.se").count() == 0


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.UNDER_REVIEW, Status.REJECTED, Status.WITHDRAWN])
def test_unpublished_proposals_cannot_be_signed(client, proposal, status):
    proposal.status = status
    proposal.save()
    assert client.get(sign_url(proposal)).status_code == 404
    assert post_sign(client, proposal).status_code == 404


def test_another_municipality_is_a_404(client, proposal, other_municipality):
    url = reverse("proposals:sign", args=[other_municipality.slug, proposal.pk])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"name": "", "email": "anna@example.se"},
        {"name": "Anna", "email": "not an address"},
        {"name": "A" * 5000, "email": "anna@example.se"},
        {"name": "<script>alert(1)</script>", "email": "a" * 300 + "@example.se"},
    ],
)
def test_bad_input_rerenders_with_errors(client, proposal, data):
    response = client.post(sign_url(proposal), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "<script>alert" not in response.content.decode()
    assert not Signature.objects.exists()


def test_wrong_method(client, proposal):
    assert client.put(sign_url(proposal)).status_code == 405
    done = reverse("proposals:sign_done", args=[proposal.municipality.slug, proposal.pk])
    assert client.post(done).status_code == 405
    assert client.get(done + "?status=<b>").status_code == 200


def test_disposable_domains_are_refused(client, proposal):
    for email in ("x@mailinator.com", "x@YOPMAIL.com", "x@sub.guerrillamail.com"):
        response = post_sign(client, proposal, email=email)
        assert response.status_code == 200
        assert "email" in response.context["form"].errors
    assert not Signature.objects.exists()


def test_rate_limit_per_ip(client, proposal, settings):
    settings.PROPOSAL_SIGN_RATE_PER_IP = 3
    for number in range(3):
        assert post_sign(client, proposal, email=f"p{number}@example.se").status_code == 302
    response = post_sign(client, proposal, email="p4@example.se")
    assert response.status_code == 429
    assert "För många underskrifter" in response.content.decode() or response.context["limit"] == "ip"
    assert Signature.objects.count() == 3
    other_ip = client.post(sign_url(proposal), {"name": "B", "email": "p5@example.se"}, REMOTE_ADDR="198.51.100.7")
    assert other_ip.status_code == 302


def test_rate_limit_per_domain_spares_webmail(client, proposal, settings):
    settings.PROPOSAL_SIGN_RATE_PER_DOMAIN = 2
    for number in range(2):
        client.post(
            sign_url(proposal), {"name": "B", "email": f"p{number}@bots.example"}, REMOTE_ADDR=f"192.0.2.{number}"
        )
    response = client.post(sign_url(proposal), {"name": "C", "email": "p9@bots.example"}, REMOTE_ADDR="192.0.2.99")
    assert response.status_code == 429 and response.context["limit"] == "domain"
    for number in range(4):
        ok = client.post(
            sign_url(proposal), {"name": "G", "email": f"g{number}@gmail.com"}, REMOTE_ADDR=f"203.0.113.{number}"
        )
        assert ok.status_code == 302
    assert Signature.objects.filter(email_domain="bots.example").count() == 2


@pytest.mark.parametrize(
    "data",
    [
        {"name": "Anna Andersson", "email": "anna@example.se", "wants_updates": "on"},
        {"name": "  Anna   Andersson ", "email": " anna@example.se ", "show_name": "on"},
        {"name": "", "email": "anna@example.se"},
        {"name": "   ", "email": "anna@example.se"},
        {"name": "A" * 151, "email": "anna@example.se"},
        {"name": "Anna", "email": "not-an-address"},
        {"name": "Anna", "email": "anna@mailinator.com"},
        {"name": "Anna"},
        {},
    ],
)
def test_the_quick_check_agrees_with_the_form(data):
    from delaktig.proposals.signatures._forms import SignForm

    form = SignForm(data)
    quick = SignForm.cleaned_or_none(data)
    assert (quick is not None) == form.is_valid()
    if quick is not None:
        assert quick == form.cleaned_data


def test_the_quick_check_takes_the_address_of_a_logged_in_signer(db):
    from delaktig.proposals.signatures._forms import SignForm

    user = UserFactory(email="kim@example.se")
    data = {"name": "Kim", "email": "someone-else@example.se"}
    assert SignForm.cleaned_or_none(data, user=user)["email"] == "kim@example.se"
    form = SignForm(data, user=user)
    assert form.is_valid() and form.cleaned_data["email"] == "kim@example.se"
