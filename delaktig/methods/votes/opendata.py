"""Votes' public data (manifest `datasets`): closed votes and their counts per alternative, never single ballots.

The anonymous ballot file of a closed vote is a download of its own on the vote's results page; it is not open data
here. Nothing is served before the vote closes.
"""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from delaktig.core.contributions import Dataset, DatasetField, detail_by_pk, iso_or_none

from .closed import public_closed_votes, totals_of
from .models import Alternative, BallotType


def vote_rows(municipality, filters):
    qs = public_closed_votes(municipality)
    if "dialogue" in filters:
        qs = qs.filter(module__dialogue_id=filters["dialogue"])
    return (
        qs.select_related("module__dialogue__municipality").annotate(n=Count("ballots", distinct=True)).order_by("id")
    )


def vote_row(vote):
    return {
        "id": vote.pk,
        "dialogue_id": vote.module.dialogue_id,
        "module_id": vote.module_id,
        "question": vote.question,
        "ballot_type": vote.ballot_type,
        "ballots": vote.n,
        "closed_at": iso_or_none(vote.voting_ends),
        "url": vote.module.get_absolute_url(),
    }


VOTES = Dataset(
    key="votes",
    title=_("Votes"),
    description=_("Closed votes among alternatives: the question, the kind of ballot and how many voted."),
    fields=(
        DatasetField("id", "integer", _("Identifier of the vote")),
        DatasetField("dialogue_id", "integer", _("The dialogue")),
        DatasetField("module_id", "integer", _("The module (a way to take part)")),
        DatasetField("question", "string", _("The question")),
        DatasetField("ballot_type", "string", _("The ballot: single, approval, ranking or points")),
        DatasetField("ballots", "integer", _("Ballots, on the web and on paper")),
        DatasetField("closed_at", "date-time", _("When voting ended"), nullable=True),
        DatasetField("url", "string", _("The vote's page")),
    ),
    rows=vote_rows,
    to_row=vote_row,
    filters=(DatasetField("dialogue", "integer", _("Only votes in this dialogue")),),
    detail=detail_by_pk(vote_rows, vote_row),
    keywords=("medborgardialog", "omröstning"),
    order=66,
    extra={"choices": {"ballot_type": tuple(BallotType.values)}},
)


def result_rows(municipality, filters):
    qs = Alternative.objects.filter(vote__in=public_closed_votes(municipality)).select_related("vote")
    if "vote" in filters:
        qs = qs.filter(vote_id=filters["vote"])
    return qs.order_by("vote_id", "order", "id")


def result_row(alternative):
    totals, winners = totals_of(alternative.vote)
    return {
        "id": alternative.pk,
        "vote_id": alternative.vote_id,
        "alternative": alternative.title,
        "cost": alternative.cost,
        "count": totals.get(alternative.pk, 0),
        "winner": alternative.pk in winners,
    }


RESULTS = Dataset(
    key="vote-results",
    title=_("Vote results"),
    description=_(
        "The counts of closed votes, per alternative: votes (one choice, approval), first preferences (ranking) or "
        "points, and whether the alternative won. Never single ballots."
    ),
    fields=(
        DatasetField("id", "integer", _("Identifier of the alternative")),
        DatasetField("vote_id", "integer", _("The vote")),
        DatasetField("alternative", "string", _("The alternative's title")),
        DatasetField("cost", "integer", _("The alternative's cost in kronor"), nullable=True),
        DatasetField("count", "integer", _("Votes, first preferences or points")),
        DatasetField("winner", "boolean", _("Won the vote (more than one: a tie)")),
    ),
    rows=result_rows,
    to_row=result_row,
    filters=(DatasetField("vote", "integer", _("Only the alternatives of this vote")),),
    detail=detail_by_pk(result_rows, result_row),
    keywords=("medborgardialog", "omröstning", "resultat"),
    order=67,
)

DATASETS = (VOTES, RESULTS)
