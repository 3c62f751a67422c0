"""The results workspace compares who took part with the population: age × sex, and × area when there are figures
per area; small cells suppressed; the decision basis lists the under-represented groups."""

import pytest
from django.urls import reverse

from delaktig.decisionbasis.content import representation_note
from delaktig.participation.tests.population_support import areas_for, even_population
from delaktig.results import selectors

from .conftest import enter

pytestmark = pytest.mark.django_db


def tables(dialogue):
    return {table.key: table for table in selectors.participation_figures(dialogue).representation_tables}


def test_without_population_figures_there_is_no_comparison(dialogue, module, staff):
    enter(module, staff["officer"], "A", "Text om parken", age_band="30_44", gender="woman")
    assert tables(dialogue) == {}


def test_inputs_by_age_and_sex_against_the_population(dialogue, module, staff):
    even_population(dialogue.municipality)  # 12 groups of equal size: 8.3 % each
    for _ in range(10):
        enter(module, staff["officer"], "A", "Text om parken", age_band="30_44", gender="woman")
    for _ in range(6):
        enter(module, staff["officer"], "B", "Text om parken", age_band="65_79", gender="man")
    enter(module, staff["officer"], "C", "Text om parken", age_band="65_79", gender="other")
    table = tables(dialogue)["representation_age_sex"]
    assert table.caption == "Jämfört med befolkningen: ålder och kön (invånare 2024)"
    found = {row[0]: row for row in table.rows}
    assert found["kvinnor 30–44 år"] == ("kvinnor 30–44 år", 10, 62.5, 8.3, 750, "")
    assert found["män 65–79 år"][4] == 450
    assert found["kvinnor 18–29 år"] == ("kvinnor 18–29 år", 0, 0.0, 8.3, 0, "Ja")
    assert found["Jämförs inte"][1] == "färre än 5"  # the one who chose "other"
    assert "representation_age_sex_area" not in tables(dialogue)


def test_by_area_when_there_are_figures_per_area_with_suppression(dialogue, module, staff):
    centre, village = areas_for(dialogue.municipality, ("Centrum", "Byn"))
    even_population(dialogue.municipality, areas=[centre, village])
    for _ in range(8):
        enter(module, staff["officer"], "A", "Text om parken", age_band="45_64", gender="woman", area=centre)
    for _ in range(2):
        enter(module, staff["officer"], "B", "Text om parken", age_band="45_64", gender="woman", area=village)
    table = tables(dialogue)["representation_age_sex_area"]
    found = {row[0]: row for row in table.rows}
    assert found["kvinnor 45–64 år i Byn"][1:5] == ("färre än 5", None, 4.2, None)
    assert found["kvinnor 45–64 år i Centrum"][1:5] == (8, 80.0, 4.2, 1920)
    hidden = [row[0] for row in table.rows if row[1] == "visas inte"]
    assert hidden == ["kvinnor 13–17 år i Centrum"]  # an empty group hidden too, so 10 − 8 does not reveal Byn
    assert found["män 45–64 år i Centrum"][1] == 0 and found["män 45–64 år i Centrum"][5] == "Ja"


def test_the_area_table_uses_imported_residents(dialogue, module, staff):
    centre, village = areas_for(dialogue.municipality, ("Centrum", "Byn"))
    even_population(dialogue.municipality, areas=[centre], per_cell=10)  # Centrum: 120 residents, Byn: none
    enter(module, staff["officer"], "A", "Text", area=centre)
    area_table = next(t for t in selectors.participation_figures(dialogue).demographic_tables if t.key.endswith("area"))
    assert len(area_table.headers) == 2  # Byn has no figure at all: no shares
    village.population = 40
    village.save()
    area_table = next(t for t in selectors.participation_figures(dialogue).demographic_tables if t.key.endswith("area"))
    assert area_table.rows[0][2] == 75.0  # Centrum: 120 imported of 160


def test_the_decision_basis_lists_the_under_represented_groups(dialogue, module, staff):
    even_population(dialogue.municipality)
    for _ in range(10):
        enter(module, staff["officer"], "A", "Text om parken", age_band="30_44", gender="woman")
    note = representation_note(selectors.participation_figures(dialogue).representation_tables)
    assert note.startswith("Jämfört med befolkningen: ålder och kön (invånare 2024): underrepresenterade")
    assert "män 30–44 år" in note and "kvinnor 30–44 år," not in note


def test_the_workspace_shows_the_comparison_and_links_to_the_figures(client, dialogue, module, staff):
    client.force_login(staff["democracy_officer"])
    url = reverse("results:overview", args=[dialogue.municipality.slug, dialogue.pk])
    page = client.get(url).content.decode()
    assert (
        "Det finns inga befolkningssiffror" in page
        and reverse("participation:population", args=[dialogue.municipality.slug]) in page
    )
    even_population(dialogue.municipality)
    for _ in range(6):
        enter(module, staff["officer"], "A", "Text om parken", age_band="30_44", gender="woman")
    page = client.get(url).content.decode()
    assert "Jämfört med befolkningen: ålder och kön" in page and 'class="under"' in page
    csv = client.get(reverse("results:figures_csv", args=[dialogue.municipality.slug, dialogue.pk]))
    assert "Jämfört med befolkningen" in csv.content.decode("utf-8-sig")


def test_without_anyone_who_told_age_and_gender_there_is_no_comparison(dialogue, module, staff):
    even_population(dialogue.municipality)
    for _ in range(6):
        enter(module, staff["officer"], "A", "Text om parken", age_band="30_44")  # no gender told
    assert tables(dialogue) == {}
