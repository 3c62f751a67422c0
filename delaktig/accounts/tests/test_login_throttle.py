"""Password spraying: one address trying one password on many accounts is slowed down, others are not."""

import pytest
from django.urls import reverse

from delaktig.accounts import limits
from delaktig.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

ATTACKER, NEIGHBOUR = "203.0.113.7", "198.51.100.4"


def login(client, email, password, ip):
    return client.post(reverse("accounts:login"), {"email": email, "password": password}, REMOTE_ADDR=ip)


def spray(client, count):
    """One common password on `count` different accounts, from the attacker's address."""
    for number in range(count):
        response = login(client, f"person{number}@example.se", "Sommar2026!", ATTACKER)
        assert response.status_code == 200


def test_spraying_one_password_across_accounts_from_one_address_is_slowed(client):
    victim = UserFactory(email="victim@example.se")
    spray(client, limits.LOGIN_IP_LIMIT)
    response = login(client, victim.email, PASSWORD, ATTACKER)  # even a right password is refused now
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].non_field_errors().as_data()[0].code == "throttled"
    assert "för många misslyckade inloggningar från din uppkoppling" in html
    assert "_auth_user_id" not in client.session


def test_a_person_at_another_address_is_not_affected(client):
    spray(client, limits.LOGIN_IP_LIMIT + 3)
    person = UserFactory(email="rut@example.se")
    assert login(client, person.email, PASSWORD, NEIGHBOUR).status_code == 302


def test_a_few_mistakes_from_a_shared_address_block_nobody(client):
    person = UserFactory(email="rut@example.se")
    spray(client, limits.LOGIN_IP_LIMIT - 1)
    assert login(client, person.email, PASSWORD, ATTACKER).status_code == 302


def test_logging_in_to_an_own_account_does_not_reset_the_address_count(client):
    own = UserFactory(email="own@example.se")
    spray(client, limits.LOGIN_IP_LIMIT - 1)
    assert login(client, own.email, PASSWORD, ATTACKER).status_code == 302
    client.post(reverse("accounts:logout"))
    login(client, "another@example.se", "Sommar2026!", ATTACKER)
    response = login(client, own.email, PASSWORD, ATTACKER)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors().as_data()[0].code == "throttled"
