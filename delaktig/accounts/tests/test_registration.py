import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from delaktig.accounts import tokens
from delaktig.accounts.models import IdentityLevel, User
from delaktig.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "en lång och bra fras 2026"


def register(client, capture, email="ny.person@example.se", **extra):
    data = {"name": "Ny Person", "email": email, "password1": PASSWORD, "password2": PASSWORD, **extra}
    with capture(execute=True):
        return client.post(reverse("accounts:register"), data)


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def path_of(link):
    return link.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def test_register_confirm_and_log_in(client, django_capture_on_commit_callbacks):
    response = register(client, django_capture_on_commit_callbacks, email="Ny.Person@Example.se")
    assert response.status_code == 302 and response["Location"] == reverse("accounts:register_done")
    user = User.objects.get(email="ny.person@example.se")
    assert user.identity_level == IdentityLevel.NONE
    assert "ny.person@example.se" in client.get(reverse("accounts:register_done")).content.decode()

    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ny.person@example.se"]
    confirm_path = path_of(link_in(mail.outbox[0]))
    assert client.get(confirm_path).status_code == 200  # a page with a button: following the link changes nothing
    user.refresh_from_db()
    assert user.identity_level == IdentityLevel.NONE

    response = client.post(confirm_path)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:my_pages")
    user.refresh_from_db()
    assert user.identity_level == IdentityLevel.EMAIL
    assert client.get(reverse("accounts:my_pages")).status_code == 200  # logged in

    client.post(reverse("accounts:logout"))
    response = client.post(reverse("accounts:login"), {"email": "ny.person@example.se", "password": PASSWORD})
    assert response.status_code == 302


def test_register_with_a_taken_address_reveals_nothing_and_tells_the_owner(client, django_capture_on_commit_callbacks):
    owner = UserFactory(email="finns@example.se")
    response = register(client, django_capture_on_commit_callbacks, email="FINNS@example.se")
    assert response.status_code == 302 and response["Location"] == reverse("accounts:register_done")
    assert User.objects.filter(email__iexact="finns@example.se").count() == 1
    assert mail.outbox[0].to == [owner.email]
    assert not re.search(r"/konto/bekrafta/[^/\s]+/", mail.outbox[0].body)  # no confirmation link for the visitor


def test_register_errors_keep_what_was_typed(client, django_capture_on_commit_callbacks):
    response = register(client, django_capture_on_commit_callbacks, password2="något annat helt 2026")
    html = response.content.decode()
    assert response.status_code == 200 and "error-summary" in html
    assert 'value="Ny Person"' in html and 'value="ny.person@example.se"' in html
    assert PASSWORD not in html
    assert "password2" in response.context["form"].errors
    assert not User.objects.exists() and not mail.outbox


def test_register_refuses_short_passwords(client, django_capture_on_commit_callbacks):
    response = register(client, django_capture_on_commit_callbacks, password1="kort", password2="kort")
    assert "password1" in response.context["form"].errors


@pytest.mark.parametrize(("password", "taken"), [("elva tecken", False), ("tolv tecken!", True)])
def test_a_password_needs_twelve_characters(client, django_capture_on_commit_callbacks, password, taken):
    """OWASP ASVS 2.1.1 (docs/security.md)."""
    response = register(client, django_capture_on_commit_callbacks, password1=password, password2=password)
    assert (response.status_code == 302) is taken


def test_expired_link_shows_a_page_with_a_resend_link(client):
    user = UserFactory(identity_level=IdentityLevel.NONE)
    with time_machine.travel(1_700_000_000, tick=False):
        token = tokens.confirmation_token_make(user)
    four_days_later = 1_700_000_000 + 4 * 24 * 3600
    with time_machine.travel(four_days_later, tick=False):
        response = client.post(reverse("accounts:confirm_email", args=[token]))
    assert response.status_code == 400
    assert response.context["reason"] == "expired"
    assert reverse("accounts:resend_confirmation") in response.content.decode()
    user.refresh_from_db()
    assert user.identity_level == IdentityLevel.NONE


def test_link_works_for_almost_three_days(client):
    user = UserFactory(identity_level=IdentityLevel.NONE)
    with time_machine.travel(1_700_000_000, tick=False):
        token = tokens.confirmation_token_make(user)
    with time_machine.travel(1_700_000_000 + 3 * 24 * 3600 - 60, tick=False):
        response = client.post(reverse("accounts:confirm_email", args=[token]))
    assert response.status_code == 302


@pytest.mark.parametrize("token", ["nonsense", "a:b:c", "x" * 500, "eyJ1Ijo5OTl9:1tA:abc", "%00"])
def test_bad_links_never_give_500(client, token):
    for method in (client.get, client.post):
        response = method(reverse("accounts:confirm_email", args=[token]))
        assert response.status_code == 400
        assert reverse("accounts:resend_confirmation") in response.content.decode()


def test_link_for_another_address_or_a_deleted_account_does_not_work(client):
    user = UserFactory(identity_level=IdentityLevel.NONE)
    token = tokens.confirmation_token_make(user)
    User.objects.filter(pk=user.pk).update(email="annan@example.se")
    assert client.post(reverse("accounts:confirm_email", args=[token])).status_code == 400
    User.objects.filter(pk=user.pk).update(email=user.email, is_active=False)
    assert client.post(reverse("accounts:confirm_email", args=[token])).status_code == 400


def test_reused_link_says_already_confirmed_and_does_not_log_in(client):
    user = UserFactory(identity_level=IdentityLevel.NONE)
    token = tokens.confirmation_token_make(user)
    assert client.post(reverse("accounts:confirm_email", args=[token])).status_code == 302
    client.post(reverse("accounts:logout"))
    response = client.post(reverse("accounts:confirm_email", args=[token]))
    assert response.status_code == 200 and response.context["reason"] == "used"
    assert "_auth_user_id" not in client.session


def test_confirming_never_lowers_a_higher_level(client):
    user = UserFactory(identity_level=IdentityLevel.SUBSTANTIAL)
    token = tokens.confirmation_token_make(user)
    client.post(reverse("accounts:confirm_email", args=[token]))
    user.refresh_from_db()
    assert user.identity_level == IdentityLevel.SUBSTANTIAL


def test_resend_does_not_reveal_whether_an_address_exists(client, django_capture_on_commit_callbacks):
    UserFactory(email="obekraftad@example.se", identity_level=IdentityLevel.NONE)
    UserFactory(email="bekraftad@example.se")
    pages = []
    for email in ("obekraftad@example.se", "bekraftad@example.se", "finns.inte@example.se"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("accounts:resend_confirmation"), {"email": email})
        assert response.status_code == 302 and response["Location"] == reverse("accounts:register_done")
        page = client.get(response["Location"]).content.decode().replace(email, "ADDRESS")
        pages.append(re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page))
    assert pages[0] == pages[1] == pages[2]
    assert [m.to for m in mail.outbox] == [["obekraftad@example.se"]]


def test_resend_is_limited(client, django_capture_on_commit_callbacks):
    UserFactory(email="obekraftad@example.se", identity_level=IdentityLevel.NONE)
    for _ in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("accounts:resend_confirmation"), {"email": "obekraftad@example.se"})
    assert len(mail.outbox) == 3


def test_resend_form_errors(client):
    response = client.post(reverse("accounts:resend_confirmation"), {"email": "inte en adress"})
    assert response.status_code == 200 and "error-summary" in response.content.decode()
