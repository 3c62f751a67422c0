"""Two-step verification at login: the code after the password, set-up forced for some roles, recovery codes."""

import pyotp
import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.urls import reverse

from delaktig.accounts import limits
from delaktig.accounts import services_twofactor as twofactor
from delaktig.accounts.models import RecoveryCode, TwoFactor
from delaktig.accounts.tests.factories import PASSWORD, UserFactory
from delaktig.accounts.tests.helpers import APP_SECRET, app_code, app_on
from delaktig.core.models import AuditEvent
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def password_step(client, user, **extra):
    return client.post(reverse("accounts:login"), {"email": user.email, "password": PASSWORD, **extra})


def code_step(client, code):
    return client.post(reverse("accounts:login_code"), {"code": code})


@pytest.fixture
def admin(municipality):
    user = UserFactory(email="alva@example.se")
    MembershipFactory(user=user, municipality=municipality, role=Role.ADMINISTRATOR)
    return user


def test_the_required_roles_are_roles_of_organisations():
    assert {Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER, Role.REGISTRAR} == twofactor.REQUIRED_ROLES


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER, Role.REGISTRAR])
def test_these_roles_require_it_and_others_do_not(municipality, role):
    required = UserFactory()
    MembershipFactory(user=required, municipality=municipality, role=role)
    officer = UserFactory()
    MembershipFactory(user=officer, municipality=municipality, role=Role.OFFICER)
    assert twofactor.two_factor_required(required)
    assert not twofactor.two_factor_required(officer) and not twofactor.two_factor_required(UserFactory())


def test_after_the_password_nobody_is_logged_in_until_the_code(client, admin):
    app_on(admin)
    response = password_step(client, admin, next="/exempel/")
    assert response["Location"] == reverse("accounts:login_code")
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("accounts:my_pages")).status_code == 302  # to the login page
    response = code_step(client, app_code())
    assert response.status_code == 302 and response["Location"] == "/exempel/"
    assert client.session["_auth_user_id"] == str(admin.pk)
    assert client.session["accounts_auth_factors"] == "password+totp"


def test_the_session_key_changes_at_the_password_and_again_at_the_code(client, admin):
    app_on(admin)
    client.get(reverse("accounts:login"))
    client.session.save()
    planted = client.cookies[settings.SESSION_COOKIE_NAME].value
    password_step(client, admin)
    after_password = client.cookies[settings.SESSION_COOKIE_NAME].value
    code_step(client, app_code())
    after_code = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert len({planted, after_password, after_code}) == 3


def test_a_wrong_code_is_refused_and_said_plainly(client, admin):
    app_on(admin)
    password_step(client, admin)
    response = code_step(client, "000000" if app_code() != "000000" else "111111")
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert "Koden stämmer inte" in response.content.decode()
    assert "_auth_user_id" not in client.session


@time_machine.travel("2026-12-05 12:00:10", tick=False)
def test_a_code_of_the_step_before_or_after_is_accepted(client, admin):
    app_on(admin)
    password_step(client, admin)
    assert code_step(client, app_code(steps_ahead=-1)).status_code == 302
    other = UserFactory()
    MembershipFactory(user=other, municipality=admin.memberships.first().municipality, role=Role.REGISTRAR)
    app_on(other)
    client.post(reverse("accounts:logout"))
    password_step(client, other)
    assert code_step(client, app_code(steps_ahead=1)).status_code == 302


@time_machine.travel("2026-12-05 12:00:10", tick=False)
def test_a_code_two_steps_away_is_refused(client, admin):
    app_on(admin)
    password_step(client, admin)
    assert code_step(client, app_code(steps_ahead=2)).status_code == 200
    assert code_step(client, app_code(steps_ahead=-2)).status_code == 200


@time_machine.travel("2026-12-05 12:00:05", tick=False)
def test_a_code_used_once_is_refused_the_second_time(client, admin):
    app_on(admin)
    password_step(client, admin)
    code = app_code()
    assert code_step(client, code).status_code == 302
    client.post(reverse("accounts:logout"))
    password_step(client, admin)
    response = code_step(client, code)  # replayed within the same 30 seconds
    assert response.status_code == 200 and "_auth_user_id" not in client.session


def test_the_second_step_is_throttled_per_account(client, admin):
    app_on(admin)
    password_step(client, admin)
    wrong = "000000" if app_code() != "000000" else "111111"
    for _ in range(limits.SECOND_STEP_LIMIT):
        code_step(client, wrong)
    response = code_step(client, app_code())  # even the right code now
    assert response.status_code == 429
    assert response.context["form"].non_field_errors().as_data()[0].code == "throttled"
    assert "Vänta 15 minuter" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_second_step_is_throttled_per_address(client, municipality):
    people = []
    for number in range(limits.SECOND_STEP_IP_LIMIT + 1):
        user = UserFactory(email=f"reg{number}@example.se")
        app_on(user)
        people.append(user)
    for user in people[: limits.SECOND_STEP_IP_LIMIT]:
        client.cookies.clear()
        password_step(client, user)
        code_step(client, "000000" if app_code() != "000000" else "111111")
    client.cookies.clear()
    password_step(client, people[-1])
    assert code_step(client, app_code()).status_code == 429


def test_a_pending_login_expires(client, admin):
    app_on(admin)
    password_step(client, admin)
    session = client.session
    session["accounts_pending_login"]["at"] -= 11 * 60
    session.save()
    response = code_step(client, app_code())
    assert response.status_code == 302 and response["Location"] == reverse("accounts:login")
    assert "_auth_user_id" not in client.session


def test_the_code_page_without_a_password_first_sends_to_login(client):
    assert client.get(reverse("accounts:login_code"))["Location"] == reverse("accounts:login")
    assert client.post(reverse("accounts:login_recovery"), {"code": "x"})["Location"] == reverse("accounts:login")


def test_a_resident_without_the_app_logs_in_with_the_password_alone(client, resident):
    response = client.post(reverse("accounts:login"), {"email": resident.email, "password": PASSWORD})
    assert response.status_code == 302 and client.session["accounts_auth_factors"] == "password"


def test_a_resident_who_turned_it_on_is_asked_for_the_code(client, resident):
    app_on(resident)
    response = client.post(reverse("accounts:login"), {"email": resident.email, "password": PASSWORD})
    assert response["Location"] == reverse("accounts:login_code")


def test_an_administrator_without_the_app_sets_it_up_before_anything_else(client, admin, municipality):
    response = password_step(client, admin, next=f"/{municipality.slug}/personal/")
    assert response["Location"] == reverse("accounts:two_factor_setup")
    assert "_auth_user_id" not in client.session
    page = client.get(reverse("accounts:two_factor_setup"))
    html = page.content.decode()
    secret = client.session["accounts_two_factor_setup"]["secret"]
    assert not TwoFactor.objects.filter(user=admin).exists()  # only this session knows the secret until confirmed
    assert twofactor.secret_for_reading(secret) in html and reverse("accounts:two_factor_qr") in html
    qr = client.get(reverse("accounts:two_factor_qr"))
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content and b"<script" not in qr.content
    code = pyotp.TOTP(secret).now()
    response = client.post(reverse("accounts:two_factor_setup"), {"code": code})
    assert response["Location"] == reverse("accounts:recovery_codes_show")
    assert client.session["_auth_user_id"] == str(admin.pk)
    codes_page = client.get(reverse("accounts:recovery_codes_show")).content.decode()
    codes = client.session["accounts_new_recovery_codes"]
    assert len(codes) == 10 and all(code in codes_page for code in codes)
    stored = RecoveryCode.objects.filter(user=admin)
    assert stored.count() == 10 and not any(code.replace("-", "") in row.code_hash for code in codes for row in stored)
    response = client.post(reverse("accounts:recovery_codes_show"))
    assert response["Location"] == f"/{municipality.slug}/personal/"
    assert "accounts_new_recovery_codes" not in client.session
    assert client.get(reverse("accounts:recovery_codes_show"))["Location"] == reverse("accounts:two_factor")
    assert AuditEvent.objects.filter(action="account.two_factor_on", municipality=municipality).count() == 1


def test_a_wrong_code_at_set_up_keeps_the_same_secret_in_the_session(client, admin):
    password_step(client, admin)
    client.get(reverse("accounts:two_factor_setup"))
    secret = client.session["accounts_two_factor_setup"]["secret"]
    response = client.post(reverse("accounts:two_factor_setup"), {"code": "12"})
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    client.get(reverse("accounts:two_factor_setup"))
    assert client.session["accounts_two_factor_setup"]["secret"] == secret and "_auth_user_id" not in client.session


def test_someone_else_with_the_password_never_sees_the_secret_that_is_confirmed(client, admin):
    """Two sessions that both know the password get different secrets; only the one confirmed counts."""
    intruder = Client()
    password_step(intruder, admin)
    intruder.get(reverse("accounts:two_factor_setup"))
    known = intruder.session["accounts_two_factor_setup"]["secret"]
    password_step(client, admin)
    client.get(reverse("accounts:two_factor_setup"))
    secret = client.session["accounts_two_factor_setup"]["secret"]
    assert secret != known
    client.post(reverse("accounts:two_factor_setup"), {"code": pyotp.TOTP(secret).now()})
    assert TwoFactor.objects.get(user=admin).secret == secret


def test_a_session_logged_in_with_a_password_alone_is_sent_to_set_up_when_given_a_role(client, resident, municipality):
    client.post(reverse("accounts:login"), {"email": resident.email, "password": PASSWORD})
    assert client.get(reverse("accounts:my_pages")).status_code == 200
    MembershipFactory(user=resident, municipality=municipality, role=Role.REGISTRAR)
    response = client.get(f"/{municipality.slug}/personal/")
    assert response.status_code == 302 and response["Location"] == reverse(
        "accounts:two_factor_setup", args=[municipality.slug]
    )
    assert client.get(reverse("accounts:two_factor_setup")).status_code == 200


def test_force_login_sessions_are_not_sent_anywhere(client, admin, municipality):
    client.force_login(admin)
    assert client.get(f"/{municipality.slug}/personal/").status_code == 200


def test_a_recovery_code_logs_in_once_and_is_audited(client, admin, municipality):
    app_on(admin)
    codes = twofactor.recovery_codes_create(user=admin, audit=False)
    password_step(client, admin)
    response = client.post(reverse("accounts:login_recovery"), {"code": codes[0].upper().replace("-", " ")})
    assert response.status_code == 302 and client.session["accounts_auth_factors"] == "password+recovery_code"
    assert AuditEvent.objects.filter(action="account.two_factor_recovery_code_used").count() == 1
    assert twofactor.recovery_codes_left(user=admin) == 9
    client.post(reverse("accounts:logout"))
    password_step(client, admin)
    response = client.post(reverse("accounts:login_recovery"), {"code": codes[0]})
    assert response.status_code == 200 and "_auth_user_id" not in client.session


def test_recovery_codes_share_the_throttle_with_the_app_codes(client, admin):
    app_on(admin)
    codes = twofactor.recovery_codes_create(user=admin, audit=False)
    password_step(client, admin)
    for _ in range(limits.SECOND_STEP_LIMIT):
        client.post(reverse("accounts:login_recovery"), {"code": "aaaaa-aaaaa"})
    response = client.post(reverse("accounts:login_recovery"), {"code": codes[1]})
    assert response.status_code == 429 and "_auth_user_id" not in client.session


def test_a_reset_link_does_not_skip_the_code(client, admin, django_capture_on_commit_callbacks):
    from delaktig.accounts.tests.helpers import NEW_PASSWORD, link_in, mails_to, path_of

    app_on(admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": admin.email})
    form_url = client.get(path_of(link_in(mails_to(admin.email)[0])))["Location"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response["Location"] == reverse("accounts:login_code")
    assert "_auth_user_id" not in client.session
    assert code_step(client, app_code()).status_code == 302


def test_the_secret_stays_out_of_other_pages(client, admin):
    app_on(admin)
    client.force_login(admin)
    assert APP_SECRET not in client.get(reverse("accounts:two_factor")).content.decode()
    assert client.get(reverse("accounts:two_factor_qr")).status_code == 404
