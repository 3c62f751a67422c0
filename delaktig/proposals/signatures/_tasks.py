"""Background work for signing: the confirmation e-mail, the mailing at the threshold, the periodic expiry."""

from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background.purposes import describes

from .task_purposes import proposal_purpose, signature_purpose


@task()
def signature_mail_send(*, signature_id, language=None):
    """A repeat: a pending signature gets its link again; a valid one is told it already counts."""
    from .models import Signature
    from .services_outbox import confirmation_mail_send

    signature = Signature.objects.select_related("proposal__municipality").filter(pk=signature_id).first()
    if signature is not None and signature.email:
        confirmation_mail_send(signature, language)


@task()
def confirmation_mails_task():
    """Empty the outbox of confirmation links (services_outbox)."""
    from .services_outbox import confirmation_mails_send

    return confirmation_mails_send()


@task()
def threshold_mailing_task(*, proposal_id):
    from .services_threshold import threshold_mailing_create

    mailing = threshold_mailing_create(proposal_id=proposal_id)
    return mailing.pk if mailing else None


@task()
def proposals_expire_task():
    """Run every few minutes (see docs/proposals.md); enqueues itself nowhere, so schedule it."""
    from .services_outbox import confirmation_mails_send
    from .services_threshold import proposals_expire, thresholds_recheck

    rechecked = thresholds_recheck()
    result = proposals_expire()
    result["threshold"] += rechecked["threshold"]
    result["threshold_mailings"] = rechecked["mailings"]
    result["mailed"] = confirmation_mails_send()
    return result


describes(signature_mail_send)(lambda kwargs: signature_purpose(kwargs.get("signature_id")))
describes(threshold_mailing_task)(
    lambda kwargs: proposal_purpose(kwargs.get("proposal_id"), _("The e-mail to signers of “%(title)s”"))
)
