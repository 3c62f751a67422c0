import datetime

import pytest
from django.utils import timezone

from delaktig.participation.models import Channel, Module
from delaktig.participation.registry import InputRecord, MethodManifest, registry
from delaktig.results import selectors, services
from delaktig.results.models import Theme
from tests.dummy_method.factories import DummyInputFactory
from tests.dummy_method.factories import ref as ref_of

from .conftest import enter

pytestmark = pytest.mark.django_db
DUMMY_URLS = "delaktig.results.tests.dummy_urls"


def test_dialogue_inputs_read_every_method_through_the_registry(dialogue, module, staff):
    enter(module, staff["officer"], "Bänkar", "Fler bänkar i parken.")
    record = InputRecord("survey:1", 0, "survey", "Enkät", "Svar från en enkät", Channel.ONLINE, timezone.now())
    dummy = MethodManifest(
        key="survey", name="Enkät", description="", phase_types={}, public_urls=DUMMY_URLS, staff_urls=DUMMY_URLS,
        resident_actions=frozenset(), staff_actions={}, stats=dict, export_rows=list, personal_data=list,
        erase=lambda user: 0, participant_ids=lambda m: {42}, module_template="", inputs=lambda m: [record],
    )  # fmt: skip
    with registry.temporarily(dummy):
        Module.objects.create(dialogue=dialogue, method="survey", name="Enkät", order=5)
        refs = [r.ref for r in selectors.dialogue_inputs(dialogue)]
        assert "survey:1" in refs and any(ref.startswith("dummy_method:") for ref in refs)
        figures = selectors.participation_figures(dialogue)
    assert figures.total_inputs == 2
    assert [row.inputs for row in figures.by_method] == [1, 1]
    assert figures.total_participants == 1


def test_results_overview_counts_themes_untagged_channels_and_quotes(dialogue, module, staff):
    officer = staff["officer"]
    a = enter(module, officer, "Lekplats", "Lekplatsen behöver nya gungor. Barnen väntar.")
    b = enter(module, officer, "Trafik", "Bilarna kör för fort.")
    DummyInputFactory(module=module, title="Online", text="Mer ljus i parken.")
    theme = services.theme_create(dialogue=dialogue, actor=officer, name="Lek")
    services.tags_set(dialogue=dialogue, actor=officer, assignments={ref_of(a): {theme.pk}})
    record = next(r for r in selectors.dialogue_inputs(dialogue) if r.ref == ref_of(a))
    services.quote_create(
        dialogue=dialogue, actor=officer, record=record, text="Lekplatsen behöver nya gungor.", theme=theme
    )
    overview = selectors.results_overview(dialogue)
    assert overview.total_inputs == 3 and overview.untagged_count == 2
    assert [(t.name, t.count) for t in overview.themes] == [("Lek", 1)]
    assert overview.themes[0].quotes == [("Lekplatsen behöver nya gungor.", "På papper")]
    assert overview.by_channel == {"På papper": 2, "På webben": 1}
    assert selectors.theme_counts(dialogue) == {theme.pk: 1}
    assert list(selectors.themes_for(dialogue)) == [theme]
    assert b  # untagged


def test_participation_figures_suppress_small_groups(dialogue, module, staff):
    for _ in range(6):
        enter(module, staff["officer"], "A", "Text om parken", age_band="30_44", gender="woman")
    for _ in range(2):
        enter(module, staff["officer"], "B", "Text om parken", age_band="65_79", gender="man")
    figures = selectors.participation_figures(dialogue)
    age = next(t for t in figures.demographic_tables if t.key == "demographics_age_band")
    rows = dict(age.rows)
    assert rows["30–44 år"] == 6
    assert rows["65–79 år"] == "färre än 5"
    assert list(rows.values()).count("visas inte") == 1  # secondary suppression protects the 65–79 cell
    assert rows["Totalt"] == 8
    gender = dict(next(t for t in figures.demographic_tables if t.key == "demographics_gender").rows)
    assert gender["Man"] == "färre än 5" and gender["Kvinna"] == 6
    assert figures.offline_inputs == 8 and figures.online_inputs == 0


def test_themes_are_per_dialogue(dialogue, municipality):
    other = Theme.objects.create(
        dialogue=Module.objects.create(dialogue=dialogue, method="x", name="x").dialogue, name="A"
    )
    assert list(selectors.themes_for(dialogue)) == [other]


def test_created_at_orders_inputs(dialogue, module, staff):
    first = enter(module, staff["officer"], "Först", "Text ett")
    second = enter(module, staff["officer"], "Sedan", "Text två")
    type(first).objects.filter(pk=second.pk).update(created_at=timezone.now() - datetime.timedelta(days=3))
    assert [r.title for r in selectors.dialogue_inputs(dialogue)] == ["Sedan", "Först"]


def test_the_area_table_shows_each_areas_share_of_the_residents_when_every_area_has_it(dialogue, module, staff):
    from delaktig.organisations.models import Area

    centre = Area.objects.create(municipality=dialogue.municipality, name="Centrum", population=3000)
    village = Area.objects.create(municipality=dialogue.municipality, name="Byn", population=1000)
    for _ in range(6):
        enter(module, staff["officer"], "A", "Text om parken", area=centre)

    def area_table():
        tables = selectors.participation_figures(dialogue).demographic_tables
        return next(t for t in tables if t.key == "demographics_area")

    table = area_table()
    assert table.headers[-1] == "Andel av invånarna (%)"
    assert table.rows[:2] == (("Byn", 0, 25.0), ("Centrum", 6, 75.0))  # in the areas' order
    assert table.rows[-1] == ("Totalt", 6, None)
    Area.objects.filter(pk=village.pk).update(population=None)  # one area without its number: no comparison
    assert len(area_table().headers) == 2 and len(area_table().rows[0]) == 2


def test_an_area_with_no_residents_keeps_the_comparison_and_all_empty_turns_it_off(dialogue):
    from delaktig.organisations.models import Area
    from delaktig.results.figures import resident_shares

    centre = Area.objects.create(municipality=dialogue.municipality, name="Centrum", population=1000)
    empty = Area.objects.create(municipality=dialogue.municipality, name="Industriområdet", population=0)
    assert resident_shares(dialogue) == {centre.pk: 100.0, empty.pk: 0.0}
    Area.objects.filter(pk=centre.pk).update(population=0)
    assert resident_shares(dialogue) is None
