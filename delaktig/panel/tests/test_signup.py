"""Residents join through the sign-up page with the consent text, confirm by the e-mailed link, and get a receipt;
the form never tells who is in the panel; every e-mail carries a link to leave."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from delaktig.core.models import AuditEvent
from delaktig.organisations.models import Area
from delaktig.panel.models import PanelMember, Status

from .factories import PanelMemberFactory, open_panel

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Rut Resident",
    "email": "Rut@Example.se",
    "phone": "",
    "age_band": "18_29",
    "gender": "woman",
    "consent": "on",
}


def url(municipality, name="panel:signup", *args):
    return reverse(name, args=[municipality.slug, *args])


def link_in(message, part):
    return re.search(rf"https?://[^/\s]+(/\S*{part}\S*)", message.body).group(1)


@pytest.fixture
def panel(municipality):
    open_panel(municipality)
    return municipality


def test_the_sign_up_page_shows_the_consent_text_in_plain_swedish(client, panel):
    page = client.get(url(panel)).content.decode()
    assert "Så hanterar vi dina uppgifter" in page and "Dina svar på enkäterna är anonyma" in page
    assert "24 månader" in page and "18 år eller äldre" in page


def test_a_closed_panel_takes_no_sign_ups(client, municipality):
    response = client.get(url(municipality))
    assert "tar inte emot anmälningar" in response.content.decode()
    client.post(url(municipality), FORM)
    assert not PanelMember.objects.exists()


def test_a_bad_form_shows_the_error_summary_and_keeps_what_was_typed(client, panel):
    Area.objects.create(municipality=panel, name="Ekshärad")
    response = client.post(url(panel), {**FORM, "email": "inte-en-adress", "consent": ""})
    page = response.content.decode()
    assert response.status_code == 200 and "Något behöver rättas" in page
    assert "Skriv en e-postadress som namn@example.se." in page and "Kryssa i rutan" in page
    assert "Välj området där du bor." in page  # the area is asked when the municipality has areas
    assert 'value="Rut Resident"' in page and not PanelMember.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"age_band": "under_18"},
        {"age_band": "150"},
        {"gender": "robot"},
        {"phone": "ring mig"},
        {"name": "x" * 151},
        {"email": "a@" + "b" * 300 + ".se"},
    ],
)
def test_tampered_or_bad_values_are_refused_in_words(client, panel, changes):
    response = client.post(url(panel), {**FORM, **changes})
    assert response.status_code == 200 and "Något behöver rättas" in response.content.decode()
    assert not PanelMember.objects.exists()


def test_sign_up_confirm_and_receipt(client, panel, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(panel), FORM)
    assert response.status_code == 302 and response["Location"] == url(panel, "panel:signup_sent")
    member = PanelMember.objects.get()
    assert member.status == Status.PENDING and member.email == "rut@example.se" and member.consent_version == "2026-1"
    confirmation = mail.outbox[-1]
    assert confirmation.subject == "Bekräfta att du vill vara med i medborgarpanelen"
    assert "/medborgarpanel/lamna/" in confirmation.body  # the link to leave, in every e-mail
    assert confirmation.extra_headers["List-Unsubscribe"].startswith("<http")

    confirm = link_in(confirmation, "/bekrafta/")
    page = client.get(confirm)
    assert page.status_code == 200 and "rut@example.se" in page.content.decode()
    member.refresh_from_db()
    assert member.status == Status.PENDING  # opening the link (or an e-mail scanner) changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        receipt = client.post(confirm, follow=True)
    member.refresh_from_db()
    assert member.status == Status.ACTIVE and member.last_active_on is not None
    assert f"MP-{member.pk}" in receipt.content.decode() and "Vi har skickat ett kvitto" in receipt.content.decode()
    welcome = mail.outbox[-1]
    assert welcome.subject == f"Välkommen till medborgarpanelen (MP-{member.pk})"
    assert "/medborgarpanel/lamna/" in welcome.body and "/medborgarpanel/mina-uppgifter/" in welcome.body
    assert client.post(confirm).status_code == 302  # used twice: no harm
    assert [e.action for e in AuditEvent.objects.order_by("id")] == ["panel_member.signup", "panel_member.confirm"]


def test_an_address_in_the_panel_gets_an_e_mail_and_the_page_reveals_nothing(
    client, panel, django_capture_on_commit_callbacks
):
    PanelMemberFactory(municipality=panel, email="rut@example.se")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(panel), FORM)
    assert response["Location"] == url(panel, "panel:signup_sent")
    assert mail.outbox[-1].subject == "Du är redan med i medborgarpanelen"
    assert "/medborgarpanel/lamna/" in mail.outbox[-1].body
    assert PanelMember.objects.count() == 1


def test_signing_up_again_while_waiting_updates_and_sends_a_new_link(client, panel, django_capture_on_commit_callbacks):
    client.post(url(panel), FORM)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(panel), {**FORM, "age_band": "30_44"})
    member = PanelMember.objects.get()
    assert member.age_band == "30_44" and mail.outbox[-1].subject.startswith("Bekräfta")


def test_a_logged_in_resident_with_the_same_address_is_linked(client, panel, resident):
    client.force_login(resident)
    assert resident.name in client.get(url(panel)).content.decode()
    client.post(url(panel), {**FORM, "email": resident.email})
    assert PanelMember.objects.get().user == resident


def test_too_many_sign_ups_from_one_connection(client, panel, settings):
    from delaktig.panel.views import public

    for n in range(public.SIGNUP_LIMIT):
        client.post(url(panel), {**FORM, "email": f"rut{n}@example.se"})
    response = client.post(url(panel), {**FORM, "email": "one.more@example.se"})
    assert response.status_code == 200 and "För många anmälningar" in response.content.decode()
    assert PanelMember.objects.count() == public.SIGNUP_LIMIT


@pytest.mark.parametrize("token", ["nonsense", "a" * 300, "eyJtIjoxfQ:1abc:xyz"])
def test_a_bad_confirmation_link_is_explained_not_an_error(client, panel, token):
    response = client.get(url(panel, "panel:confirm", token))
    assert response.status_code == 200 and "Länken fungerar inte" in response.content.decode()
    assert client.post(url(panel, "panel:confirm", token)).status_code == 200


def test_a_link_works_only_under_its_own_municipality(client, panel, other_municipality):
    from delaktig.panel.tokens import link_token_make

    member = PanelMemberFactory(municipality=panel, status=Status.PENDING)
    token = link_token_make(member, "confirm")
    response = client.post(url(other_municipality, "panel:confirm", token))
    assert "Länken fungerar inte" in response.content.decode()
    member.refresh_from_db()
    assert member.status == Status.PENDING
