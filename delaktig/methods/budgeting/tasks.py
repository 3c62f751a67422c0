"""Background work: the e-mail receipt a resident gets after voting in a budget."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background import purposes
from delaktig.core.templatetags.delaktig import number

from .models import Ballot
from .phases import VOTE


@task()
def ballot_receipt_send(*, ballot_id, language=None):
    """The receipt of the ballot as it stands when the task runs (a ballot changed twice in a minute is mailed as
    it ended up, twice)."""
    ballot = (
        Ballot.objects.select_related("voter", "budget__module__dialogue__municipality")
        .filter(pk=ballot_id, voter__isnull=False)
        .first()
    )
    if ballot is None or not ballot.voter.email:
        return
    projects = list(ballot.projects.order_by("title"))
    budget, module = ballot.budget, ballot.budget.module
    dialogue = module.dialogue
    with translation.override(language or settings.LANGUAGE_CODE):
        closes = _voting_end(module)
        context = {
            "ballot": ballot,
            "budget": budget,
            "dialogue": dialogue,
            "municipality": dialogue.municipality,
            "name": ballot.voter.name,
            "projects": [(project.title, number(project.cost)) for project in projects],
            "total": number(sum(project.cost for project in projects)),
            "closes": formats.date_format(timezone.localtime(closes), "j F Y") if closes else "",
            "url": settings.SITE_URL.rstrip("/") + module.get_absolute_url(),
        }
        subject = _("We have received your vote (%(reference)s)") % {"reference": ballot.reference}
        body = render_to_string("budgeting/emails/ballot_receipt.txt", context)
    send_mail(subject, body, None, [ballot.voter.email])


def _voting_end(module):
    phase = module.phases.filter(phase_type=VOTE.key).order_by("ends_at").first()
    return phase.ends_at if phase else None


@purposes.describes(ballot_receipt_send)
def _receipt(kwargs):
    ballot = Ballot.objects.select_related("budget__module__dialogue").filter(pk=kwargs.get("ballot_id")).first()
    if ballot is None:
        return None
    return purposes.Purpose(
        municipality_id=ballot.budget.module.dialogue.municipality_id,
        text=_("Receipt of a vote in “%(budget)s”") % {"budget": ballot.budget.name},
    )
