"""The demo's participatory budgets: the young people's budget of 2026 is counted and its winners are the measures
follow-up shows; the budget per district is open for voting, so a tester can try the ballot."""

import pytest

from delaktig.accounts.models import User
from delaktig.followup.models import Measure
from delaktig.methods.budgeting import selectors
from delaktig.participation.models import Module
from delaktig.participation.rules import allowed

from .site import demo_data  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def test_the_young_peoples_winners_are_measures_from_the_result(demo_data):  # noqa: F811
    module = Module.objects.get(method="budgeting", dialogue__title="Medborgarbudget för unga 2026")
    assert selectors.voting_over(module)
    (result,) = selectors.results(module)
    winners = {row.project.title for row in result.selected}
    assert winners == {
        "Pumptrack vid sporthallen",
        "Längre öppettider på fritidsgården",
        "Gratis gymkort för 16-åringar",
    }
    measures = Measure.objects.filter(dialogue=module.dialogue)
    linked = {measure.title for measure in measures if any(ref.startswith("budgeting:") for ref in measure.input_refs)}
    assert linked == winners
    assert selectors.measures_offered(module) and all(
        item.title in linked for item in selectors.measures_offered(module)
    )


def test_a_tester_can_vote_in_the_district_budget(demo_data):  # noqa: F811
    module = Module.objects.get(method="budgeting", dialogue__state="open")
    ines = User.objects.get(email="invanare@hagfors.example")
    assert allowed(ines, "vote", module)
    assert len(selectors.budgets_of(module)) == 1 + module.dialogue.municipality.areas.count()
    assert not any(selectors.ballot_of(budget, ines) is not None for budget in selectors.budgets_of(module))
