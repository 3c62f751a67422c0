"""Small helpers shared by the account tests."""

import re

from django.core import mail

NEW_PASSWORD = "en helt ny lång fras 2026"


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def path_of(link):
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


def mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def my_pages(client, user, municipality=None):
    """My pages as `user` sees it (under `municipality`'s address when given), as text."""
    from django.urls import reverse

    client.force_login(user)
    args = [municipality.slug] if municipality is not None else []
    response = client.get(reverse("accounts:my_pages", args=args))
    assert response.status_code == 200
    return response.content.decode()


def my_pages_queries(client, user, municipality=None):
    """How many database queries My pages takes for `user`: a method's test compares it for one and for several of
    the person's contributions, which must be the same (no query per row)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(user)
    my_pages(client, user, municipality)  # sessions, caches and content types read once
    with CaptureQueriesContext(connection) as queries:
        my_pages(client, user, municipality)
    return len(queries)


def row_of(html, title):
    """The text of the My pages table row whose first cell names `title` (tags removed, spaces squeezed)."""
    for row in re.findall(r"<tr>(.*?)</tr>", html, flags=re.S):
        if title in row:
            return " ".join(re.sub(r"<[^>]+>", " ", row).split())
    raise AssertionError(f"no row for {title!r} on My pages")


APP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # the tests' authenticator app


def app_on(user, secret=APP_SECRET):
    """Give `user` a confirmed authenticator app with a known secret."""
    from delaktig.accounts.services_twofactor import demo_device_set

    return demo_device_set(user=user, secret=secret)


def app_code(secret=APP_SECRET, *, steps_ahead=0):
    """The code the app shows now (or `steps_ahead` steps of 30 seconds later)."""
    import pyotp

    from delaktig.accounts.services_twofactor import STEP_SECONDS, current_step

    return pyotp.TOTP(secret).at((current_step() + steps_ahead) * STEP_SECONDS)
