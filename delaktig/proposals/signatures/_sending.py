"""Sending the confirmation links waiting in the outbox (see _outbox.py), and a single one again."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models import Signature, SignatureStatus
from ._periods import confirmation_open
from ._tokens import confirmation_token_make

logger = logging.getLogger(__name__)
BATCH = 200


def outbox_waiting():
    return Signature.objects.filter(
        status=SignatureStatus.PENDING, confirmation_mailed_at__isnull=True, channel="online"
    ).order_by("pk")


def confirmation_mails_send(*, batch=BATCH):
    """Mail every waiting confirmation link; returns how many signatures were handled."""
    handled = 0
    while True:
        done = _send_batch(batch)
        handled += done
        if done < batch:
            return handled


@transaction.atomic
def _send_batch(batch):
    rows = list(
        outbox_waiting()
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("proposal__municipality")[:batch]
    )
    for signature in rows:
        if signature.email:
            _send_one(signature)
    if rows:
        Signature.objects.filter(pk__in=[row.pk for row in rows]).update(confirmation_mailed_at=timezone.now())
    return len(rows)


def _send_one(signature):
    """A refused address is logged and stamped; any other failure (the mail server is down) is raised, so the
    batch rolls back and waits for the next send."""
    try:
        confirmation_mail_send(signature)
    except smtplib.SMTPRecipientsRefused:
        logger.warning("Confirmation e-mail refused for signature %s", signature.pk)


def confirmation_mail_send(signature, language=None):
    """The link for a pending signature, or a note that a valid one already counts. Sends nothing otherwise."""
    proposal = signature.proposal
    pending = signature.status == SignatureStatus.PENDING
    if not (pending and confirmation_open(proposal)) and signature.status != SignatureStatus.VALID:
        return False
    site = settings.SITE_URL.rstrip("/")
    with translation.override(language or signature.language or settings.LANGUAGE_CODE):
        context = {
            "signature": signature,
            "proposal": proposal,
            "municipality": proposal.municipality,
            "url": site + proposal.get_absolute_url(),
            "days": int(getattr(settings, "PROPOSAL_SIGN_CONFIRM_DAYS", 7)),
        }
        if pending:
            token = confirmation_token_make(signature)
            context["confirm_url"] = site + reverse(
                "proposals:confirm_signature", args=[proposal.municipality.slug, token]
            )
            subject = _("Confirm your signature")
            body = render_to_string("proposals/signing/emails/confirm.txt", context)
        else:
            subject = _("You have already signed this proposal")
            body = render_to_string("proposals/signing/emails/already_signed.txt", context)
    send_mail(subject, body, None, [signature.email])
    return True
