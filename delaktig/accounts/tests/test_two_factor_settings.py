"""Two-step verification on My pages (on, off, new recovery codes), an administrator's reset, and the demo's aid."""

import pyotp
import pytest
from django.urls import reverse

from delaktig.accounts import services_twofactor as twofactor
from delaktig.accounts.models import RecoveryCode, TwoFactor
from delaktig.accounts.services_credentials import PASSWORD_CHECK_LIMIT
from delaktig.accounts.tests.factories import PASSWORD, UserFactory
from delaktig.accounts.tests.helpers import app_on
from delaktig.core.models import AuditEvent
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_a_resident_turns_it_on_from_my_pages(client, resident):
    client.force_login(resident)
    page = client.get(reverse("accounts:my_pages")).content.decode()
    assert reverse("accounts:two_factor") in page
    assert reverse("accounts:two_factor_setup") in client.get(reverse("accounts:two_factor")).content.decode()
    client.get(reverse("accounts:two_factor_setup"))
    code = pyotp.TOTP(client.session["accounts_two_factor_setup"]["secret"]).now()
    response = client.post(reverse("accounts:two_factor_setup"), {"code": code})
    assert response["Location"] == reverse("accounts:recovery_codes_show")
    assert twofactor.two_factor_enabled(resident) and RecoveryCode.objects.filter(user=resident).count() == 10
    assert client.post(reverse("accounts:recovery_codes_show"))["Location"] == reverse("accounts:two_factor")


def test_turning_it_off_asks_for_the_password(client, resident):
    app_on(resident)
    twofactor.recovery_codes_create(user=resident, audit=False)
    client.force_login(resident)
    response = client.post(reverse("accounts:two_factor_off"), {"current_password": "fel"})
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert twofactor.two_factor_enabled(resident)
    response = client.post(reverse("accounts:two_factor_off"), {"current_password": PASSWORD})
    assert response["Location"] == reverse("accounts:two_factor")
    assert not TwoFactor.objects.filter(user=resident).exists() and not RecoveryCode.objects.filter(user=resident)


def test_the_password_asked_again_is_throttled(client, resident):
    app_on(resident)
    client.force_login(resident)
    for _ in range(PASSWORD_CHECK_LIMIT):
        client.post(reverse("accounts:two_factor_off"), {"current_password": "fel"})
    response = client.post(reverse("accounts:two_factor_off"), {"current_password": PASSWORD})
    assert response.context["form"].errors["current_password"][0].startswith("Du har skrivit fel lösenord för många")
    assert twofactor.two_factor_enabled(resident)


def test_someone_whose_role_requires_it_moves_to_a_new_phone_instead(client, municipality):
    registrar = UserFactory()
    MembershipFactory(user=registrar, municipality=municipality, role=Role.REGISTRAR)
    app_on(registrar)
    client.force_login(registrar)
    assert "Byt till en ny telefon" in client.get(reverse("accounts:two_factor")).content.decode()
    response = client.post(reverse("accounts:two_factor_off"), {"current_password": PASSWORD})
    assert response["Location"] == reverse("accounts:two_factor_setup")
    assert AuditEvent.objects.filter(action="account.two_factor_off", municipality=municipality).count() == 1


def test_new_recovery_codes_replace_the_old_ones(client, resident):
    app_on(resident)
    old = twofactor.recovery_codes_create(user=resident, audit=False)
    client.force_login(resident)
    response = client.post(reverse("accounts:recovery_codes_new"), {"current_password": PASSWORD})
    assert response["Location"] == reverse("accounts:recovery_codes_show")
    new = client.session["accounts_new_recovery_codes"]
    assert set(new).isdisjoint(old) and len(new) == 10
    assert not twofactor.recovery_code_use(user=resident, code=old[0])
    assert twofactor.recovery_code_use(user=resident, code=new[0])


@pytest.fixture
def colleague(municipality):
    user = UserFactory(email="rolf@example.se")
    MembershipFactory(user=user, municipality=municipality, role=Role.REGISTRAR)
    app_on(user)
    twofactor.recovery_codes_create(user=user, audit=False)
    return user


def reset_url(municipality, user):
    return reverse("organisations:two_factor_reset", args=[municipality.slug, user.pk])


def test_an_administrator_resets_a_colleagues_app_with_the_password_again(client, staff, municipality, colleague):
    admin = UserFactory()
    MembershipFactory(user=admin, municipality=municipality, role=Role.ADMINISTRATOR)
    client.force_login(admin)
    organisation = client.get(reverse("organisations:organisation", args=[municipality.slug])).content.decode()
    assert reset_url(municipality, colleague) in organisation
    response = client.post(reset_url(municipality, colleague), {"current_password": "fel"})
    assert response.status_code == 200 and twofactor.two_factor_enabled(colleague)
    response = client.post(reset_url(municipality, colleague), {"current_password": PASSWORD})
    assert response["Location"] == reverse("organisations:organisation", args=[municipality.slug])
    assert not TwoFactor.objects.filter(user=colleague).exists()
    event = AuditEvent.objects.get(action="account.two_factor_reset")
    assert event.actor == admin and event.target_id == colleague.pk and event.municipality == municipality


def test_only_administrators_reset_and_only_in_their_municipality(client, municipality, other_municipality, colleague):
    officer = UserFactory()
    MembershipFactory(user=officer, municipality=municipality, role=Role.OFFICER)
    client.force_login(officer)
    assert client.get(reset_url(municipality, colleague)).status_code == 403
    foreign_admin = UserFactory()
    MembershipFactory(user=foreign_admin, municipality=other_municipality, role=Role.ADMINISTRATOR)
    client.force_login(foreign_admin)
    assert client.get(reset_url(other_municipality, colleague)).status_code == 404


def test_django_admin_logs_in_through_the_sites_login(client):
    response = client.get("/django-admin/login/?next=/django-admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login") + "?next=%2Fdjango-admin%2F"
    assert client.get("/django-admin/")["Location"].startswith("/django-admin/login/")


def test_a_superuser_needs_the_second_step(client):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    response = client.post(reverse("accounts:login"), {"email": superuser.email, "password": PASSWORD})
    assert response["Location"] == reverse("accounts:two_factor_setup")


def test_the_demo_shows_the_current_code_only_for_its_own_accounts_while_it_runs(client, settings):
    from delaktig.demo import content

    demo = UserFactory(email="admin@hagfors.example")
    twofactor.demo_device_set(user=demo, secret=content.TOTP_SECRETS["admin"])
    real = UserFactory(email="alva@example.se")
    app_on(real)
    code = pyotp.TOTP(content.TOTP_SECRETS["admin"]).now()

    def second_step(user):
        client.cookies.clear()
        client.post(reverse("accounts:login"), {"email": user.email, "password": PASSWORD})
        return client.get(reverse("accounts:login_code")).content.decode()

    assert code not in second_step(demo)  # the demo is not running: no aid
    settings.EMAIL_BACKEND = "delaktig.demo.mail.DemoInboxBackend"
    page = second_step(demo)
    assert "Hjälp i demon" in page and code in page
    assert "Hjälp i demon" not in second_step(real)


def test_the_audit_events_have_words():
    from django.utils import translation

    from delaktig.core.audit import action_label

    with translation.override("sv"):
        assert action_label("account.two_factor_reset") == "Tvåstegsverifiering återställd av en administratör"
        assert action_label("account.two_factor_recovery_code_used") == "Inloggad med en reservkod"
