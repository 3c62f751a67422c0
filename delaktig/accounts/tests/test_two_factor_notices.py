"""The holder of an account is told by e-mail when its two-step verification changes or is used in an unusual way
(OWASP ASVS 2.2.3, 2.5.5, 2.8.5; docs/security.md)."""

import pyotp
import pytest
from django.core import mail

from delaktig.accounts import services_twofactor as twofactor
from delaktig.accounts.tests.factories import UserFactory
from delaktig.accounts.tests.helpers import APP_SECRET, app_code, app_on

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    return UserFactory(email="alva@example.se", name="Alva")


def told(capture, action):
    with capture(execute=True):
        action()
    return [message for message in mail.outbox if message.to == ["alva@example.se"]]


def test_turning_it_on_and_off_and_new_codes_are_told(person, django_capture_on_commit_callbacks):
    secret = pyotp.random_base32()
    code = pyotp.TOTP(secret).now()
    sent = told(
        django_capture_on_commit_callbacks, lambda: twofactor.setup_confirm(user=person, secret=secret, code=code)
    )
    assert [m.subject for m in sent] == ["Tvåstegsverifiering är påslagen"]
    told(django_capture_on_commit_callbacks, lambda: twofactor.recovery_codes_create(user=person))
    told(django_capture_on_commit_callbacks, lambda: twofactor.two_factor_off(user=person))
    subjects = [m.subject for m in mail.outbox]
    assert subjects[1:] == ["Nya reservkoder", "Tvåstegsverifiering är avstängd"]
    assert "välj ett nytt lösenord" in mail.outbox[-1].body


def test_a_recovery_code_used_and_an_administrators_reset_are_told(
    person, django_capture_on_commit_callbacks, staff, municipality
):
    app_on(person)
    codes = twofactor.recovery_codes_create(user=person, audit=False)
    told(django_capture_on_commit_callbacks, lambda: twofactor.recovery_code_use(user=person, code=codes[0]))
    told(
        django_capture_on_commit_callbacks,
        lambda: twofactor.two_factor_reset(user=person, actor=staff, municipality=municipality),
    )
    assert [m.subject for m in mail.outbox] == ["En reservkod har använts", "Din tvåstegsverifiering har återställts"]


def test_a_code_sent_twice_is_refused_and_told(person, django_capture_on_commit_callbacks):
    app_on(person, APP_SECRET)
    code = app_code()
    assert told(django_capture_on_commit_callbacks, lambda: twofactor.code_verify(user=person, code=code)) == []
    with django_capture_on_commit_callbacks(execute=True):
        assert twofactor.code_verify(user=person, code=code) is False
    assert [m.subject for m in mail.outbox] == ["En kod användes två gånger"]
