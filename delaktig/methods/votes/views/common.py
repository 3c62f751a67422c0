"""The module of a vote's pages, fetched and guarded as every method's are (participation.views_module), and what
the vote's page and its results share."""

from functools import partial

from django.utils.translation import gettext as _

from delaktig.accounts.models import IdentityLevel
from delaktig.participation import views_module

from ..about import METHOD_KEY
from ..eligibility import age_range_text
from ..models import BallotType, VotingBy

module_get = partial(views_module.module_get, method=METHOD_KEY)
public_module_get = partial(views_module.public_module_get, method=METHOD_KEY)
staff_guard = partial(views_module.staff_guard, method=METHOD_KEY)


def ballot_text(vote):
    """How to fill in the ballot, in one sentence."""
    if vote.ballot_type == BallotType.SINGLE:
        return _("Choose one alternative.")
    if vote.ballot_type == BallotType.APPROVAL:
        return _("Choose the alternatives you would accept, at most %(most)s.") % {"most": _most(vote)}
    if vote.ballot_type == BallotType.RANKING:
        return _("Rank the alternatives: 1 for your favourite, 2 for the next and so on, up to %(most)s places. "
                 "You do not need to rank them all.") % {"most": _most(vote)}  # fmt: skip
    return _("Distribute up to %(points)s points among the alternatives as you like.") % {"points": vote.points_total}


def _most(vote):
    count = len(vote.alternatives.all())
    return min(vote.max_choices or count, count)


def counting_text(vote):
    """How the vote is counted and what a tie means."""
    if vote.ballot_type == BallotType.RANKING:
        return _(
            "Counted by instant-runoff: in each round every ballot counts for its highest-ranked alternative still "
            "in the count. An alternative with more than half of those ballots wins; otherwise the one with the "
            "fewest is taken out and its ballots go to their next choice. When several have the fewest, the one with "
            "fewer votes in the latest earlier round where they differed goes; when they never differed, all of "
            "them go, and if they are all that is left, they share the win (a tie)."
        )
    what = _("the most points") if vote.ballot_type == BallotType.POINTS else _("the most votes")
    return _(
        "The alternative with %(what)s wins. If several have the same, highest count it is a tie: nothing is drawn "
        "by lot, and the decision-makers settle it."
    ) % {"what": what}


def who_may_vote(vote):
    """Sentences: who may vote, as declared by the voter."""
    if vote.voting_by == VotingBy.EMAIL_LINK:
        lines = [
            _(
                "Anyone with an e-mail address may vote, without an account. We send a link to the address; the "
                "ballot counts once you follow it, before the vote closes. Each address has one ballot."
            )
        ]
    else:
        lines = [_("You log in and need: %(level)s.") % {"level": IdentityLevel(vote.identity_level).label}]
    if vote.area_id:
        lines.append(_("You live in %(area)s.") % {"area": vote.area.name})
    elif vote.residents_only:
        lines.append(_("You live in the municipality."))
    ages = age_range_text(vote.age_min, vote.age_max)
    if ages:
        lines.append(_("You are %(ages)s.") % {"ages": ages})
    if vote.area_id or vote.residents_only or ages:
        lines.append(
            _(
                "You say yourself where you live and how old you are; the municipality cannot check it yet. Giving "
                "false answers to vote is not allowed."
            )
        )
    lines.append(_("Everyone has one ballot. You can change it until the vote closes; the last one counts."))
    return lines
