"""Reads for participatory budgeting: proposals (the shared input reads), ballots, and each budget's result counted
by the module's rule (counting.py). Lists annotate their counts, so pages never run a query per row."""

from dataclasses import dataclass

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from delaktig.core.contributions import Table
from delaktig.participation.registry import MeasureSuggestion
from delaktig.participation.selectors_inputs import InputReads

from . import counting
from .about import METHOD_NAME
from .models import Ballot, BallotChoice, Budget, Project, Review, Rule, Voter
from .phases import VOTE


def _record_details(item):
    return {"received_on": item.received_on}


INPUTS = InputReads(Project, method_name=METHOD_NAME, related=("budget", "district"), record_details=_record_details)

with_counts = INPUTS.with_counts
inputs = INPUTS.inputs
participant_addresses = INPUTS.participant_addresses

EXPORT_COLUMNS = [
    "id",
    "budget",
    "title",
    "text",
    "district",
    "cost_estimate",
    "review",
    "cost",
    "review_reason",
    "channel",
    "received_on",
    "status",
    "created",
    "supports",
    "comments",
    "votes",
]


def rule_of(module):
    rule = module.settings.get("rule")
    return rule if rule in Rule.values else Rule.GREEDY


def budgets_of(module):
    return list(Budget.objects.filter(module=module).select_related("district"))


def has_map(municipality):
    """Whether the municipality has a map: districts with their shapes."""
    return municipality.areas.exclude(geometry=None).exists()


def districts_of(module):
    return list(module.dialogue.municipality.areas.all())


def voter_district(module, user):
    """The Voter row of `user` in `module` (their declared district), or None."""
    if not user.is_authenticated:
        return None
    return Voter.objects.filter(module=module, user=user).select_related("district").first()


# Proposals


def projects_published(module, *, budget=None):
    qs = Project.objects.published().filter(module=module)
    if budget is not None:
        qs = qs.filter(budget=budget)
    return with_counts(qs.select_related("budget", "district")).order_by("budget__order", "budget_id", "-created_at")


def projects_on_ballot(budget):
    """The feasible, published proposals of a budget, as the ballot lists them (cheapest first within a title)."""
    qs = Project.objects.published().filter(budget=budget, review=Review.FEASIBLE).select_related("district")
    return list(qs.order_by("title", "id"))


def projects_for_review(module, *, review=None):
    qs = Project.objects.received().filter(module=module).select_related("budget", "district")
    if review:
        qs = qs.filter(review=review)
    return list(with_counts(qs).order_by("budget__order", "budget_id", "created_at", "id"))


# Ballots


def ballot_of(budget, user):
    """{project id} on `user`'s ballot in `budget`, or None when they have not voted there."""
    if not user.is_authenticated:
        return None
    ballot = Ballot.objects.filter(budget=budget, voter=user).first()
    if ballot is None:
        return None
    return set(ballot.choices.values_list("project_id", flat=True))


def ballot_reference(budget, user):
    """The number of `user`'s ballot in `budget` ("MBR-7"), or "" when they have not voted there."""
    ballot = Ballot.objects.filter(budget=budget, voter=user).only("pk").first() if user.is_authenticated else None
    return ballot.reference if ballot is not None else ""


def voting_over(module, now=None):
    """Whether voting has been held and is over: the module has a voting phase and every one has ended."""
    now = now or timezone.now()
    phases = [phase for phase in module.phases.all() if phase.phase_type == VOTE.key]
    return bool(phases) and all(phase.ends_at <= now for phase in phases)


# Results


@dataclass(frozen=True)
class ProjectResult:
    project: Project
    votes: int
    selected: bool
    rank: int  # 1 for the first chosen; 0 when not chosen


@dataclass(frozen=True)
class BudgetResult:
    budget: Budget
    rule: str
    ballots: int
    projects: tuple[ProjectResult, ...]  # chosen ones first, in the order chosen; then the others by votes
    spent: int

    @property
    def selected(self):
        return [row for row in self.projects if row.selected]

    @property
    def left(self):
        return self.budget.amount - self.spent


def results(module):
    """Each budget's result by the module's rule, counted from the ballots (a few queries, whatever their number)."""
    budgets = budgets_of(module)
    projects = list(
        Project.objects.published()
        .filter(module=module, review=Review.FEASIBLE)
        .select_related("budget", "district")
        .order_by("id")
    )
    choices: dict[int, list[int]] = {}
    for ballot_id, project_id in BallotChoice.objects.filter(ballot__budget__module=module).values_list(
        "ballot_id", "project_id"
    ):
        choices.setdefault(ballot_id, []).append(project_id)
    ballots_per_budget: dict[int, list[list[int]]] = {budget.pk: [] for budget in budgets}
    for ballot_id, budget_id in Ballot.objects.filter(budget__module=module).values_list("pk", "budget_id"):
        ballots_per_budget[budget_id].append(choices.get(ballot_id, []))
    rule = rule_of(module)
    return [_budget_result(budget, rule, projects, ballots_per_budget[budget.pk]) for budget in budgets]


def _budget_result(budget, rule, projects, ballots):
    mine = {project.pk: project for project in projects if project.budget_id == budget.pk}
    costs = {pk: project.cost for pk, project in mine.items()}
    counted = counting.count(rule, budget.amount, costs, ballots)
    order = {pk: n for n, pk in enumerate(counted.selected, start=1)}
    others = sorted(set(mine) - set(order), key=lambda pk: counting.tie_key(pk, counted.votes, costs))
    rows = tuple(
        ProjectResult(mine[pk], counted.votes[pk], pk in order, order.get(pk, 0)) for pk in [*counted.selected, *others]
    )
    return BudgetResult(budget=budget, rule=rule, ballots=len(ballots), projects=rows, spent=counted.spent)


def decision_basis_tables(module):
    """The result per budget: each project, its cost, its votes and whether it was chosen. Empty until voting is
    over."""
    if not voting_over(module):
        return []
    return [_result_table(result) for result in results(module)]


def _result_table(result):
    rows = tuple(
        (row.project.title, row.project.cost, row.votes, _("Yes") if row.selected else _("No"))
        for row in result.projects
    )
    caption = _("%(budget)s: %(amount)s kronor, %(ballots)s ballots") % {
        "budget": result.budget.name,
        "amount": result.budget.amount,
        "ballots": result.ballots,
    }
    headers = (_("Project"), _("Cost (kronor)"), _("Votes"), _("Chosen"))
    return Table(caption, headers, rows, f"budget-{result.budget.pk}")


# The manifest's reads


def stats(module):
    """Counts for reports: proposals, comments, supports and participants as for every input, plus the proposals on
    the ballot, the ballots and the voters."""
    ballots = Ballot.objects.filter(budget__module=module)
    on_ballot = Project.objects.published().filter(module=module, review=Review.FEASIBLE)
    return {
        **INPUTS.stats(module),
        "on_ballot": on_ballot.count(),
        "ballots": ballots.count(),
        "voters": _voters(ballots),
    }


def _voters(ballots):
    """People who voted in any of the module's budgets: each account once, and each ballot that keeps no account
    (made at the desk or by someone who erased their data) as one person."""
    return ballots.exclude(voter=None).values("voter").distinct().count() + ballots.filter(voter=None).count()


def participant_ids(module):
    """Everyone who proposed, commented, supported or voted, with an account."""
    voters = Ballot.objects.filter(budget__module=module, voter__isnull=False).values_list("voter_id", flat=True)
    return INPUTS.participant_ids(module) | set(voters)


def export_rows(module):
    """One row per proposal that was not removed. No names, no user ids."""
    qs = with_counts(Project.objects.received().filter(module=module).select_related("budget", "district"))
    qs = qs.annotate(votes=Count("choices", distinct=True))
    return [export_row(item) for item in qs.order_by("created_at", "id")]


def export_row(item):
    return {
        "id": item.pk,
        "budget": item.budget.name,
        "title": item.title,
        "text": item.text,
        "district": item.district.name if item.district else "",
        "cost_estimate": item.cost_estimate,
        "review": item.review,
        "cost": item.cost,
        "review_reason": item.review_reason,
        "channel": item.channel,
        "received_on": item.received_on.isoformat() if item.received_on else "",
        "status": item.status,
        "created": item.created_at.isoformat(),
        "supports": item.support_count,
        "comments": item.comment_count,
        "votes": item.votes,
    }


def personal_data(user):
    """Everything participatory budgeting holds about `user`, for their "my data" export."""
    written = Project.objects.filter(author=user).select_related("module__dialogue__municipality", "budget")
    ballots = (
        Ballot.objects.filter(voter=user)
        .select_related("budget__module__dialogue__municipality")
        .prefetch_related("projects", "budget__module__phases")
    )
    voters = Voter.objects.filter(user=user).select_related("module__dialogue", "district")
    return [
        *(_project_data(item) for item in written),
        *(_ballot_data(ballot) for ballot in ballots),
        *(_voter_data(voter) for voter in voters),
        *INPUTS.comments_data(user),
        *INPUTS.supports_data(user, with_title=True),
    ]


def _project_data(item):
    return {
        "type": "budgeting.proposal",
        "reference": item.reference,
        "dialogue": item.module.dialogue.title,
        "budget": item.budget.name,
        "title": item.title,
        "text": item.text,
        "name_shown": item.author_name,
        "status": item.status,
        "moderation_reason": item.moderation_reason,
        "url": item.get_absolute_url(),
        "created": item.created_at.isoformat(),
        "identity_level": item.identity_level,
    }


def _ballot_data(ballot):
    return {
        "type": "budgeting.ballot",
        "dialogue": ballot.budget.module.dialogue.title,
        "budget": ballot.budget.name,
        "title": ballot.budget.name,
        "reference": ballot.reference,
        **_ballot_outcome(ballot),
        "identity_level": ballot.identity_level,
        "projects": [project.title for project in ballot.projects.all()],
        "created": ballot.created_at.isoformat(),
        "changed": ballot.updated_at.isoformat(),
    }


def _ballot_outcome(ballot):
    """What became of a ballot, for My pages: counted, and whether voting is over (the result is then public)."""
    module = ballot.budget.module
    url = reverse("budgeting:index", args=[module.dialogue.municipality.slug, module.dialogue_id, module.pk])
    if voting_over(module):
        detail = _("Voting is over: the result is on the page of the budget.")
    else:
        detail = _("You can change your ballot until voting closes.")
    return {"status_text": _("Counted"), "status_detail": detail, "url": url}


def _voter_data(voter):
    return {
        "type": "budgeting.district",
        "dialogue": voter.module.dialogue.title,
        "district": voter.district.name if voter.district else "",
    }


def erase(user):
    """Proposals and comments stay without the person; supports and the declared district go; ballots stay, without
    the person, so the result does not change."""
    ballots = Ballot.objects.filter(voter=user).update(voter=None)
    voters, _deleted = Voter.objects.filter(user=user).delete()
    return INPUTS.erase(user) + ballots + voters


def public_names_hide(module):
    return INPUTS.public_names_hide(module)


def measures_offered(module):
    """The winning projects of every budget, once voting is over, as measures to follow up (manifest
    `measures_offered`); each keeps its proposal's ref, so follow-up creates it once and links it to the proposal."""
    if not voting_over(module):
        return []
    return [
        MeasureSuggestion(
            title=row.project.title,
            description=_("%(text)s\n\nWon in the budget “%(budget)s”.")
            % {"text": row.project.text, "budget": result.budget.name},
            cost=row.project.cost,
            ref=f"{INPUTS.key}:{row.project.pk}",
        )
        for result in results(module)
        for row in result.selected
    ]
