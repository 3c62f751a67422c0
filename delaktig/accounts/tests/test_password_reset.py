"""Forgot your password: ask for a link, choose a new password, and every way the link can fail."""

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from delaktig.accounts.models import IdentityLevel, User
from delaktig.accounts.services import user_erase
from delaktig.accounts.tests.factories import PASSWORD, UserFactory
from delaktig.accounts.tests.helpers import NEW_PASSWORD, link_in, path_of
from delaktig.core.models import AuditEvent
from delaktig.organisations.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def ask(client, capture, email, municipality=None, ip="192.0.2.1"):
    url = reverse("accounts:password_reset", args=[municipality.slug] if municipality else [])
    with capture(execute=True):
        return client.post(url, {"email": email}, REMOTE_ADDR=ip)


def choose(client, capture, link, password=NEW_PASSWORD, again=None):
    response = client.get(path_of(link))
    assert response.status_code == 302 and response["Location"].endswith("/set-password/")
    with capture(execute=True):
        return client.post(response["Location"], {"new_password1": password, "new_password2": again or password})


def test_login_page_links_to_forgotten_password(client, municipality):
    assert reverse("accounts:password_reset") in client.get(reverse("accounts:login")).content.decode()
    page = client.get(reverse("accounts:login", args=[municipality.slug])).content.decode()
    assert reverse("accounts:password_reset", args=[municipality.slug]) in page
    assert "Glömt lösenordet?" in page


def test_reset_under_a_municipality_from_start_to_end(
    client, municipality, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://delaktig.example.se"
    user = UserFactory(email="rut@example.se", identity_level=IdentityLevel.NONE)
    page = client.get(reverse("accounts:password_reset", args=[municipality.slug])).content.decode()
    assert municipality.name in page and reverse("dialogues:list", args=[municipality.slug]) in page  # header, menu

    response = ask(client, django_capture_on_commit_callbacks, "Rut@Example.se", municipality)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_sent", args=[municipality.slug])
    sent = client.get(response["Location"]).content.decode()
    assert "rut@example.se" in sent and municipality.name in sent

    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["rut@example.se"]
    assert mail.outbox[0].subject == "Välj ett nytt lösenord"
    link = link_in(mail.outbox[0])
    assert link.startswith(f"https://delaktig.example.se/{municipality.slug}/konto/nytt-losenord/")

    form_page = client.get(client.get(path_of(link))["Location"])
    assert form_page.status_code == 200 and form_page.context["validlink"] and municipality.name in form_page.text
    assert path_of(link).split("/")[-2] not in form_page.text  # the token is not on the page

    response = choose(client, django_capture_on_commit_callbacks, link)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:my_pages", args=[municipality.slug])
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD) and user.identity_level == IdentityLevel.EMAIL
    assert client.get(response["Location"]).status_code == 200  # logged in
    receipt = mail.outbox[-1]
    assert receipt.to == ["rut@example.se"] and receipt.subject == "Ditt lösenord är ändrat"
    assert AuditEvent.objects.filter(municipality=municipality, action="account.password_reset").count() == 1


def test_unknown_address_gets_the_same_page_and_no_mail(client, django_capture_on_commit_callbacks):
    UserFactory(email="finns@example.se")
    response = ask(client, django_capture_on_commit_callbacks, "finns-inte@example.se")
    assert response.status_code == 302 and response["Location"] == reverse("accounts:password_reset_sent")
    page = client.get(response["Location"]).content.decode()
    assert "Om <strong>finns-inte@example.se</strong> har ett konto hos oss" in page
    assert mail.outbox == []


def test_deleted_account_gets_no_link(client, django_capture_on_commit_callbacks):
    user = UserFactory(email="borta@example.se")
    user_erase(user=user)
    ask(client, django_capture_on_commit_callbacks, "borta@example.se")
    assert mail.outbox == []


def test_form_errors_are_summarised_and_keep_what_was_typed(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "inte en adress"})
    page = response.content.decode()
    assert response.status_code == 200 and 'class="error-summary"' in page
    assert 'value="inte en adress"' in page and 'href="#id_email"' in page


def test_new_passwords_must_match_and_follow_the_rules(client, django_capture_on_commit_callbacks):
    user = UserFactory()
    ask(client, django_capture_on_commit_callbacks, user.email)
    link = link_in(mail.outbox[0])
    response = choose(client, django_capture_on_commit_callbacks, link, again="något annat helt 2026")
    assert response.status_code == 200 and "inte likadana" in response.content.decode()
    response = client.post(response.request["PATH_INFO"], {"new_password1": "kort", "new_password2": "kort"})
    assert response.status_code == 200 and 'class="error-summary"' in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_expired_link_says_so_and_offers_a_new_one(client, municipality, django_capture_on_commit_callbacks):
    user = UserFactory()
    with time_machine.travel("2026-11-23 10:00 +0000", tick=False):
        ask(client, django_capture_on_commit_callbacks, user.email, municipality)
    link = link_in(mail.outbox[0])
    with time_machine.travel("2026-11-24 10:01 +0000", tick=False):
        response = client.get(path_of(link))
    assert response.status_code == 400 and response.context["reason"] == "expired"
    page = response.content.decode()
    assert "mer än 24 timmar gammal" in page
    assert reverse("accounts:password_reset", args=[municipality.slug]) in page
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_used_link_does_not_work_again(client, django_capture_on_commit_callbacks):
    user = UserFactory()
    ask(client, django_capture_on_commit_callbacks, user.email)
    link = link_in(mail.outbox[0])
    choose(client, django_capture_on_commit_callbacks, link)
    client.logout()
    response = client.get(path_of(link))
    assert response.status_code == 400 and response.context["reason"] == "invalid"
    assert "redan använd" in response.content.decode()
    assert reverse("accounts:password_reset") in response.content.decode()


def test_set_password_page_without_a_link_does_not_work(client):
    user = UserFactory()
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(user.pk))
    response = client.post(
        reverse("accounts:password_reset_confirm", args=[uid, "set-password"]),
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 400
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


@pytest.mark.parametrize(
    ("uid", "token"),
    [("MQ", "nonsense"), ("!!", "abc-def"), ("x" * 300, "1-2"), ("MTIzNDU2Nzg5", "zzzzzzzzzzzzzzzz-1")],
)
def test_bad_links_never_give_500(client, uid, token):
    for method in (client.get, client.post):
        response = method(reverse("accounts:password_reset_confirm", args=[uid, token]))
        assert response.status_code == 400


def test_link_for_an_account_that_changed_address_does_not_work(client, django_capture_on_commit_callbacks):
    user = UserFactory()
    ask(client, django_capture_on_commit_callbacks, user.email)
    User.objects.filter(pk=user.pk).update(email="ny@example.se")
    assert client.get(path_of(link_in(mail.outbox[0]))).status_code == 400


def test_asking_is_limited_per_address_and_ip(client, django_capture_on_commit_callbacks):
    user = UserFactory()
    for _ in range(3):
        assert ask(client, django_capture_on_commit_callbacks, user.email).status_code == 302
    response = ask(client, django_capture_on_commit_callbacks, user.email)
    assert response.status_code == 429 and "för många gånger" in response.content.decode()
    assert len(mail.outbox) == 3
    assert ask(client, django_capture_on_commit_callbacks, "annan@example.se").status_code == 302


def test_asking_is_limited_per_address_from_anywhere(client, django_capture_on_commit_callbacks):
    user = UserFactory()
    for n in range(5):
        assert ask(client, django_capture_on_commit_callbacks, user.email, ip=f"198.51.100.{n}").status_code == 302
    assert ask(client, django_capture_on_commit_callbacks, user.email, ip="198.51.100.99").status_code == 429
    assert len(mail.outbox) == 5


def test_another_municipality_gets_its_own_pages_and_links(
    client, municipality, other_municipality, django_capture_on_commit_callbacks
):
    user = UserFactory()
    ask(client, django_capture_on_commit_callbacks, user.email, other_municipality)
    assert f"/{other_municipality.slug}/konto/nytt-losenord/" in link_in(mail.outbox[0])
    page = client.get(reverse("accounts:password_reset", args=[other_municipality.slug])).content.decode()
    assert other_municipality.name in page and municipality.name not in page


def test_unknown_or_closed_municipality_is_a_404(client):
    closed = MunicipalityFactory(is_active=False)
    assert client.get("/finns-inte/konto/glomt-losenord/").status_code == 404
    assert client.get(reverse("accounts:password_reset", args=[closed.slug])).status_code == 404
