"""Share, index and under-represented groups against the population, with small cells suppressed."""

from django.utils import translation

from delaktig.participation.representation import compare, group_label, shortfalls, suggestion

POPULATION = {("18_29", "woman"): 200, ("18_29", "man"): 200, ("65_79", "woman"): 300, ("65_79", "man"): 300}


def rows(comparison):
    return {row.key: row for row in comparison.rows}


def test_share_and_index_against_the_population():
    counts = {("18_29", "woman"): 10, ("18_29", "man"): 20, ("65_79", "woman"): 40, ("65_79", "man"): 30}
    comparison = compare(counts, POPULATION, not_compared=7, year=2024)
    young_women = rows(comparison)[("18_29", "woman")]
    assert young_women.share == 10.0 and young_women.population_share == 20.0 and young_women.index == 50
    assert young_women.under
    assert rows(comparison)[("18_29", "man")].index == 100 and not rows(comparison)[("18_29", "man")].under
    assert rows(comparison)[("65_79", "woman")].index == 133
    assert comparison.compared == 100 and comparison.not_compared == 7 and comparison.population_total == 1000


def test_the_limit_is_an_index_of_80():
    population = {("18_29", "woman"): 500, ("18_29", "man"): 500}
    exactly = rows(compare({("18_29", "woman"): 40, ("18_29", "man"): 60}, population))
    assert exactly[("18_29", "woman")].index == 80 and not exactly[("18_29", "woman")].under
    below = rows(compare({("18_29", "woman"): 39, ("18_29", "man"): 61}, population))
    assert below[("18_29", "woman")].index == 78 and below[("18_29", "woman")].under


def test_a_small_group_hides_its_count_share_and_index_and_one_more_group_with_it():
    counts = {("18_29", "woman"): 2, ("18_29", "man"): 30, ("65_79", "woman"): 40, ("65_79", "man"): 28}
    with translation.override("sv"):
        comparison = compare(counts, POPULATION)
        found = rows(comparison)
        assert found[("18_29", "woman")].shown == "färre än 5"
        assert found[("18_29", "woman")].share is None and found[("18_29", "woman")].index is None
        hidden = [row for row in comparison.rows if row.hidden]
        assert len(hidden) == 2  # the smallest other group is hidden too, so the total does not reveal the first
        assert found[("65_79", "man")].shown == "visas inte" and found[("65_79", "man")].share is None


def test_a_hidden_group_is_marked_only_when_even_four_would_be_too_few():
    many = {("18_29", "woman"): 3, ("18_29", "man"): 60, ("65_79", "woman"): 90, ("65_79", "man"): 90}
    assert rows(compare(many, POPULATION))[("18_29", "woman")].under  # 4 of 243 is far below 20 %
    few = {("18_29", "woman"): 3, ("18_29", "man"): 5, ("65_79", "woman"): 6, ("65_79", "man"): 6}
    assert not rows(compare(few, POPULATION))[("18_29", "woman")].under  # 4 of 20 could be 20 %: not sure
    assert not rows(compare(few, POPULATION))[("18_29", "man")].under  # hidden to protect: never marked


def test_a_group_with_nobody_is_shown_as_0_and_marked():
    counts = {("18_29", "man"): 30, ("65_79", "woman"): 40, ("65_79", "man"): 30}
    nobody = rows(compare(counts, POPULATION))[("18_29", "woman")]
    assert nobody.shown == 0 and nobody.index == 0 and nobody.under


def test_too_few_to_compare_hides_everything():
    comparison = compare({("18_29", "woman"): 2, ("18_29", "man"): 1}, POPULATION)
    assert all(row.share is None for row in comparison.rows if row.count)


def test_the_suggestion_names_the_groups_that_lack_the_most_in_plain_swedish():
    population = {("18_29", "woman", 1): 300, ("18_29", "man", 1): 100, ("65_79", "woman", 2): 600}
    counts = {("18_29", "woman", 1): 5, ("18_29", "man", 1): 10, ("65_79", "woman", 2): 85}
    with translation.override("sv"):
        comparison = compare(counts, population, area_names={1: "Ekshärad", 2: "Råda"})
        assert group_label(("18_29", "woman", 1), {1: "Ekshärad"}) == "kvinnor 18–29 år i Ekshärad"
        assert shortfalls(comparison) == [("kvinnor 18–29 år i Ekshärad", 25)]
        assert suggestion(comparison) == "Det saknas främst kvinnor 18–29 år i Ekshärad."
        counts[("18_29", "man", 1)] = 0
        two = compare(counts, population, area_names={1: "Ekshärad", 2: "Råda"})
        assert suggestion(two) == "Det saknas främst kvinnor 18–29 år i Ekshärad och män 18–29 år i Ekshärad."
        balanced = compare({("18_29", "woman", 1): 30, ("18_29", "man", 1): 10, ("65_79", "woman", 2): 60}, population)
        assert suggestion(balanced) == ""
