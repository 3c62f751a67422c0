import pytest

from delaktig.demo.tests.site import demo_data  # noqa: F401 (a fixture)
from delaktig.dialogues.models import State
from delaktig.organisations.models import Municipality
from delaktig.results import selectors
from delaktig.results.models import Quote, Theme


@pytest.mark.django_db
def test_demo_gives_closed_dialogues_themes_tags_quotes_and_demographics(demo_data):  # noqa: F811
    muni = Municipality.objects.get(slug="hagfors")
    closed = muni.dialogues.filter(state=State.CLOSED).first()
    assert Theme.objects.filter(dialogue=closed).count() >= 2
    assert Quote.objects.filter(dialogue=closed).exists()
    overview = selectors.results_overview(closed)
    assert overview.total_inputs > overview.untagged_count
    figures = selectors.participation_figures(closed)
    age = dict(next(t for t in figures.demographic_tables if t.key == "demographics_age_band").rows)
    assert "färre än 5" in age.values()
    from delaktig.demo import results as demo_results

    officer = {"handlaggare": muni.memberships.get(role="officer").user}
    demo_results.load(muni, {}, officer)  # dialogues added by later demo steps get their themes now
    themes, quotes = Theme.objects.count(), Quote.objects.count()
    demo_results.load(muni, {}, officer)
    assert (Theme.objects.count(), Quote.objects.count()) == (themes, quotes)  # loading twice changes nothing
