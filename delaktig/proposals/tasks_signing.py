"""Background work for signing: the confirmation e-mail, the mailing at the threshold, the periodic expiry."""

from django_tasks import task


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
