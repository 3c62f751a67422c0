"""The e-mails the panel sends a member. Every one ends with the link to leave the panel (`selectors.opt_out_url`),
which works without login: the footer template `panel/emails/_footer.txt` is part of each of them."""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from . import selectors
from .models import IN_PANEL, PanelMember
from .tokens import CONFIRM_MAX_AGE, DATA_MAX_AGE


def _confirm(member):
    subject = _("Confirm that you want to be in the citizen panel")
    return subject, {"confirm_url": selectors.confirm_url(member), "days": CONFIRM_MAX_AGE.days}


def _already(member):
    return _("You are in the citizen panel already"), {"data_url": selectors.data_url(member)}


def _welcome(member):
    subject = _("Welcome to the citizen panel (%(reference)s)") % {"reference": member.reference}
    return subject, {"data_url": selectors.data_url(member)}


def _data(member):
    return _("Your data in the citizen panel"), {"data_url": selectors.data_url(member), "days": DATA_MAX_AGE.days}


KINDS = {"confirm": _confirm, "already": _already, "welcome": _welcome, "data": _data}


def member_message(member, kind) -> EmailMessage:
    """The e-mail of `kind` to `member`, with the link to leave in its footer and in a List-Unsubscribe header."""
    subject, context = KINDS[kind](member)
    leave = selectors.opt_out_url(member)
    context |= {"member": member, "municipality": member.municipality, "opt_out_url": leave}
    body = render_to_string(f"panel/emails/{kind}.txt", context)
    return EmailMessage(
        subject, body, settings.DEFAULT_FROM_EMAIL, [member.email], headers={"List-Unsubscribe": f"<{leave}>"}
    )


def mail_footers(municipality, emails: Iterable[str]) -> dict[str, dict[str, str]]:
    """The panel's footer for those of `emails` who are members still in the panel, for a mailing another part of
    the platform sends (a survey's invitations): {address in lower case: {"footer": the footer text with the
    member's own link to leave, "unsubscribe": that link}}. Others get nothing: they are not in the panel."""
    wanted = {email.strip().lower() for email in emails if email}
    members = (
        PanelMember.objects.filter(municipality=municipality, status__in=IN_PANEL)
        .exclude(email="")
        .annotate(address=Lower("email"))
        .filter(address__in=wanted)
        .select_related("municipality")
    )
    footers = {}
    for member in members:
        leave = selectors.opt_out_url(member)
        text = render_to_string("panel/emails/_footer.txt", {"municipality": member.municipality, "opt_out_url": leave})
        footers[member.address] = {"footer": text.strip("\n"), "unsubscribe": leave}
    return footers
