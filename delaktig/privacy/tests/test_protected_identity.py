"""Protected identity (skyddade personuppgifter): one person who has proposed, signed and commented, protected by
a registrar through the confirmation page; the name is then on no page, feed, export or open data for others."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from delaktig.accounts.identity import display_name, name_shown
from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.models import AuditEvent
from delaktig.panel.models import PanelMember
from delaktig.panel.tests.factories import PanelMemberFactory
from delaktig.participation.services import comment_create, moderate
from delaktig.proposals.models import Route
from delaktig.proposals.signatures._signing import signature_sign
from delaktig.proposals.tests.factories import ProposalFactory, collecting

pytestmark = pytest.mark.django_db
NAME = "Hemlig Hedvigsdotter"


@pytest.fixture
def everything(municipality, staff):
    """The person has proposed, signed (name shown) and commented, and a staff action left them in the trail."""
    person = UserFactory(name=NAME, email="hemlig@example.se")
    own = collecting(ProposalFactory(municipality=municipality, proposer=person, proposer_name=NAME))
    other = collecting(ProposalFactory(municipality=municipality, title="Fler parkbänkar"))
    signature_sign(proposal=other, name=NAME, email=person.email, user=person, show_name=True)
    comment = comment_create(target=other, municipality=municipality, author=person, text="Bra!", premoderated=True)
    moderate(item=comment, actor=staff["moderator"], publish=True)
    AuditEvent.objects.create(
        municipality=municipality,
        actor=person,
        action="proposal.submit",
        target_type=ContentType.objects.get_for_model(own),
        target_id=own.pk,
    )
    PanelMemberFactory(municipality=municipality, email=person.email, name=NAME, status="active")
    return person, own, other


def protect(client, municipality, registrar, person):
    client.force_login(registrar)
    url = reverse("privacy:person_protect", args=[municipality.slug, person.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Skydda identiteten?" in page.content.decode()
    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 200 and "error-summary" in refused.content.decode()
    assert client.post(url, {"reason": "Beslut från Skatteverket"}).status_code == 302
    person.refresh_from_db()
    assert person.protected_identity


def public_urls(municipality, own, other):
    slug = municipality.slug
    return {
        "proposal list": reverse("proposals:list", args=[slug]),
        "own proposal": reverse("proposals:detail", args=[slug, own.pk]),
        "signed proposal": reverse("proposals:detail", args=[slug, other.pk]),
        "feed": reverse("proposals:feed", args=[slug]),
        "open data": reverse("opendata:dataset_list", args=[slug, "e-petitions"]),
        "open data csv": reverse("opendata:dataset_csv", args=[slug, "e-petitions"]),
    }


def body(response):
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_before_protection_the_name_is_shown(client, municipality, everything):
    person, own, other = everything
    assert NAME in body(client.get(public_urls(municipality, own, other)["own proposal"]))
    assert NAME in body(client.get(public_urls(municipality, own, other)["signed proposal"]))


@pytest.mark.parametrize(
    "page", ["proposal list", "own proposal", "signed proposal", "feed", "open data", "open data csv"]
)
def test_after_protection_no_public_page_export_or_api_names_the_person(client, municipality, staff, everything, page):
    person, own, other = everything
    protect(client, municipality, staff["registrar"], person)
    client.logout()
    response = client.get(public_urls(municipality, own, other)[page])
    assert response.status_code == 200
    assert NAME not in body(response) and person.email not in body(response)


def test_the_audit_log_shows_protected_identity_to_administrators(client, municipality, staff, everything):
    person, _own, _other = everything
    protect(client, municipality, staff["registrar"], person)
    client.force_login(staff["administrator"])
    page = body(client.get(reverse("privacy:audit_log", args=[municipality.slug])))
    assert NAME not in page and "Skyddad identitet" in page
    csv = body(client.get(reverse("privacy:audit_log_csv", args=[municipality.slug])))
    assert NAME not in csv and person.email not in csv


def test_protecting_is_audited_and_new_contributions_are_anonymous(client, municipality, staff, everything):
    person, _own, other = everything
    protect(client, municipality, staff["registrar"], person)
    event = AuditEvent.objects.get(action="person.protect")
    assert event.actor == staff["registrar"] and event.data["reason"] == "Beslut från Skatteverket"
    assert event.data["names_hidden"] == 4  # the proposal's name, the signature shown, the comment, the panel
    later = collecting(ProposalFactory(municipality=municipality, title="Belysning", route=Route.EPETITION))
    _outcome, signature = signature_sign(proposal=later, name=NAME, email=person.email, show_name=True)
    assert signature.show_name is False  # matched by the address, without logging in
    comment = comment_create(target=later, municipality=municipality, author=person, text="Ja", premoderated=True)
    assert comment.author_name == ""


def test_the_person_sees_their_own_name_and_others_do_not(resident):
    resident.protected_identity = True
    assert display_name(resident, resident) == resident.name
    assert display_name(resident, None) == "Skyddad identitet"
    assert name_shown(resident, "Rut") == ""


def test_lifting_the_protection_needs_the_confirmation_too(client, municipality, staff, everything):
    person, _own, _other = everything
    protect(client, municipality, staff["registrar"], person)
    url = reverse("privacy:person_protect", args=[municipality.slug, person.pk])
    assert "Ta bort skyddet?" in body(client.get(url))
    client.post(url, {"reason": "Skyddet har upphört"})
    person.refresh_from_db()
    assert not person.protected_identity and AuditEvent.objects.filter(action="person.unprotect").exists()


def test_an_officer_may_not_protect_and_another_municipalitys_person_is_404(
    client, municipality, other_municipality, staff, everything
):
    from delaktig.organisations.tests.factories import StaffOf

    person, _own, _other = everything
    client.force_login(staff["officer"])
    assert client.get(reverse("privacy:person_protect", args=[municipality.slug, person.pk])).status_code == 403
    client.force_login(StaffOf(other_municipality)["registrar"])
    url = reverse("privacy:person_protect", args=[other_municipality.slug, person.pk])
    assert client.get(url).status_code == 404 and client.post(url, {"reason": "x"}).status_code == 404


def test_the_register_extract_is_made_for_the_person_with_an_audit_event(client, municipality, staff, everything):
    person, _own, _other = everything
    client.force_login(staff["registrar"])
    page = body(client.get(reverse("privacy:person_extract", args=[municipality.slug, person.pk])))
    assert NAME in page and "Hur länge vi sparar uppgifterna" in page and "IP-adresser" in page
    data = client.get(reverse("privacy:person_extract_json", args=[municipality.slug, person.pk])).json()
    assert data["data"]["account"]["email"] == person.email and data["purposes"] and data["retention"]
    pdf = client.get(reverse("privacy:person_extract_pdf", args=[municipality.slug, person.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(action="person.register_extract", target_id=person.pk).count() == 3
    found = client.get(reverse("privacy:people", args=[municipality.slug]), {"q": person.email})
    assert NAME in body(found)


def test_the_citizen_panel_shows_staff_no_name_or_address_of_a_protected_member(
    client, municipality, staff, everything
):
    person, _own, _other = everything
    protect(client, municipality, staff["registrar"], person)
    client.force_login(staff["democracy_officer"])
    listed = body(client.get(reverse("panel:staff_members", args=[municipality.slug])))
    assert NAME not in listed and "Skyddad identitet" in listed
    row = PanelMember.objects.get(email=person.email)  # the panel row is matched by the address
    page = body(client.get(reverse("panel:staff_member", args=[municipality.slug, row.pk])))
    assert NAME not in page and person.email not in page and row.protected_identity
