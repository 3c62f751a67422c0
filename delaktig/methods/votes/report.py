"""Votes' section of the yearly report and their tables in the decision basis: counts per alternative of closed
votes, never a single ballot, and nothing before a vote has closed."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from delaktig.core.contributions import ReportSection, Table

from .closed import closed_votes, totals_of
from .models import BallotType, Vote
from .selectors import is_closed

ORDER = 118


def _count_header(vote):
    return {
        BallotType.RANKING: _("First preferences"),
        BallotType.POINTS: _("Points"),
    }.get(vote.ballot_type, _("Votes"))


def count_table(vote, caption=None):
    """Alternative, votes (first preferences, points), won."""
    totals, winners = totals_of(vote)
    rows = tuple(
        (alternative.title, totals.get(alternative.pk, 0), _("Yes") if alternative.pk in winners else "")
        for alternative in vote.alternatives.all()
    )
    headers = (_("Alternative"), _count_header(vote), _("Won"))
    return Table(caption or vote.question, headers, rows, f"vote-{vote.pk}")


def votes_report_section(municipality, year):
    votes = list(
        closed_votes(municipality)
        .filter(voting_ends__year=year)
        .select_related("module__dialogue")
        .annotate(
            online=Count("ballots", filter=Q(ballots__channel="online"), distinct=True),
            paper=Count("ballots", filter=~Q(ballots__channel="online"), distinct=True),
        )
        .order_by("module__dialogue__title", "question", "id")
    )
    if not votes:
        return None
    overview = Table(
        _("Votes that closed during the year"),
        (_("Dialogue"), _("Vote"), _("Ballots online"), _("Ballots on paper")),
        tuple((v.module.dialogue.title, v.question, v.online, v.paper) for v in votes),
        "votes",
    )
    return ReportSection(
        key="votes",
        title=_("Votes among alternatives"),
        order=ORDER,
        paragraphs=(
            _(
                "Votes among alternatives that closed during the year, with the ballots cast on the web and on paper "
                "and, for each vote, the count per alternative."
            ),
        ),
        tables=(overview, *(count_table(vote) for vote in votes)),
    )


def decision_basis_tables(module):
    """The count per alternative once the vote has closed; before that only how many have voted, per channel (the
    results are never shown before the vote closes)."""
    vote = Vote.objects.filter(module=module).first()
    if vote is None or not vote.ballots.exists():
        return []
    if is_closed(module):
        return [count_table(vote)]
    counts = vote.ballots.aggregate(
        online=Count("id", filter=Q(channel="online")), paper=Count("id", filter=~Q(channel="online"))
    )
    return [
        Table(
            _("%(question)s: ballots so far (the results are published when the vote closes)")
            % {"question": vote.question},
            (_("Ballots online"), _("Ballots on paper")),
            ((counts["online"], counts["paper"]),),
            f"vote-{vote.pk}-turnout",
        )
    ]
