"""My pages lists the person's open logins and ends every other one (OWASP ASVS 3.3.4, docs/security.md)."""

import pytest
from django.test import Client
from django.urls import reverse

from delaktig.accounts.models import LoginSession
from delaktig.accounts.tests.factories import PASSWORD
from delaktig.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def log_in(client, user, browser):
    response = client.post(
        reverse("accounts:login"), {"email": user.email, "password": PASSWORD}, HTTP_USER_AGENT=browser
    )
    assert response.status_code == 302
    return client


def test_each_login_is_listed_with_its_browser_and_this_one_marked(client, resident):
    log_in(client, resident, "Firefox på jobbet")
    log_in(Client(), resident, "Safari i telefonen")
    page = client.get(reverse("accounts:login_sessions")).content.decode()
    assert "Firefox på jobbet" in page and "Safari i telefonen" in page and "den här inloggningen" in page
    assert LoginSession.objects.filter(user=resident).count() == 2


def test_ending_the_others_asks_for_the_password_and_logs_them_out(client, resident):
    log_in(client, resident, "Firefox")
    phone = log_in(Client(), resident, "Safari")
    wrong = client.post(reverse("accounts:login_sessions"), {"current_password": "fel"})
    assert wrong.status_code == 200 and "current_password" in wrong.context["form"].errors
    assert phone.get(reverse("accounts:my_pages")).status_code == 200  # nothing ended yet
    response = client.post(reverse("accounts:login_sessions"), {"current_password": PASSWORD})
    assert response.status_code == 302
    assert phone.get(reverse("accounts:my_pages")).status_code == 302  # logged out
    assert client.get(reverse("accounts:my_pages")).status_code == 200
    assert list(LoginSession.objects.filter(user=resident).values_list("browser", flat=True)) == ["Firefox"]


def test_logging_out_forgets_the_login_and_a_login_ended_elsewhere_is_not_listed(client, resident):
    log_in(client, resident, "Firefox")
    other = log_in(Client(), resident, "Safari")
    other.post(reverse("accounts:logout"))
    assert list(LoginSession.objects.values_list("browser", flat=True)) == ["Firefox"]
    third = log_in(Client(), resident, "Edge")
    third.cookies.clear()  # its session ends without a logout …
    from django.contrib.sessions.models import Session

    Session.objects.exclude(session_key=client.session.session_key).delete()
    assert "Edge" not in client.get(reverse("accounts:login_sessions")).content.decode()  # … and is not listed


def test_ending_leaves_an_audit_event_in_the_persons_municipality(client, resident, municipality):
    from delaktig.organisations.models import Role
    from delaktig.organisations.tests.factories import MembershipFactory

    MembershipFactory(user=resident, municipality=municipality, role=Role.OFFICER)
    log_in(client, resident, "Firefox")
    client.post(reverse("accounts:login_sessions"), {"current_password": PASSWORD})
    assert AuditEvent.objects.filter(action="account.sessions_ended", municipality=municipality).exists()
