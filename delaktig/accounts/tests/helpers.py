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
