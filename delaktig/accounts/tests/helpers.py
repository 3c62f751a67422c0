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
