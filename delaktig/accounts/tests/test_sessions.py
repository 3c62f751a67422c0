"""Sessions: a new key at login, gone at logout, and an end after an idle or an absolute time (ASVS V3)."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from delaktig.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def log_in(client, user):
    return client.post(reverse("accounts:login"), {"email": user.email, "password": PASSWORD})


def session_key(client):
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def test_logging_in_gives_a_new_session_key(client, resident):
    client.get(reverse("accounts:login"))
    session = client.session
    session["planted"] = "by someone else"
    session.save()
    planted = session.session_key
    client.cookies[settings.SESSION_COOKIE_NAME] = planted
    log_in(client, resident)
    assert session_key(client) != planted
    assert not Session.objects.filter(session_key=planted).exists()


def test_logging_out_ends_the_session_on_the_server(client, resident):
    log_in(client, resident)
    old = session_key(client)
    client.post(reverse("accounts:logout"))
    assert not Session.objects.filter(session_key=old).exists()
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = old
    assert replay.get(reverse("accounts:my_pages")).status_code == 302  # the old cookie logs nobody in


def test_logging_out_needs_a_post(client, resident):
    log_in(client, resident)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert "_auth_user_id" in client.session


def test_a_login_ends_after_the_idle_time(client, resident):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        log_in(client, resident)
        assert client.get(reverse("accounts:my_pages")).status_code == 200
    idle = datetime.timedelta(seconds=settings.SESSION_IDLE_TIMEOUT + 5)
    with time_machine.travel(start + idle, tick=False):
        response = client.get(reverse("accounts:my_pages"))
        assert response.status_code == 302 and "_auth_user_id" not in client.session


def test_the_idle_time_is_at_most_30_minutes():
    assert settings.SESSION_IDLE_TIMEOUT <= 30 * 60  # OWASP ASVS 3.3.2, level 2 (docs/security.md)


def test_typing_in_a_form_keeps_the_login_and_the_page_knows_where_to_say_so(client, resident):
    """The page's script posts to accounts:keep_alive while someone types (static/js/delaktig.js)."""
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        log_in(client, resident)
        page = client.get(reverse("accounts:my_pages")).content.decode()
        assert f'data-keep-alive="{reverse("accounts:keep_alive")}"' in page
    almost = datetime.timedelta(seconds=settings.SESSION_IDLE_TIMEOUT - 60)
    with time_machine.travel(start + almost, tick=False):
        assert client.post(reverse("accounts:keep_alive")).status_code == 204
    with time_machine.travel(start + 2 * almost, tick=False):
        assert client.get(reverse("accounts:my_pages")).status_code == 200  # idle since the typing, not the page
    with time_machine.travel(start + 3 * almost + datetime.timedelta(seconds=120), tick=False):
        assert client.get(reverse("accounts:my_pages")).status_code == 302


def test_the_keep_alive_says_nothing_to_a_visitor_and_needs_a_post(client):
    assert client.post(reverse("accounts:keep_alive")).status_code == 204
    assert "data-keep-alive" not in client.get(reverse("accounts:login")).content.decode()
    assert client.get(reverse("accounts:keep_alive")).status_code == 405


def test_a_login_ends_after_the_absolute_time_however_active(client, resident):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        log_in(client, resident)
    step = datetime.timedelta(seconds=settings.SESSION_IDLE_TIMEOUT // 2)
    moment = start
    while moment - start < datetime.timedelta(seconds=settings.SESSION_ABSOLUTE_TIMEOUT - 60):
        moment += step
        with time_machine.travel(moment, tick=False):
            assert client.get(reverse("accounts:my_pages")).status_code == 200
    with time_machine.travel(start + datetime.timedelta(seconds=settings.SESSION_ABSOLUTE_TIMEOUT + 1), tick=False):
        assert client.get(reverse("accounts:my_pages")).status_code == 302


def test_the_session_cookie_is_http_only_and_same_site(client, resident):
    log_in(client, resident)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_a_login_by_a_confirmation_link_ends_in_time_too(client):
    from delaktig.accounts import tokens
    from delaktig.accounts.models import IdentityLevel
    from delaktig.accounts.tests.factories import UserFactory

    user = UserFactory(identity_level=IdentityLevel.NONE)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.post(reverse("accounts:confirm_email", args=[tokens.confirmation_token_make(user)]))
        assert client.session["_auth_user_id"] == str(user.pk)
    with time_machine.travel(start + datetime.timedelta(seconds=settings.SESSION_IDLE_TIMEOUT + 5), tick=False):
        assert client.get(reverse("accounts:my_pages")).status_code == 302
