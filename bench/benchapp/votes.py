"""Data for W6, ballot casting: a ranked vote among five alternatives in a public dialogue whose voting phase runs
now, cast by logged-in voters or with an e-mail address confirmed by a link, what the load client needs to cast in it,
and the check of what a run stored (one ballot per voter)."""

import datetime

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from delaktig.accounts.models import IdentityLevel, User
from delaktig.core.models import AuditEvent
from delaktig.dialogues.models import Dialogue, State
from delaktig.methods.votes.by_email import MAILED
from delaktig.methods.votes.models import Ballot, PendingBallot, Vote, VotingBy
from delaktig.methods.votes.services import alternative_save, vote_save
from delaktig.participation.models import Module, Phase

from .seed import municipality_get

TITLES = ("Ljusets bro", "Älvens röst", "Mötet", "Järnbäraren", "Vågen")


def vote_create(voting_by=VotingBy.ACCOUNT):
    """A ranked vote (up to three places of five) open to logged-in residents with a confirmed address, or (voting_by
    "email_link") to anyone with an e-mail address, confirmed by a link."""
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
    vote = vote_save(
        module=module,
        actor=officer,
        question=dialogue.question,
        ballot_type="ranking",
        max_choices=3,
        voting_by=voting_by,
    )
    alternatives = [alternative_save(vote=vote, actor=officer, title=title).pk for title in TITLES]
    args = [municipality.slug, dialogue.pk, module.pk]
    return {
        "vote": vote.pk,
        "module": module.pk,
        "alternatives": alternatives,
        "index": reverse("votes:index", args=args),
        "cast": reverse("votes:cast", args=args),
        "receipt": reverse("votes:receipt", args=args),
        "voting_by": voting_by,
    }


def vote_verify(pk):
    if _by_email(pk):
        return email_vote_verify(pk)
    return _account_vote_verify(pk)


def _by_email(pk):
    return Vote.objects.filter(pk=pk, voting_by=VotingBy.EMAIL_LINK).exists()


def _account_vote_verify(pk):
    """What a run stored: ballots, distinct voters and voter keys (all equal: one ballot per person), and how many
    were replaced by a later cast of the same voter."""
    return Ballot.objects.filter(vote_id=pk).aggregate(
        rows=Count("id"),
        voters=Count("voter", distinct=True),
        keys=Count("voter_key", distinct=True),
        changed=Count("id", filter=Q(changes__gt=0)),
    )


def email_vote_verify(pk):
    """What a run of e-mail casts stored: the waiting ballots (one per address: rows = distinct keys), how many casts
    were stored (one audit event each) and so how many replaced a waiting ballot of the same address."""
    stored = PendingBallot.objects.filter(vote_id=pk).aggregate(
        rows=Count("id"), keys=Count("voter_key", distinct=True)
    )
    casts = AuditEvent.objects.filter(action=MAILED, target_id=pk, target_type__model="vote").count()
    counted = Ballot.objects.filter(vote_id=pk).count()
    return {**stored, "voters": stored["keys"], "changed": casts - stored["rows"], "counted": counted}
