"""The identity level each proposal and signature was made with: stored at the time, shown on My pages, in my data."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import TestCase
from django.urls import reverse

from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.services import identity_level_raise, personal_data_collect
from delaktig.accounts.tests.factories import UserFactory
from delaktig.accounts.tests.helpers import my_pages, my_pages_queries, row_of
from delaktig.organisations.models import Decision
from delaktig.proposals.handling import proposal_submit
from delaktig.proposals.models import Route, Signature, SignatureStatus, Status
from delaktig.proposals.tests.factories import ProposalFactory, SignatureFactory, collecting

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def proposal(municipality):
    return collecting(ProposalFactory(municipality=municipality, title="Bättre belysning i parken"), threshold=50)


def post_sign(client, proposal, email="anna@example.se"):
    data = {"name": "Anna Andersson", "email": email, "wants_updates": "on"}
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(reverse("proposals:sign", args=[proposal.municipality.slug, proposal.pk]), data)


def test_a_logged_in_signature_keeps_the_level_the_signer_had(client, proposal):
    signer = UserFactory(identity_level=IdentityLevel.SUBSTANTIAL)
    client.force_login(signer)
    post_sign(client, proposal)
    signature = Signature.objects.get(proposal=proposal)
    assert signature.status == SignatureStatus.VALID
    assert signature.identity_level == IdentityLevel.SUBSTANTIAL


def test_raising_the_level_afterwards_leaves_the_signature_as_it_was(client, proposal):
    signer = UserFactory(identity_level=IdentityLevel.EMAIL)
    client.force_login(signer)
    post_sign(client, proposal)
    identity_level_raise(user=signer, level=IdentityLevel.SUBSTANTIAL)
    assert Signature.objects.get(proposal=proposal).identity_level == IdentityLevel.EMAIL


def test_a_signature_confirmed_by_the_link_gets_the_level_of_a_confirmed_address(client, proposal):
    post_sign(client, proposal, email="bo@example.se")
    signature = Signature.objects.get(proposal=proposal)
    assert signature.status == SignatureStatus.PENDING and signature.identity_level is None
    link = re.search(r"https?://[^/\s]+(/\S+/bekrafta/\S+/)", mail.outbox[-1].body).group(1)
    client.post(link)
    signature.refresh_from_db()
    assert signature.status == SignatureStatus.VALID
    assert signature.identity_level == IdentityLevel.EMAIL


def test_a_proposal_keeps_the_level_its_proposer_had(municipality):
    rut = UserFactory(identity_level=IdentityLevel.EMAIL)
    sent = proposal_submit(
        municipality=municipality,
        proposer=rut,
        route=Route.EPETITION,
        title="Fler bänkar",
        text="Fler bänkar längs älven.",
        proposer_name="Rut",
        submission_key="k1",
    )
    identity_level_raise(user=rut, level=IdentityLevel.SUBSTANTIAL)
    sent.refresh_from_db()
    assert sent.identity_level == IdentityLevel.EMAIL


def test_my_pages_show_each_signature_and_proposal_with_what_happened_and_the_level(client, municipality):
    rut = UserFactory(identity_level=IdentityLevel.SUBSTANTIAL)
    decision = Decision.objects.create(municipality=municipality, text="Kommunstyrelsen bifaller förslaget.")
    mine = ProposalFactory(
        municipality=municipality,
        proposer=rut,
        title="Mitt förslag om bad",
        status=Status.DECIDED,
        decision=decision,
        identity_level=IdentityLevel.EMAIL,
    )
    counted = collecting(ProposalFactory(municipality=municipality, title="Räknad underskrift"))
    SignatureFactory(proposal=counted, user=rut, status=SignatureStatus.VALID, identity_level=IdentityLevel.SUBSTANTIAL)
    withdrawn = ProposalFactory(municipality=municipality, title="Tillbakadraget förslag", status=Status.WITHDRAWN)
    SignatureFactory(proposal=withdrawn, user=rut, status=SignatureStatus.VALID, identity_level=IdentityLevel.EMAIL)
    waiting = collecting(ProposalFactory(municipality=municipality, title="Väntande underskrift"))
    SignatureFactory(proposal=waiting, user=rut, status=SignatureStatus.PENDING, identity_level=None)
    html = my_pages(client, rut, municipality)
    assert "Bekräftad e-postadress" in row_of(html, "Mitt förslag om bad")
    assert "Beslutat" in row_of(html, "Mitt förslag om bad") and "bifaller" in row_of(html, "Mitt förslag om bad")
    assert mine.get_absolute_url() in html
    assert "Räknas" in row_of(html, "Räknad underskrift") and "E-legitimation" in row_of(html, "Räknad underskrift")
    assert "drog tillbaka" in row_of(html, "Tillbakadraget förslag")
    assert "Inte registrerad" in row_of(html, "Väntande underskrift")


def test_my_pages_take_as_many_queries_for_many_signatures_as_for_one(client, municipality):
    rut = UserFactory()
    SignatureFactory(proposal=collecting(ProposalFactory(municipality=municipality)), user=rut, status="valid")
    ProposalFactory(municipality=municipality, proposer=rut)
    one = my_pages_queries(client, rut, municipality)
    for _ in range(4):
        SignatureFactory(proposal=collecting(ProposalFactory(municipality=municipality)), user=rut, status="valid")
        ProposalFactory(municipality=municipality, proposer=rut)
    assert my_pages_queries(client, rut, municipality) == one


def test_my_data_names_the_level_of_each_signature(municipality):
    rut = UserFactory()
    SignatureFactory(proposal=ProposalFactory(municipality=municipality), user=rut, identity_level=IdentityLevel.EMAIL)
    rows = personal_data_collect(user=rut)["activity"]["proposal_signatures"]
    assert rows[0]["identity_level"] == IdentityLevel.EMAIL
    assert rows[0]["identity_level_text"] == "Bekräftad e-postadress"
