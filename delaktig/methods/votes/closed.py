"""Closed votes in the database's terms, for the open data, the yearly report and the decision basis: a vote is
closed once its dialogue has closed or its last voting phase has ended (window.vote_closed says the same for one)."""

from django.db.models import Max, Q
from django.utils import timezone

from delaktig.core.memo import LocalMemo
from delaktig.dialogues.models import PUBLIC_STATES

from . import counting
from .models import Ballot, Vote
from .window import OPEN_STATES

_totals = LocalMemo(seconds=60)  # vote id -> (totals, winners): a closed vote's count does not change


def closed_votes(municipality, now=None):
    now = now or timezone.now()
    return (
        Vote.objects.filter(municipality=municipality, module__dialogue__municipality=municipality)
        .annotate(voting_ends=Max("module__phases__ends_at", filter=Q(module__phases__phase_type="voting")))
        .filter(~Q(module__dialogue__state__in=OPEN_STATES) | Q(voting_ends__lte=now))
    )


def public_closed_votes(municipality):
    return closed_votes(municipality).filter(module__dialogue__state__in=PUBLIC_STATES)


def totals_of(vote) -> tuple[dict[int, int], tuple[int, ...]]:
    """(alternative id -> total, winners) of a closed vote, counted once a minute at most per process."""
    found = _totals.get(vote.pk)
    if found is None:
        alternatives = list(vote.alternatives.values_list("pk", flat=True))
        ballots = Ballot.objects.filter(vote=vote).values_list("choices", flat=True)
        outcome = counting.count(vote.ballot_type, alternatives, ballots)
        found = (outcome.totals, outcome.winners)
        _totals.set(vote.pk, found)
    return found
