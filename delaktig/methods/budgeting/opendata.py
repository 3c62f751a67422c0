"""Participatory budgeting's public data (manifest `datasets`): the result of each budget once voting is over, one
row per project on the ballot with its cost, votes and whether it was chosen. Aggregated only: never a ballot."""

from django.utils.translation import gettext_lazy as _

from delaktig.core.contributions import Dataset, DatasetField
from delaktig.dialogues.models import PUBLIC_STATES
from delaktig.participation.models import Module

from . import selectors
from .about import METHOD_KEY


class ResultRows:
    """The rows of the result (count() and slicing, as a dataset's rows need), counted once per module."""

    def __init__(self, rows):
        self._rows = rows

    def count(self):
        return len(self._rows)

    def __getitem__(self, index):
        return self._rows[index]


def result_rows(municipality, filters):
    modules = (
        Module.objects.filter(method=METHOD_KEY, dialogue__municipality=municipality, dialogue__state__in=PUBLIC_STATES)
        .prefetch_related("phases")
        .select_related("dialogue__municipality")
    )
    if "dialogue" in filters:
        modules = modules.filter(dialogue_id=filters["dialogue"])
    rows = []
    for module in modules.order_by("id"):
        if selectors.voting_over(module):
            rows += [(module, result, row) for result in selectors.results(module) for row in result.projects]
    return ResultRows(rows)


def result_row(item):
    module, result, row = item
    return {
        "id": row.project.pk,
        "dialogue_id": module.dialogue_id,
        "module_id": module.pk,
        "budget": result.budget.name,
        "budget_amount": result.budget.amount,
        "district": result.budget.district.name if result.budget.district else None,
        "rule": result.rule,
        "title": row.project.title,
        "cost": row.project.cost,
        "votes": row.votes,
        "ballots": result.ballots,
        "selected": row.selected,
        "url": row.project.get_absolute_url(),
    }


def result_detail(municipality, pk):
    for item in result_rows(municipality, {})[:]:
        if item[2].project.pk == pk:
            return result_row(item)
    return None


RESULTS = Dataset(
    key="participatory-budgeting",
    title=_("Participatory budgeting results"),
    description=_(
        "The result of each participatory budget once voting is over: every project on the ballot, its cost, how "
        "many voted for it and whether it was chosen by the counting rule. No single ballots, no names."
    ),
    fields=(
        DatasetField("id", "integer", _("Identifier of the project")),
        DatasetField("dialogue_id", "integer", _("The dialogue")),
        DatasetField("module_id", "integer", _("The module (a way to take part)")),
        DatasetField("budget", "string", _("The budget")),
        DatasetField("budget_amount", "integer", _("The budget's amount in kronor")),
        DatasetField(
            "district", "string", _("The district of the budget; empty for the whole municipality"), nullable=True
        ),
        DatasetField("rule", "string", _("The counting rule: greedy or equal_shares")),
        DatasetField("title", "string", _("Title")),
        DatasetField("cost", "integer", _("The cost in kronor, as staff assessed it")),
        DatasetField("votes", "integer", _("Ballots that chose the project")),
        DatasetField("ballots", "integer", _("Ballots in the budget")),
        DatasetField("selected", "boolean", _("Whether the project won")),
        DatasetField("url", "string", _("The project's page")),
    ),
    rows=result_rows,
    to_row=result_row,
    filters=(DatasetField("dialogue", "integer", _("Only projects in this dialogue")),),
    detail=result_detail,
    keywords=("medborgardialog", "medborgarbudget", "deltagande budgetering"),
    order=66,
    extra={"choices": {"rule": ("greedy", "equal_shares")}},
)

DATASETS = (RESULTS,)
