import datetime

from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory
from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.participation.models import Module, Phase

from ..eligibility import Declared
from ..services import alternative_save, ballot_cast, vote_save

TITLES = ("Ljusets bro", "Älvens röst", "Mötet", "Järnbäraren", "Vågen")


def vote_module(*, municipality, state=State.OPEN, open_for_days=10, ended=False):
    """A dialogue in `state` with a vote module whose voting phase runs now (or ended yesterday)."""
    dialogue = dialogue_in_state(state, municipality=municipality)
    module = Module.objects.create(dialogue=dialogue, method="votes", name="Konst på Älvstranden")
    now = timezone.now()
    if ended:
        starts, ends = now - datetime.timedelta(days=20), now - datetime.timedelta(days=1)
    else:
        starts, ends = now - datetime.timedelta(days=1), now + datetime.timedelta(days=open_for_days)
    Phase.objects.create(module=module, phase_type="voting", name="Omröstning", starts_at=starts, ends_at=ends)
    return Module.objects.select_related("dialogue__municipality").get(pk=module.pk)


def vote_for(module, *, actor=None, alternatives=3, **settings):
    actor = actor or UserFactory()
    settings.setdefault("question", "Vilken skulptur ska stå på torget?")
    settings.setdefault("ballot_type", "single")
    vote = vote_save(module=module, actor=actor, **settings)
    for title in TITLES[:alternatives]:
        alternative_save(vote=vote, actor=actor, title=title, description=f"Skiss: {title}.")
    return vote


def cast(vote, user, choices, *, age_band="", area_id=None):
    return ballot_cast(
        municipality=vote.municipality,
        vote_id=vote.pk,
        user=user,
        choices=choices,
        declared=Declared(age_band=age_band, area_id=area_id),
    )


def close(module):
    """End the voting phase a moment ago."""
    now = timezone.now()
    module.phases.update(starts_at=now - datetime.timedelta(days=2), ends_at=now - datetime.timedelta(seconds=1))
