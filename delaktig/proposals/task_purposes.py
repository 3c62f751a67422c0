"""What the proposals' background tasks are for, for the staff start page's warning about stuck work."""

from django.urls import reverse
from django.utils.translation import gettext as _

from delaktig.background.purposes import Purpose

from .models import Proposal, Signature


def proposal_purpose(proposal_id, text):
    """text: a format string with %(title)s."""
    proposal = Proposal.objects.select_related("municipality").filter(pk=proposal_id).first()
    if proposal is None:
        return None
    return Purpose(
        municipality_id=proposal.municipality_id,
        text=text % {"title": proposal.title},
        url=reverse("proposals:staff_detail", args=[proposal.municipality.slug, proposal.pk]),
    )


def signature_purpose(signature_id):
    proposal_id = Signature.objects.filter(pk=signature_id).values_list("proposal_id", flat=True).first()
    return proposal_id and proposal_purpose(proposal_id, _("A signer's e-mail about “%(title)s”"))
