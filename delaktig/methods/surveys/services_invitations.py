"""Invitations to a survey: one-time personal links, mailed through the resumable mailings (delaktig.mailings).

`invitations_create` takes (e-mail address, group) pairs from anywhere: a list staff paste, a file, or a sample
drawn from the citizen panel (`invitations_from_sample`). An invitation without an address gets a link to print.
Only a hash of each link's token is stored; the link itself reaches the person through the mailing, which carries
it among the recipient's own values (`{link}` in the message), and `sent_links_forget` blanks those once the message
has gone. A reminder therefore gives each invitation not yet used a new link (the old one stops working). Whoever
is a member of the citizen panel gets the panel's footer with their own link to leave it, invitation and reminder
alike.
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
from delaktig.panel.emails import mail_footers
from delaktig.panel.selectors import sample_invitees

from .models import Invitation, Survey
from .tokens import token_new

if TYPE_CHECKING:
    from delaktig.accounts.models import User

INVITATION, REMINDER = "surveys.invitation", "surveys.reminder"  # the mailings' purposes
STRATUM_MAX = 100


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


def invitations_from_sample(*, survey: Survey, sample, actor: User | None, message: str = "") -> InvitationsMade:
    """Invite the members of a citizen panel sample who are still active, each with their group (for the response
    rate per group). Members already invited to the survey are skipped."""
    made = invitations_create(survey=survey, recipients=sample_invitees(sample), actor=actor, message=message)
    audit_record(
        municipality=survey.municipality,
        actor=actor,
        action="surveys.invitations_from_sample",
        target=survey,
        data={"sample": sample.reference, "created": made.created, "skipped": made.skipped},
    )
    return made


def _mailing(survey: Survey, actor: User | None, mailed: list[tuple[str, str]], purpose: str, message: str) -> Mailing:
    module = survey.module
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "survey": survey,
            "dialogue": module.dialogue,
            "municipality": survey.municipality,
            "message": message.strip(),
            "reminder": purpose == REMINDER,
            "link": "{link}",  # each recipient's own link, put in by the mailing
            "footer": "{footer}",  # the panel's footer with the link to leave, for members of the citizen panel
        }
        body = render_to_string("surveys/emails/invitation.txt", context)
        subject = (_("Reminder: %(title)s") if purpose == REMINDER else _("You are invited: %(title)s")) % {
            "title": survey.title
        }
    footers = mail_footers(survey.municipality, [email for email, _link in mailed])
    recipients = [(email, "", {"link": link, "footer": "", **footers.get(email.lower(), {})}) for email, link in mailed]
    return mailing_create(
        municipality=survey.municipality,
        purpose=purpose,
        subject=subject,
        body=body,
        recipients=recipients,
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
    recipients = Recipient.objects.filter(done, mailing__purpose__in=(INVITATION, REMINDER)).exclude(values={})
    return recipients.update(values={})
