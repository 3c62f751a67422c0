"""My pages lists the person's signatures that wait for e-mail confirmation, with a button to mail the link again."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.tests.factories import UserFactory
from delaktig.proposals.models import Signature, SignatureStatus
from delaktig.proposals.tests.factories import ProposalFactory, SignatureFactory, collecting

pytestmark = pytest.mark.django_db


def pending(proposal, **fields):
    fields.setdefault("signer_key", fields.get("email") or "rut@example.se")
    return SignatureFactory(
        proposal=proposal,
        status=SignatureStatus.PENDING,
        confirmed_at=None,
        confirmation_mailed_at=timezone.now(),
        **fields,
    )


@pytest.fixture
def rut(db):
    return UserFactory(email="rut@example.se", name="Rut Resident")


@pytest.fixture
def waiting(municipality, rut):
    proposal = collecting(ProposalFactory(municipality=municipality, title="Fler bänkar i parken"))
    return pending(proposal)  # signed without logging in, with the address Rut has confirmed


def resend_url(signature):
    return reverse("proposals:signature_resend", args=[signature.proposal.municipality.slug, signature.proposal_id])


def resend(client, capture, signature, **data):
    with capture(execute=True):
        return client.post(resend_url(signature), data)


def test_my_pages_lists_pending_signatures_with_title_date_and_button(client, rut, waiting, municipality):
    client.force_login(rut)
    page = client.get(reverse("accounts:my_pages", args=[municipality.slug])).content.decode()
    assert "Underskrifter som väntar på att du bekräftar dem" in page
    assert "Fler bänkar i parken" in page and waiting.proposal.get_absolute_url() in page
    assert "Underskrivet " in page and str(timezone.localdate().year) in page
    assert resend_url(waiting) in page and "Skicka bekräftelselänken igen" in page
    assert municipality.name in page  # the municipality's header


def test_valid_signatures_are_not_listed_as_waiting(client, rut, municipality):
    SignatureFactory(proposal=collecting(ProposalFactory(municipality=municipality)), signer_key=rut.email, user=rut)
    client.force_login(rut)
    assert "Underskrifter som väntar" not in client.get(reverse("accounts:my_pages")).content.decode()


def test_signature_given_while_logged_in_with_an_unconfirmed_account_is_listed(client, municipality):
    user = UserFactory(email="ny@example.se", identity_level=IdentityLevel.NONE)
    signature = pending(collecting(ProposalFactory(municipality=municipality)), user=user, email="ny@example.se")
    client.force_login(user)
    assert resend_url(signature) in client.get(reverse("accounts:my_pages")).content.decode()


def test_unconfirmed_account_does_not_see_signatures_given_with_its_address(client, municipality):
    user = UserFactory(email="rut@example.se", identity_level=IdentityLevel.NONE)
    pending(collecting(ProposalFactory(municipality=municipality, title="Någon annans")))
    client.force_login(user)
    assert "Någon annans" not in client.get(reverse("accounts:my_pages")).content.decode()


def test_send_the_link_again(client, rut, waiting, municipality, django_capture_on_commit_callbacks):
    client.force_login(rut)
    back = reverse("accounts:my_pages", args=[municipality.slug])
    response = resend(client, django_capture_on_commit_callbacks, waiting, next=back)
    assert response.status_code == 302 and response["Location"] == back
    [message] = mail.outbox
    assert message.to == ["rut@example.se"]
    assert re.search(rf"/{municipality.slug}/forslag/bekrafta/\S+", message.body)
    waiting.refresh_from_db()
    assert waiting.confirmation_mailed_at is not None and waiting.status == SignatureStatus.PENDING
    assert "Vi har skickat länken igen till rut@example.se" in client.get(back).content.decode()


def test_going_back_only_to_this_site(client, rut, waiting, municipality, django_capture_on_commit_callbacks):
    client.force_login(rut)
    response = resend(client, django_capture_on_commit_callbacks, waiting, next="https://elak.example.com/")
    assert response["Location"] == reverse("accounts:my_pages", args=[municipality.slug])


def test_sending_again_is_limited(client, rut, waiting, django_capture_on_commit_callbacks):
    client.force_login(rut)
    for _ in range(4):
        resend(client, django_capture_on_commit_callbacks, waiting)
    assert len(mail.outbox) == 3
    assert "Vänta en timme" in client.get(reverse("accounts:my_pages")).content.decode()


def test_after_the_signing_period_there_is_no_button(client, rut, municipality, django_capture_on_commit_callbacks):
    proposal = collecting(ProposalFactory(municipality=municipality))
    proposal.signing_ends_at = timezone.now() - datetime.timedelta(minutes=1)
    proposal.save()
    signature = pending(proposal)
    client.force_login(rut)
    page = client.get(reverse("accounts:my_pages")).content.decode()
    assert resend_url(signature) not in page and "Tiden för att skriva under är slut" in page
    resend(client, django_capture_on_commit_callbacks, signature)
    assert mail.outbox == []


def test_not_logged_in_goes_to_login(client, waiting, municipality):
    response = client.post(resend_url(waiting))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login", args=[municipality.slug]) + "?next=")
    assert mail.outbox == []


def test_someone_elses_signature_is_a_404(client, waiting):
    client.force_login(UserFactory(email="annan@example.se"))
    assert client.post(resend_url(waiting)).status_code == 404


def test_a_confirmed_signature_is_a_404(client, rut, waiting):
    Signature.objects.filter(pk=waiting.pk).update(status=SignatureStatus.VALID)
    client.force_login(rut)
    assert client.post(resend_url(waiting)).status_code == 404


def test_another_municipalitys_address_is_a_404(client, rut, waiting, other_municipality):
    client.force_login(rut)
    url = reverse("proposals:signature_resend", args=[other_municipality.slug, waiting.proposal_id])
    assert client.post(url).status_code == 404
    assert client.get(resend_url(waiting)).status_code == 405
    assert mail.outbox == []
