"""The panel's composition against the population: share and index per age band × gender (× area), under-represented
groups marked, a suggestion of whom to recruit, small groups suppressed; chart and table."""

import pytest
from django.urls import reverse

from delaktig.panel import selectors
from delaktig.participation.tests.population_support import areas_for, even_population, population_set

from .factories import PanelMemberFactory

pytestmark = pytest.mark.django_db


def members(municipality, count, **fields):
    return [PanelMemberFactory(municipality=municipality, **fields) for _ in range(count)]


def test_without_population_figures_there_is_nothing_to_compare(municipality):
    members(municipality, 3)
    found = selectors.panel_composition(municipality, by_area=False)
    assert not found.has_population and found.active == 3


def test_share_index_and_the_groups_to_recruit(municipality):
    even_population(municipality)  # 13–17 is left out: the panel is 18 and older; 10 groups of 10 %
    members(municipality, 20, age_band="65_79", gender="woman")
    members(municipality, 10, age_band="45_64", gender="man")
    members(municipality, 6, age_band="18_29", gender="man")
    members(municipality, 2, age_band="30_44", gender="other")
    found = selectors.panel_composition(municipality, by_area=False)
    rows = {row.key: row for row in found.comparison.rows}
    assert ("under_18", "woman") not in rows and len(rows) == 10
    assert rows[("65_79", "woman")].share == 55.6 and rows[("65_79", "woman")].index == 556
    assert rows[("18_29", "man")].index == 167 and not rows[("18_29", "man")].under
    assert rows[("18_29", "woman")].shown == 0 and rows[("18_29", "woman")].under
    assert found.comparison.compared == 36 and found.comparison.not_compared == "färre än 5"
    assert found.suggestion.startswith("Det saknas främst kvinnor 18–29 år, ")


def test_by_area(municipality):
    centre, village = areas_for(municipality, ("Centrum", "Byn"))
    population_set(municipality, {("18_29", "woman", centre): 100, ("18_29", "woman", village): 300})
    members(municipality, 10, age_band="18_29", gender="woman", area=centre)
    members(municipality, 5, age_band="18_29", gender="woman", area=village)
    members(municipality, 1, age_band="18_29", gender="woman", area=None)
    found = selectors.panel_composition(municipality, by_area=True)
    rows = {row.label: row for row in found.comparison.rows}
    assert rows["kvinnor 18–29 år i Byn"].index == 44 and rows["kvinnor 18–29 år i Byn"].under
    assert found.suggestion == "Det saknas främst kvinnor 18–29 år i Byn."
    assert found.comparison.not_compared == "färre än 5"  # the member without an area


def test_small_groups_are_suppressed(municipality):
    even_population(municipality)
    members(municipality, 30, age_band="65_79", gender="woman")
    members(municipality, 2, age_band="18_29", gender="woman")
    found = selectors.panel_composition(municipality, by_area=False)
    hidden = [row for row in found.comparison.rows if row.hidden]
    assert [row.shown for row in hidden] == ["färre än 5", "visas inte"]
    assert all(row.share is None and row.index is None for row in hidden)
    assert all(line.panel is None for line in found.chart if line.label in {row.label for row in hidden})


def test_the_page_has_the_chart_the_table_and_the_suggestion(client, municipality, staff):
    client.force_login(staff["democracy_officer"])
    url = reverse("panel:staff_composition", args=[municipality.slug])
    assert "Det finns inga befolkningssiffror" in client.get(url).content.decode()
    even_population(municipality)
    members(municipality, 12, age_band="65_79", gender="woman")
    page = client.get(url).content.decode()
    assert "<svg" in page and "<table" in page and "Det saknas främst" in page and 'class="under"' in page
    assert client.get(url + "?omraden=1").status_code == 200
    csv = client.get(reverse("panel:staff_composition_csv", args=[municipality.slug])).content.decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("Grupp;Medlemmar") and "kvinnor 65–79 år;12" in csv
