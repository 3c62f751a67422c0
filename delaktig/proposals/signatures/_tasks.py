"""Background work for signing: the confirmation e-mails and the mailing at the threshold (the periodic run is in
_jobs.py)."""

from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background.purposes import describes

from ..models import Signature
from ..task_purposes import proposal_purpose, signature_purpose
from ._sending import confirmation_mail_send, confirmation_mails_send
from ._threshold_mailing import threshold_mailing_create


@task()
def signature_mail_send(*, signature_id, language=None):
    """A repeat: a pending signature gets its link again; a valid one is told it already counts."""
    signature = Signature.objects.select_related("proposal__municipality").filter(pk=signature_id).first()
    if signature is not None and signature.email:
        confirmation_mail_send(signature, language)


@task()
def confirmation_mails_task():
    """Empty the outbox of confirmation links (_outbox.py)."""
    return confirmation_mails_send()


@task()
def threshold_mailing_task(*, proposal_id):
    mailing = threshold_mailing_create(proposal_id=proposal_id)
    return mailing.pk if mailing else None


describes(signature_mail_send)(lambda kwargs: signature_purpose(kwargs.get("signature_id")))
describes(threshold_mailing_task)(
    lambda kwargs: proposal_purpose(kwargs.get("proposal_id"), _("The e-mail to signers of “%(title)s”"))
)
