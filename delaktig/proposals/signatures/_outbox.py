"""Confirmation e-mails for pending signatures, sent from the signatures themselves.

A pending online signature with no `confirmation_mailed_at` is waiting for its link: the signature row is the
outbox, so signing stores one row and queues nothing per signer. After commit, the signing request asks for
a send (`outbox_kick`): with a queue that can run a task later (the database queue), one task is queued per
time slot of OUTBOX_SECONDS for the end of that slot, so every signature committed within the slot is sent
by a task that starts after it; a queue that runs tasks at once (tests) sends at once. `proposals_expire`,
run every few minutes, also empties the outbox, so a lost kick delays a mail, it never drops one.

The sender locks a batch (SKIP LOCKED on PostgreSQL, so several workers share the work), mails each and
stamps the batch in the same transaction. A worker killed in the middle of a batch rolls the stamps back,
and that batch is mailed again: a confirmation link may arrive twice, never not at all.
"""

import logging
import math
import smtplib
import time
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from delaktig.core.memo import LocalMemo

from .models import Signature, SignatureStatus

logger = logging.getLogger(__name__)
OUTBOX_SECONDS = 2
BATCH = 200
_kicked = LocalMemo(seconds=OUTBOX_SECONDS * 2, keep=8)  # the slots this process has asked for already


def outbox_kick():
    """Make sure a send runs after everything committed so far (call it after commit)."""
    from .tasks_signing import confirmation_mails_task

    if not confirmation_mails_task.get_backend().supports_defer:
        confirmation_mails_task.enqueue()
        return
    slot = math.floor(time.time() / OUTBOX_SECONDS) + 1
    if _kicked.get(slot):  # this process has seen the slot taken care of: no round trip to the cache
        return
    _kicked.set(slot, True)
    key = f"signature-outbox:{slot}"
    if cache.add(key, 1, OUTBOX_SECONDS * 10):
        run_after = datetime.fromtimestamp(slot * OUTBOX_SECONDS, tz=UTC)
        try:
            confirmation_mails_task.using(run_after=run_after).enqueue()
        except Exception:  # the task was not queued: the next signer of this slot asks again
            _kicked.forget(slot)
            cache.delete(key)
            raise


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
    from .services_signing import confirmation_open, confirmation_token_make

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
