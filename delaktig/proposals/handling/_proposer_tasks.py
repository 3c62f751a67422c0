"""Background e-mail to a proposer: the receipt with the registration number and a link to follow the proposal."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background.purposes import describes

from ..models import Proposal
from ..selectors import settings_for
from ..task_purposes import proposal_purpose
from ._public_selectors import next_steps


@task()
def proposal_receipt_send(*, proposal_id, language=None):
    proposal = Proposal.objects.select_related("proposer", "municipality", "category").filter(pk=proposal_id).first()
    if proposal is None or proposal.proposer is None or not proposal.proposer.email:
        return
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {
            "proposal": proposal,
            "municipality": proposal.municipality,
            "steps": next_steps(proposal, settings_for(proposal.municipality)),
            "url": settings.SITE_URL.rstrip("/") + proposal.get_absolute_url(),
        }
        subject = _("We have received your proposal (%(number)s)") % {"number": proposal.registration_number}
        body = render_to_string("proposals/public/emails/receipt.txt", context)
    send_mail(" ".join(subject.split()), body, None, [proposal.proposer.email])


describes(proposal_receipt_send)(
    lambda kwargs: proposal_purpose(kwargs.get("proposal_id"), _("The receipt to the proposer of “%(title)s”"))
)
