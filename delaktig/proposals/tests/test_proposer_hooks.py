"""My pages, the personal-data export and erasure for proposers and signers."""

import pytest
from django.urls import reverse

from delaktig.accounts import services as account_services
from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.tests.factories import UserFactory
from delaktig.proposals.models import Proposal, RegistryEntry, Signature, Status
from delaktig.proposals.selectors import signature_count
from delaktig.proposals.tests.factories import ProposalFactory, RegistryEntryFactory, SignatureFactory, collecting

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(municipality, resident):
    mine = ProposalFactory(municipality=municipality, proposer=resident, title="Mitt förslag", status=Status.REJECTED)
    RegistryEntryFactory(municipality=municipality, proposal=mine, sender_reference=resident.email)
    signed = collecting(ProposalFactory(municipality=municipality, title="Grannens förslag"))
    SignatureFactory(proposal=signed, user=resident, signer_key=resident.email, name="Rut R", show_name=True)
    by_email = collecting(ProposalFactory(municipality=municipality, title="Signerat utan inloggning"))
    SignatureFactory(proposal=by_email, signer_key=resident.email, name="Rut R")
    return mine, signed, by_email


def test_my_pages_lists_proposals_with_status_and_signatures(client, resident, activity):
    mine, signed, by_email = activity
    client.force_login(resident)
    page = client.get(reverse("accounts:my_pages")).content.decode()
    assert "Mitt förslag" in page and mine.get_absolute_url() in page
    assert str(mine.get_status_display()) in page
    assert "Grannens förslag" in page and signed.get_absolute_url() in page
    assert "Signerat utan inloggning" in page


def test_my_pages_without_proposals_has_no_section(client):
    client.force_login(UserFactory())
    assert client.get(reverse("accounts:my_pages")).status_code == 200


def test_unconfirmed_address_does_not_claim_signatures(client, municipality):
    user = UserFactory(identity_level=IdentityLevel.NONE)
    SignatureFactory(
        proposal=collecting(ProposalFactory(municipality=municipality, title="Någon annans")), signer_key=user.email
    )
    client.force_login(user)
    assert "Någon annans" not in client.get(reverse("accounts:my_pages")).content.decode()


def test_personal_data_has_proposals_and_signatures(resident, activity):
    data = account_services.personal_data_collect(user=resident)["activity"]
    assert [row["title"] for row in data["proposals"]] == ["Mitt förslag"]
    assert data["proposals"][0]["status_text"]
    assert sorted(row["proposal"] for row in data["proposal_signatures"]) == [
        "Grannens förslag",
        "Signerat utan inloggning",
    ]


def test_erasure_keeps_records_and_counts_but_not_the_person(resident, activity):
    mine, signed, by_email = activity
    account_services.user_erase(user=resident)
    mine = Proposal.objects.get(pk=mine.pk)
    assert mine.proposer is None and mine.proposer_name == ""
    assert mine.title == "Mitt förslag"
    assert RegistryEntry.objects.filter(proposal=mine).exists()
    for proposal in (signed, by_email):
        [signature] = Signature.objects.filter(proposal=proposal)
        assert signature.user is None and signature.name == "" and signature.email == ""
        assert not signature.show_name
        assert signature.signer_key.startswith("erased:") and "@" not in signature.signer_key
        assert signature_count(proposal) == 1
