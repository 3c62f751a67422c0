"""My pages: change the password (current one required) and the e-mail address (confirmed from the new one)."""

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from delaktig.accounts.models import IdentityLevel, User
from delaktig.accounts.tests.factories import PASSWORD, UserFactory
from delaktig.accounts.tests.helpers import NEW_PASSWORD, link_in, mails_to, path_of
from delaktig.core.models import AuditEvent
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def url(name, municipality=None, *args):
    return reverse(name, args=[*([municipality.slug] if municipality else []), *args])


def change_password(client, capture, current=PASSWORD, new=NEW_PASSWORD, again=None, municipality=None):
    data = {"current_password": current, "new_password1": new, "new_password2": again or new}
    with capture(execute=True):
        return client.post(url("accounts:password_change", municipality), data)


def change_email(client, capture, email, password=PASSWORD, municipality=None):
    with capture(execute=True):
        return client.post(url("accounts:email_change", municipality), {"email": email, "current_password": password})


def confirm(client, capture, link):
    with capture(execute=True):
        return client.post(path_of(link))


@pytest.mark.parametrize(
    "name", ["accounts:password_change", "accounts:email_change", "accounts:email_change_sent", "accounts:my_pages"]
)
def test_not_logged_in_goes_to_the_municipalitys_login(client, municipality, name):
    response = client.get(url(name, municipality))
    assert response.status_code == 302
    assert response["Location"].startswith(url("accounts:login", municipality) + "?next=")
    assert client.post(url(name)).status_code in (302, 405)


def test_my_pages_links_to_both_changes(client, resident, municipality):
    client.force_login(resident)
    page = client.get(url("accounts:my_pages", municipality)).content.decode()
    assert url("accounts:password_change", municipality) in page and url("accounts:email_change", municipality) in page


# Password


def test_change_password(client, resident, municipality, django_capture_on_commit_callbacks):
    MembershipFactory(user=resident, municipality=municipality, role=Role.OFFICER)
    client.force_login(resident)
    response = change_password(client, django_capture_on_commit_callbacks, municipality=municipality)
    assert response.status_code == 302 and response["Location"] == url("accounts:my_pages", municipality)
    resident.refresh_from_db()
    assert resident.check_password(NEW_PASSWORD)
    assert client.get(response["Location"]).status_code == 200  # still logged in here
    assert [m.subject for m in mails_to(resident.email)] == ["Ditt lösenord är ändrat"]
    assert AuditEvent.objects.filter(municipality=municipality, action="account.password_change").count() == 1


def test_change_password_ends_other_sessions(client, resident, django_capture_on_commit_callbacks):
    from django.test import Client

    elsewhere = Client()
    elsewhere.force_login(resident)
    client.force_login(resident)
    change_password(client, django_capture_on_commit_callbacks)
    assert elsewhere.get(url("accounts:my_pages")).status_code == 302


def test_wrong_current_password_changes_nothing(client, resident, django_capture_on_commit_callbacks):
    client.force_login(resident)
    response = change_password(client, django_capture_on_commit_callbacks, current="fel lösenord")
    page = response.content.decode()
    assert response.status_code == 200 and 'class="error-summary"' in page and "Lösenordet är fel" in page
    resident.refresh_from_db()
    assert resident.check_password(PASSWORD) and mail.outbox == []


def test_new_password_must_match_and_follow_the_rules(client, resident, django_capture_on_commit_callbacks):
    client.force_login(resident)
    response = change_password(client, django_capture_on_commit_callbacks, again="en helt annan fras 2026")
    assert response.status_code == 200 and "inte likadana" in response.content.decode()
    response = change_password(client, django_capture_on_commit_callbacks, new="kort", again="kort")
    assert response.status_code == 200 and 'href="#id_new_password1"' in response.content.decode()
    resident.refresh_from_db()
    assert resident.check_password(PASSWORD)


def test_wrong_current_passwords_are_limited(client, resident, django_capture_on_commit_callbacks):
    client.force_login(resident)
    for _ in range(5):
        change_password(client, django_capture_on_commit_callbacks, current="fel lösenord")
    response = change_password(client, django_capture_on_commit_callbacks)
    assert "Vänta 15 minuter" in response.content.decode()
    resident.refresh_from_db()
    assert resident.check_password(PASSWORD)


# E-mail address


def test_change_email_from_start_to_end(client, municipality, django_capture_on_commit_callbacks, settings):
    settings.SITE_URL = "https://delaktig.example.se"
    user = UserFactory(email="gammal@example.se", identity_level=IdentityLevel.NONE)
    client.force_login(user)
    response = change_email(client, django_capture_on_commit_callbacks, "Ny@Example.se", municipality=municipality)
    assert response.status_code == 302 and response["Location"] == url("accounts:email_change_sent", municipality)
    sent = client.get(response["Location"]).content.decode()
    assert "ny@example.se" in sent and municipality.name in sent
    user.refresh_from_db()
    assert user.email == "gammal@example.se"  # nothing changes before the link is used

    [message] = mails_to("ny@example.se")
    link = link_in(message)
    assert link.startswith(f"https://delaktig.example.se/{municipality.slug}/konto/ny-e-post/")
    assert client.get(path_of(link)).status_code == 200  # a page with a button
    user.refresh_from_db()
    assert user.email == "gammal@example.se"

    response = confirm(client, django_capture_on_commit_callbacks, link)
    assert response.status_code == 302 and response["Location"] == url("accounts:my_pages", municipality)
    user.refresh_from_db()
    assert user.email == "ny@example.se" and user.identity_level == IdentityLevel.EMAIL
    assert [m.subject for m in mails_to("gammal@example.se")] == ["Din e-postadress är ändrad"]
    assert "ny@example.se" in mails_to("gammal@example.se")[0].body
    assert [m.subject for m in mails_to("ny@example.se")][-1] == "Din e-postadress är ändrad"
    assert AuditEvent.objects.filter(municipality=municipality, action="account.email_change").count() == 1

    client.logout()
    assert client.post(url("accounts:login"), {"email": "ny@example.se", "password": PASSWORD}).status_code == 302


def test_confirming_without_being_logged_in_leads_to_login(client, resident, django_capture_on_commit_callbacks):
    client.force_login(resident)
    change_email(client, django_capture_on_commit_callbacks, "ny@example.se")
    client.logout()
    response = confirm(client, django_capture_on_commit_callbacks, link_in(mails_to("ny@example.se")[0]))
    assert response.status_code == 302 and response["Location"] == url("accounts:login")
    resident.refresh_from_db()
    assert resident.email == "ny@example.se"


def test_wrong_password_or_same_address_changes_nothing(client, resident, django_capture_on_commit_callbacks):
    client.force_login(resident)
    response = change_email(client, django_capture_on_commit_callbacks, "ny@example.se", password="fel")
    assert response.status_code == 200 and "Lösenordet är fel" in response.content.decode()
    assert 'value="ny@example.se"' in response.content.decode()  # what was typed is kept
    response = change_email(client, django_capture_on_commit_callbacks, resident.email.upper())
    assert response.status_code == 200 and "redan din e-postadress" in response.content.decode()
    response = change_email(client, django_capture_on_commit_callbacks, "inte en adress")
    assert response.status_code == 200 and 'href="#id_email"' in response.content.decode()
    assert mail.outbox == []


def test_taken_address_reveals_nothing_and_tells_its_owner(client, resident, django_capture_on_commit_callbacks):
    owner = UserFactory(email="upptagen@example.se")
    client.force_login(resident)
    response = change_email(client, django_capture_on_commit_callbacks, "UPPTAGEN@example.se")
    assert response.status_code == 302 and response["Location"] == url("accounts:email_change_sent")
    [message] = mail.outbox
    assert message.to == [owner.email] and message.subject == "Din e-postadress har redan ett konto"
    assert "http" in message.body and "ny-e-post" not in message.body  # no link that could move anything
    resident.refresh_from_db()
    assert resident.email != "upptagen@example.se"


def test_address_taken_before_the_link_is_used(client, resident, django_capture_on_commit_callbacks):
    client.force_login(resident)
    change_email(client, django_capture_on_commit_callbacks, "ny@example.se")
    UserFactory(email="ny@example.se")
    response = confirm(client, django_capture_on_commit_callbacks, link_in(mails_to("ny@example.se")[0]))
    assert response.status_code == 400 and response.context["reason"] == "taken"
    assert "Ett annat konto använder redan" in response.content.decode()
    old = resident.email
    resident.refresh_from_db()
    assert resident.email == old


def test_expired_link(client, resident, django_capture_on_commit_callbacks):
    client.force_login(resident)
    with time_machine.travel("2026-11-23 10:00 +0000", tick=False):
        change_email(client, django_capture_on_commit_callbacks, "ny@example.se")
    link = link_in(mails_to("ny@example.se")[0])
    with time_machine.travel("2026-11-26 10:01 +0000", tick=False):
        response = confirm(client, django_capture_on_commit_callbacks, link)
    assert response.status_code == 400 and response.context["reason"] == "expired"
    assert url("accounts:email_change") in response.content.decode()  # a way to ask again
    resident.refresh_from_db()
    assert resident.email != "ny@example.se"


def test_used_link_and_an_older_link(client, resident, django_capture_on_commit_callbacks):
    client.force_login(resident)
    change_email(client, django_capture_on_commit_callbacks, "forsta@example.se")
    change_email(client, django_capture_on_commit_callbacks, "andra@example.se")
    second = link_in(mails_to("andra@example.se")[0])
    confirm(client, django_capture_on_commit_callbacks, second)
    response = confirm(client, django_capture_on_commit_callbacks, second)
    assert response.status_code == 200 and response.context["reason"] == "used"
    response = confirm(client, django_capture_on_commit_callbacks, link_in(mails_to("forsta@example.se")[0]))
    assert response.status_code == 400 and response.context["reason"] == "invalid"
    resident.refresh_from_db()
    assert resident.email == "andra@example.se"
    assert AuditEvent.objects.filter(action="account.email_change").count() == 0  # no municipality, no role


@pytest.mark.parametrize("token", ["nonsense", "a:b:c", "x" * 500, "eyJ1Ijo5OTl9:1tA:abc", "%00"])
def test_bad_links_never_give_500(client, token):
    for method in (client.get, client.post):
        assert method(url("accounts:email_change_confirm", None, token)).status_code == 400


def test_link_for_a_deleted_account_does_not_work(client, resident, django_capture_on_commit_callbacks):
    from delaktig.accounts.services import user_erase

    client.force_login(resident)
    change_email(client, django_capture_on_commit_callbacks, "ny@example.se")
    user_erase(user=resident)
    client.logout()
    response = confirm(client, django_capture_on_commit_callbacks, link_in(mails_to("ny@example.se")[0]))
    assert response.status_code == 400
    assert not User.objects.filter(email="ny@example.se").exists()


def test_links_to_a_new_address_are_limited(client, resident, django_capture_on_commit_callbacks):
    client.force_login(resident)
    for n in range(3):
        assert change_email(client, django_capture_on_commit_callbacks, f"ny{n}@example.se").status_code == 302
    response = change_email(client, django_capture_on_commit_callbacks, "ny9@example.se")
    assert response.status_code == 429 and "för många länkar" in response.content.decode()
    assert len(mail.outbox) == 3


def test_change_from_another_municipality_keeps_that_municipality(
    client, resident, municipality, other_municipality, django_capture_on_commit_callbacks
):
    MembershipFactory(user=resident, municipality=municipality, role=Role.OFFICER)
    client.force_login(resident)
    page = client.get(url("accounts:email_change", other_municipality)).content.decode()
    assert other_municipality.name in page and municipality.name not in page
    change_email(client, django_capture_on_commit_callbacks, "ny@example.se", municipality=other_municipality)
    link = link_in(mails_to("ny@example.se")[0])
    assert f"/{other_municipality.slug}/konto/ny-e-post/" in link
    confirm(client, django_capture_on_commit_callbacks, link)
    events = AuditEvent.objects.filter(action="account.email_change")
    assert {e.municipality_id for e in events} == {municipality.pk, other_municipality.pk}  # where it acted + role
