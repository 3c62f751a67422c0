"""The e-mail to the proposer and the signers when a proposal reaches its threshold: one mailing per proposal."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from delaktig.mailings.models import Mailing
from delaktig.mailings.services import mailing_create

from ..models import Proposal, SignatureStatus

THRESHOLD_PURPOSE = "proposal_threshold"


@transaction.atomic
def threshold_mailing_create(*, proposal_id):
    """Tell the proposer and every valid signer who asked for updates; once per proposal, however often run."""
    proposal = Proposal.objects.select_for_update().filter(pk=proposal_id).first()
    if proposal is None or not hasattr(proposal, "case"):
        return None
    target_type = ContentType.objects.get_for_model(Proposal)
    sent = Mailing.objects.filter(purpose=THRESHOLD_PURPOSE, target_type=target_type, target_id=proposal.pk).first()
    if sent is not None:
        return sent
    subject, body = _threshold_message(proposal)
    return mailing_create(
        municipality=proposal.municipality,
        purpose=THRESHOLD_PURPOSE,
        subject=subject,
        body=body,
        recipients=threshold_recipients(proposal),
        target=proposal,
    )


def threshold_recipients(proposal):
    """[(email, name)]: the proposer first, then valid signers who asked for updates (mailing_create dedupes)."""
    people = []
    if proposal.proposer_id and proposal.proposer.email:
        people.append((proposal.proposer.email, proposal.proposer_name or proposal.proposer.name))
    signers = proposal.signatures.filter(status=SignatureStatus.VALID, wants_updates=True).exclude(email="")
    people.extend(signers.order_by("pk").values_list("email", "name").iterator(chunk_size=2000))
    return people


def _threshold_message(proposal):
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "proposal": proposal,
            "case": proposal.case,
            "municipality": proposal.municipality,
            "url": settings.SITE_URL.rstrip("/") + proposal.get_absolute_url(),
        }
        subject = _("“%(title)s” has enough signatures") % {"title": proposal.title}
        body = render_to_string("proposals/signing/emails/threshold.txt", context)
    return subject[:200], body
