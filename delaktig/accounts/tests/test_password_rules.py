"""The password rules ASVS V2.1 asks for: long passphrases with spaces and any letters, no composition rules,
common passwords refused, and storage as a slow salted hash."""

import pytest
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.urls import reverse

from delaktig.accounts.models import User

pytestmark = pytest.mark.django_db


def register(client, password):
    data = {"name": "Rut", "email": "rut@example.se", "password1": password, "password2": password}
    return client.post(reverse("accounts:register"), data)


def test_a_long_passphrase_with_spaces_and_any_letters_is_kept_whole(client):
    passphrase = ("Åtta älgar åt ögonblicksbilder vid sjön 🦌 " * 4)[:128]
    assert register(client, passphrase).status_code == 302
    user = User.objects.get(email="rut@example.se")
    assert user.check_password(passphrase) and not user.check_password(passphrase.strip()[:64])


def test_only_lowercase_letters_are_enough_when_long_and_uncommon(client):
    assert register(client, "kanelbullar mellan varven").status_code == 302


def test_a_common_password_is_refused():
    with pytest.raises(ValidationError):
        password_validation.validate_password("password123")


def test_production_stores_passwords_with_django_s_salted_pbkdf2():
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    import config.settings as production

    assert not hasattr(production, "PASSWORD_HASHERS")  # Django's default: PBKDF2-SHA256 first
    assert PBKDF2PasswordHasher.iterations >= 600_000
