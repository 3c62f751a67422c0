"""Participatory budgeting: residents propose projects, staff review each for feasibility and cost, residents vote
within a budget, and the result is counted by the rule the municipality chose (counting.py).

A module holds one or more budgets: one per district and one for the whole municipality, say. A resident votes in
the budget of the district they declared (Voter) and in every budget for the whole municipality, once in each
(Ballot, one per person and budget in the database), and may change the ballot until voting closes. Proposals are
shared inputs (participation.AbstractInput), so they are moderated, supported and commented on as other inputs are.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from delaktig.accounts.models import identity_level_used_field
from delaktig.participation.models import AbstractInput, AbstractSupport, Channel

TITLE_MAX = 120
TEXT_MAX = 2000
NAME_MAX = 120
REASON_MAX = 1000

BALLOT_PREFIX = "MBR"  # a ballot's number reads "MBR-7"
REFERENCE_PREFIX = "MB"  # proposal references read "MB-12"; the manifest declares the same prefix


class Rule(models.TextChoices):
    """How the winning projects are chosen (the module's setting "rule")."""

    GREEDY = "greedy", _("Most votes first, as long as the money lasts")
    EQUAL_SHARES = "equal_shares", _("Method of Equal Shares (proportional)")


class Budget(models.Model):
    """Money to share out among projects: for one district's residents, or for everyone (no district)."""

    module = models.ForeignKey("participation.Module", on_delete=models.CASCADE, related_name="budgets")
    name = models.CharField(_("name"), max_length=NAME_MAX)
    amount = models.PositiveBigIntegerField(_("amount (kronor)"))
    # Deleting the district (an area, central) leaves the budget for everyone, its proposals and ballots kept
    district = models.ForeignKey(
        "organisations.Area",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("district"),
        help_text=_("Empty: the budget is for everyone in the municipality."),
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        constraints = [
            models.UniqueConstraint(fields=["module", "name"], name="budgeting_budget_unique_name"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="budgeting_budget_amount_positive"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_for_everyone(self):
        return self.district_id is None


class Review(models.TextChoices):
    """Staff's review of a proposal; only feasible proposals with a cost are on the ballot."""

    PENDING = "pending", _("Being reviewed")
    FEASIBLE = "feasible", _("On the ballot")
    REJECTED = "rejected", _("Not on the ballot")


class Project(AbstractInput):
    """A resident's proposal for a project in one budget, with staff's review of its feasibility and cost."""

    module = models.ForeignKey("participation.Module", on_delete=models.CASCADE, related_name="budget_projects")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="budget_projects"
    )
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="projects", verbose_name=_("budget"))
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    text = models.TextField(_("description"), max_length=TEXT_MAX)
    cost_estimate = models.PositiveBigIntegerField(
        _("what the proposer thinks it costs (kronor)"), null=True, blank=True
    )
    # Where: a point on the map when the municipality has one, else (or also) a district
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    district = models.ForeignKey(
        "organisations.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("area")
    )
    # Staff's review: feasible with a cost (then on the ballot), or rejected with a reason everyone reads
    review = models.CharField(_("review"), max_length=20, choices=Review.choices, default=Review.PENDING)
    cost = models.PositiveBigIntegerField(_("cost (kronor)"), null=True, blank=True)
    review_reason = models.TextField(_("reason"), max_length=REASON_MAX, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Entered by staff at the desk (a proposal on paper or from a meeting): who entered it and the day it came in
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    received_on = models.DateField(_("date received"), null=True, blank=True)
    occasion_key = models.CharField(_("occasion"), max_length=80, blank=True)
    occasion_label = models.CharField(_("meeting"), max_length=200, blank=True)
    group = models.CharField(_("table or group"), max_length=100, blank=True)

    reference_prefix = REFERENCE_PREFIX

    class Meta(AbstractInput.Meta):
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        indexes = [
            models.Index(fields=["module", "status", "created_at"]),
            models.Index(fields=["municipality", "status", "created_at"]),
            models.Index(fields=["budget", "review"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(review="feasible") | Q(cost__gt=0), name="budgeting_project_feasible_has_cost"
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True, latitude__isnull=True)
                | Q(longitude__isnull=False, latitude__isnull=False),
                name="budgeting_project_point_whole",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def on_ballot(self):
        return self.review == Review.FEASIBLE and self.is_published

    def receipt_details(self):
        return [(_("Title"), self.title), (_("Budget"), self.budget.name)]


class Support(AbstractSupport):
    """One person supports one proposal, at most once."""

    input = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="budget_supports")


class Voter(models.Model):
    """The district a resident says they live in, for one module: they vote in that district's budget and in the
    budgets for everyone. Declared by the resident until an e-ID gives the place of residence."""

    module = models.ForeignKey("participation.Module", on_delete=models.CASCADE, related_name="budget_voters")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="budget_voters")
    district = models.ForeignKey(
        "organisations.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    declared_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["module", "user"], name="budgeting_voter_once")]

    def __str__(self):
        return f"{self.user_id} → {self.district_id}"


class Ballot(models.Model):
    """One person's choice of projects in one budget. The database keeps one ballot per person and budget; a
    person changes their ballot until voting closes. Erasing the person keeps the ballot without them."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="ballots")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="budget_ballots"
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.ONLINE)
    identity_level = identity_level_used_field()  # the voter's when the ballot was last sent
    projects = models.ManyToManyField(Project, through="BallotChoice", related_name="ballots")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["budget", "voter"], name="budgeting_ballot_once_per_budget")]

    def __str__(self):
        return f"{self.budget_id}: {self.voter_id}"

    @property
    def reference(self):
        """The ballot's number as the voter reads it on the confirmation and in the receipt: "MBR-12"."""
        return f"{BALLOT_PREFIX}-{self.pk}"


class BallotChoice(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="choices")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["ballot", "project"], name="budgeting_choice_once")]

    def __str__(self):
        return f"{self.ballot_id} → {self.project_id}"
