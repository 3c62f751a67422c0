"""Background work for signing: the confirmation e-mail, the mailing at the threshold, the periodic expiry."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task


@task()
def signature_mail_send(*, signature_id, language=None):
    """A pending signature gets its confirmation link; a repeat of a valid one is told it already counts."""
    from .models import Signature, SignatureStatus
    from .services_signing import confirmation_open, confirmation_token_make

    signature = Signature.objects.select_related("proposal__municipality").filter(pk=signature_id).first()
    if signature is None or not signature.email:
        return
    proposal = signature.proposal
    pending = signature.status == SignatureStatus.PENDING
    if not (pending and confirmation_open(proposal)) and signature.status != SignatureStatus.VALID:
        return
    site = settings.SITE_URL.rstrip("/")
    with translation.override(language or settings.LANGUAGE_CODE):
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


@task()
def threshold_mailing_task(*, proposal_id):
    from .services_threshold import threshold_mailing_create

    mailing = threshold_mailing_create(proposal_id=proposal_id)
    return mailing.pk if mailing else None


@task()
def proposals_expire_task():
    """Run every few minutes (see docs/proposals.md); enqueues itself nowhere, so schedule it."""
    from .services_threshold import proposals_expire

    return proposals_expire()
