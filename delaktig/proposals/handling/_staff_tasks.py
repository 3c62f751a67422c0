"""Background e-mail of the staff workspace: the rejection notice, and complaints forwarded to their channel."""

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background.purposes import describes

from ..models import Proposal, Referral
from ..selectors import settings_for
from ..task_purposes import proposal_purpose


def _proposal(proposal_id):
    return Proposal.objects.select_related("proposer", "municipality").filter(pk=proposal_id).first()


def _context(proposal):
    return {
        "proposal": proposal,
        "municipality": proposal.municipality,
        "rules": settings_for(proposal.municipality),
        "url": settings.SITE_URL.rstrip("/") + proposal.get_absolute_url(),
    }


@task()
def rejection_notify(*, proposal_id):
    """Tell the proposer that the proposal was not published, and why."""
    proposal = _proposal(proposal_id)
    if proposal is None or proposal.proposer is None or not proposal.proposer.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Your proposal “%(title)s” is not published") % {"title": proposal.title}
        body = render_to_string("proposals/staff/emails/rejected.txt", _context(proposal))
    send_mail(" ".join(subject.split()), body, None, [proposal.proposer.email])


@task()
def complaint_forward(*, proposal_id):
    """A complaint or fault report goes to the municipality's complaints channel instead of being published."""
    proposal = _proposal(proposal_id)
    if proposal is None:
        return
    context = _context(proposal)
    address = context["rules"].complaints_email
    if not address:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Complaint or fault report from the proposals service (%(number)s)") % {
            "number": proposal.registration_number or proposal.pk
        }
        body = render_to_string("proposals/staff/emails/complaint_forward.txt", context)
    reply_to = [proposal.proposer.email] if proposal.proposer and proposal.proposer.email else None
    EmailMessage(" ".join(subject.split()), body, None, [address], reply_to=reply_to).send()


describes(rejection_notify)(
    lambda kwargs: proposal_purpose(kwargs.get("proposal_id"), _("The rejection notice for “%(title)s”"))
)
describes(complaint_forward)(
    lambda kwargs: proposal_purpose(kwargs.get("proposal_id"), _("Forwarding the complaint “%(title)s”"))
)


@task()
def referral_notify(*, referral_id):
    """Tell the proposer that the proposal was referred to a board, or that the board has answered."""
    referral = (
        Referral.objects.select_related("body", "proposal__proposer", "proposal__municipality")
        .filter(pk=referral_id)
        .first()
    )
    if referral is None:
        return
    proposal = referral.proposal
    if proposal.proposer is None or not proposal.proposer.email:
        return
    answered = referral.answered_on is not None
    with translation.override(settings.LANGUAGE_CODE):
        words = {"number": proposal.registration_number, "body": referral.body.name}
        if answered:
            subject = _("Your proposal %(number)s: %(body)s has answered") % words
        else:
            subject = _("Your proposal %(number)s is referred to %(body)s") % words
        context = {**_context(proposal), "referral": referral}
        template = "referral_answered.txt" if answered else "referred.txt"
        body = render_to_string(f"proposals/staff/emails/{template}", context)
    send_mail(" ".join(subject.split()), body, None, [proposal.proposer.email])


def _referral_purpose(kwargs):
    referral = Referral.objects.filter(pk=kwargs.get("referral_id")).only("proposal_id").first()
    return proposal_purpose(referral.proposal_id if referral else None, _("The referral e-mail for “%(title)s”"))


describes(referral_notify)(_referral_purpose)
