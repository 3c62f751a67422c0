"""Every form that checks a secret or sends a link counts attempts per account and per address, says in Swedish
when to try again, and answers alike whether an account exists or not."""

import pytest
from django.urls import reverse

from delaktig.accounts import limits
from delaktig.accounts.services_credentials import PASSWORD_CHECK_LIMIT, RESET_IP_LIMIT
from delaktig.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_one_account_is_protected_from_guesses_spread_over_many_addresses(client):
    person = UserFactory(email="rut@example.se")
    for number in range(limits.LOGIN_ACCOUNT_LIMIT):
        ip = f"198.51.100.{number % 250}"
        client.post(reverse("accounts:login"), {"email": person.email, "password": "fel"}, REMOTE_ADDR=ip)
    response = client.post(reverse("accounts:login"), {"email": person.email, "password": PASSWORD})
    assert response.context["form"].non_field_errors().as_data()[0].code == "throttled"
    assert "Vänta en timme" in response.content.decode() and "_auth_user_id" not in client.session


def test_the_account_limit_answers_alike_for_an_address_without_account(client):
    UserFactory(email="rut@example.se")
    for email in ("rut@example.se", "finns.inte@example.se"):
        for number in range(limits.LOGIN_ACCOUNT_LIMIT):
            client.post(
                reverse("accounts:login"), {"email": email, "password": "fel"}, REMOTE_ADDR=f"203.0.113.{number}"
            )
    first = client.post(reverse("accounts:login"), {"email": "rut@example.se", "password": "x"}, REMOTE_ADDR="10.1.1.1")
    second = client.post(
        reverse("accounts:login"), {"email": "finns.inte@example.se", "password": "x"}, REMOTE_ADDR="10.1.1.2"
    )
    assert first.context["form"].non_field_errors() == second.context["form"].non_field_errors()


def test_confirmation_links_are_limited_per_address_with_a_message(client):
    for number in range(limits.RESEND_IP_LIMIT):
        client.post(reverse("accounts:resend_confirmation"), {"email": f"person{number}@example.se"})
    response = client.post(reverse("accounts:resend_confirmation"), {"email": "ny@example.se"})
    assert response.status_code == 429 and "Vänta en timme" in response.content.decode()
    assert 'value="ny@example.se"' in response.content.decode()


def test_password_links_are_limited_per_address(client):
    for number in range(RESET_IP_LIMIT):
        client.post(reverse("accounts:password_reset"), {"email": f"person{number}@example.se"})
    response = client.post(reverse("accounts:password_reset"), {"email": "ny@example.se"})
    assert response.status_code == 429 and "Vänta en timme" in response.content.decode()


def test_deleting_the_account_counts_wrong_passwords(client, resident):
    client.force_login(resident)
    for _ in range(PASSWORD_CHECK_LIMIT):
        client.post(reverse("accounts:delete_account"), {"password": "fel"})
    response = client.post(reverse("accounts:delete_account"), {"password": PASSWORD})
    assert response.status_code == 200 and "Vänta 15 minuter" in response.content.decode()
    resident.refresh_from_db()
    assert resident.is_active and resident.email
