"""Background work: the mail with the link that makes a ballot cast with an e-mail address count (by_email.py)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background import purposes

from .ballots import choice_ids
from .models import BallotType, Vote
from .window import closes_at_of


def confirm_days() -> int:
    """How long a confirmation link works (VOTES_EMAIL_CONFIRM_DAYS, 7)."""
    return int(getattr(settings, "VOTES_EMAIL_CONFIRM_DAYS", 7))


def _titles(vote, choices):
    titles = dict(vote.alternatives.values_list("pk", "title"))
    if vote.ballot_type == BallotType.POINTS:
        return [f"{titles.get(int(pk), '')}: {points}" for pk, points in dict(choices).items()]
    if vote.ballot_type == BallotType.RANKING:
        return [f"{place}. {titles.get(pk, '')}" for place, pk in enumerate(choice_ids(vote.ballot_type, choices), 1)]
    return [titles.get(pk, "") for pk in choice_ids(vote.ballot_type, choices)]


def ballot_link_mail(*, email, vote_id, token, choices, language=None):
    """Mail the ballot as cast (the voter's receipt) and the link that makes it count. False when the vote is gone."""
    vote = Vote.objects.select_related("module__dialogue__municipality").filter(pk=vote_id).first()
    if vote is None:
        return False
    module, municipality = vote.module, vote.module.dialogue.municipality
    site = settings.SITE_URL.rstrip("/")
    args = [municipality.slug, module.dialogue_id, module.pk]
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {
            "vote": vote,
            "module": module,
            "municipality": municipality,
            "titles": _titles(vote, choices),
            "confirm_url": site + reverse("votes:confirm", args=[*args, token]),
            "url": site + reverse("votes:index", args=args),
            "closes_at": closes_at_of([(phase.phase_type, phase.ends_at) for phase in module.phases.all()]),
            "days": confirm_days(),
        }
        subject = _("Confirm your ballot")
        body = render_to_string("votes/emails/confirm.txt", context)
    send_mail(subject, body, None, [email])
    return True


@task()
def ballot_link_send(*, email, vote_id, token, choices, language=None):
    ballot_link_mail(email=email, vote_id=vote_id, token=token, choices=choices, language=language)


@purposes.describes(ballot_link_send)
def _link_purpose(kwargs):
    vote = Vote.objects.filter(pk=kwargs.get("vote_id")).first()
    if vote is None:
        return None
    return purposes.Purpose(
        municipality_id=vote.municipality_id,
        text=_("The confirmation link of a ballot in “%(question)s”") % {"question": vote.question},
    )
