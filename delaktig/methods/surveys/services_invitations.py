"""Invitations to a survey: one-time personal links, mailed through the resumable mailings (delaktig.mailings).

`invitations_create` takes (e-mail address, group) pairs from anywhere: a list staff paste, a file, or a sample
drawn from a panel. An invitation without an address gets a link to print. Only a hash of each link's token is
stored; the link itself reaches the person through the mailing, which carries it in the one field it has per
recipient (the name, read as `{name}` in the message), and `sent_links_forget` blanks that field once the message
has gone. A reminder therefore gives each invitation not yet used a new link (the old one stops working).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from delaktig.core.audit import audit_record
from delaktig.mailings.models import Mailing, Recipient
from delaktig.mailings.services import mailing_create

from .models import Invitation, Survey
from .tokens import token_new

if TYPE_CHECKING:
    from delaktig.accounts.models import User

INVITATION, REMINDER = "surveys.invitation", "surveys.reminder"  # the mailings' purposes
LINK_MAX = 150  # what a mailing recipient's name field holds
STRATUM_MAX = 100


class InvitationsRefused(ValueError):
    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass
class InvitationsMade:
    created: int = 0
    skipped: int = 0  # addresses invited before, or twice in the list
    mailing: Mailing | None = None
    printed: list[tuple[str, str]] = field(default_factory=list)  # (group, link) of invitations without an address


def invitation_url(survey: Survey, token: str) -> str:
    path = reverse("surveys:invitation", args=[*survey.url_args(), token])
    return settings.SITE_URL.rstrip("/") + path


def invitations_create(
    *,
    survey: Survey,
    recipients: Iterable[tuple[str, str]],
    actor: User | None,
    message: str = "",
    now: datetime.datetime | None = None,
) -> InvitationsMade:
    """One invitation per (address, group); an address already invited to the survey is skipped. Those with an
    address get their link by e-mail (a mailing); the links of those without are returned to print, once."""
    made = InvitationsMade()
    seen = {email.lower() for email in survey.invitations.exclude(email="").values_list("email", flat=True)}
    pending: list[tuple[Invitation, str]] = []
    for email, stratum in recipients:
        email = (email or "").strip()
        if email and email.lower() in seen:
            made.skipped += 1
            continue
        seen.add(email.lower())
        token, hashed = token_new()
        invitation = Invitation(
            survey=survey,
            token_hash=hashed,
            email=email,
            stratum=" ".join((stratum or "").split())[:STRATUM_MAX],
            created_at=now or timezone.now(),
        )
        pending.append((invitation, token))
    links = [(invitation, invitation_url(survey, token)) for invitation, token in pending]
    _check_length(links)
    with transaction.atomic():
        Invitation.objects.bulk_create([invitation for invitation, _token in pending], batch_size=1000)
        mailed = [(invitation.email, link) for invitation, link in links if invitation.email]
        made.printed = [(invitation.stratum, link) for invitation, link in links if not invitation.email]
        made.created = len(pending)
        if mailed:
            made.mailing = _mailing(survey, actor, mailed, INVITATION, message)
        audit_record(
            municipality=survey.municipality,
            actor=actor,
            action="surveys.invitations_create",
            target=survey,
            data={"created": made.created, "mailed": len(mailed), "skipped": made.skipped},
        )
    return made


def _check_length(links: list[tuple[Invitation, str]]) -> None:
    if any(len(link) > LINK_MAX for _invitation, link in links):
        raise InvitationsRefused(
            _("The links are too long to be mailed from this installation's address (SITE_URL). Ask the administrator.")
        )


def _mailing(survey: Survey, actor: User | None, mailed: list[tuple[str, str]], purpose: str, message: str) -> Mailing:
    module = survey.module
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "survey": survey,
            "dialogue": module.dialogue,
            "municipality": survey.municipality,
            "message": message.strip(),
            "reminder": purpose == REMINDER,
            "link": "{name}",  # each recipient's own link, put in by the mailing
        }
        body = render_to_string("surveys/emails/invitation.txt", context)
        subject = (_("Reminder: %(title)s") if purpose == REMINDER else _("You are invited: %(title)s")) % {
            "title": survey.title
        }
    return mailing_create(
        municipality=survey.municipality,
        purpose=purpose,
        subject=subject,
        body=body,
        recipients=mailed,
        target=survey,
        actor=actor,
    )


def invitations_remind(*, survey: Survey, actor: User, message: str = "") -> Mailing | None:
    """Mail everyone invited by e-mail who has not answered a new link (the old one stops working)."""
    waiting = list(survey.invitations.filter(answered=False).exclude(email=""))
    if not waiting:
        return None
    links = []
    for invitation in waiting:
        token, invitation.token_hash = token_new()
        links.append((invitation, invitation_url(survey, token)))
    _check_length(links)
    with transaction.atomic():
        Invitation.objects.bulk_update(waiting, ["token_hash"], batch_size=1000)
        mailing = _mailing(survey, actor, [(i.email, link) for i, link in links], REMINDER, message)
        audit_record(
            municipality=survey.municipality,
            actor=actor,
            action="surveys.invitations_remind",
            target=survey,
            data={"mailed": len(links)},
        )
    return mailing


def invitation_find(*, survey: Survey, token: str) -> Invitation | None:
    from .tokens import token_hash

    return Invitation.objects.filter(survey=survey, token_hash=token_hash(token)).first()


def sent_links_forget() -> int:
    """Blank the links of invitation e-mails that have gone (or were refused): only the hashes stay (periodic)."""
    done = Q(sent_at__isnull=False) | ~Q(error="")
    recipients = Recipient.objects.filter(done, mailing__purpose__in=(INVITATION, REMINDER)).exclude(name="")
    return recipients.update(name="")
