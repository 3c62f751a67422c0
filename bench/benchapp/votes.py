"""Data for W6, ballot casting: a ranked vote among five alternatives in a public dialogue whose voting phase runs
now, what the load client needs to cast in it, and the check of what a run stored (one ballot per voter)."""

import datetime

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from delaktig.accounts.models import IdentityLevel, User
from delaktig.dialogues.models import Dialogue, State
from delaktig.methods.votes.models import Ballot
from delaktig.methods.votes.services import alternative_save, vote_save
from delaktig.participation.models import Module, Phase

from .seed import municipality_get

TITLES = ("Ljusets bro", "Älvens röst", "Mötet", "Järnbäraren", "Vågen")


def vote_create():
    """A ranked vote (up to three places of five) open to logged-in residents with a confirmed address."""
    municipality = municipality_get()
    now = timezone.now()
    count = Dialogue.objects.filter(municipality=municipality).count()
    dialogue = Dialogue.objects.create(
        municipality=municipality,
        state=State.OPEN,
        title=f"Konst på torget, omröstning {count + 1}",
        slug=f"konst-{count + 1}",
        question="Vilken skulptur ska stå på torget?",
        ladder_level="co_decision",
        starts_on=timezone.localdate() - datetime.timedelta(days=5),
        ends_on=timezone.localdate() + datetime.timedelta(days=20),
        opened_at=now - datetime.timedelta(days=5),
    )
    module = Module.objects.create(dialogue=dialogue, method="votes", name="Rösta om skulpturen")
    Phase.objects.create(
        module=module,
        phase_type="voting",
        name="Omröstning",
        starts_at=now - datetime.timedelta(days=5),
        ends_at=now + datetime.timedelta(days=20),
    )
    officer, _created = User.objects.get_or_create(
        email="omrostning@bench.example",
        defaults={"name": "Omröstningsansvarig", "identity_level": IdentityLevel.EMAIL, "password": "!"},
    )
    vote = vote_save(module=module, actor=officer, question=dialogue.question, ballot_type="ranking", max_choices=3)
    alternatives = [alternative_save(vote=vote, actor=officer, title=title).pk for title in TITLES]
    args = [municipality.slug, dialogue.pk, module.pk]
    return {
        "vote": vote.pk,
        "module": module.pk,
        "alternatives": alternatives,
        "index": reverse("votes:index", args=args),
        "cast": reverse("votes:cast", args=args),
        "receipt": reverse("votes:receipt", args=args),
    }


def vote_verify(pk):
    """What a run stored: ballots, distinct voters and voter keys (all equal: one ballot per person), and how many
    were replaced by a later cast of the same voter."""
    return Ballot.objects.filter(vote_id=pk).aggregate(
        rows=Count("id"),
        voters=Count("voter", distinct=True),
        keys=Count("voter_key", distinct=True),
        changed=Count("id", filter=Q(changes__gt=0)),
    )
