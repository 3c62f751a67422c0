"""Participation figures of a dialogue (see selectors.participation_figures) and the theme × group tables.

Demographics are counted per input (one person may have written several) and only where the person told.
"""

from collections import Counter

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from delaktig.core.contributions import Table
from delaktig.organisations.models import Area
from delaktig.participation.demographics import AgeBand, Gender, breakdown, suppress_matrix
from delaktig.participation.population import COMPARED_BANDS, Sex
from delaktig.participation.representation import UNDER_REPRESENTED_BELOW, compare
from delaktig.participation.selectors_population import area_residents, population_counts


def dimensions(dialogue, areas=None):
    """[(key, heading, choices)] of the demographic dimensions, choices as [(value, label)]."""
    areas = _areas(dialogue) if areas is None else areas
    return [
        ("age_band", _("Age"), list(AgeBand.choices)),
        ("gender", _("Gender"), list(Gender.choices)),
        ("area", _("Area"), [(area.pk, area.name) for area in areas]),
    ]


def _areas(dialogue):
    return list(Area.objects.filter(municipality_id=dialogue.municipality_id))


def resident_shares(dialogue, areas=None):
    """{area id: percent of the residents} when every area of the municipality has a number of residents (imported
    from SCB, else typed on the area), else None (a comparison with some areas missing would mislead)."""
    areas = _areas(dialogue) if areas is None else areas
    residents = area_residents(dialogue.municipality, areas)
    if not areas or any(residents[area.pk] is None for area in areas):
        return None
    total = sum(residents.values())
    if not total:
        return None
    return {area.pk: round(100 * residents[area.pk] / total, 1) for area in areas}


def demographic_tables(dialogue, records):
    """One suppressed table per dimension: group, number of inputs; the last row is the total. The area table
    has a third column, the area's share of the residents (percent), when every area has its number."""
    areas = _areas(dialogue)
    tables = []
    for key, heading, choices in dimensions(dialogue, areas):
        if not choices:
            continue
        rows, total = breakdown([r.demographics.get(key) for r in records], choices)
        headers, rows = (str(heading), pgettext("results", "Inputs")), (*rows, (_("Total"), total))
        shares = resident_shares(dialogue, areas) if key == "area" else None
        if shares:
            headers, rows = (*headers, _("Share of residents (%)")), _with_shares(rows, choices, shares)
        tables.append(
            Table(
                caption=_("Inputs by %(dimension)s") % {"dimension": heading.lower()},
                headers=headers,
                rows=rows,
                key=f"demographics_{key}",
            )
        )
    return tables


def _with_shares(rows, choices, shares):
    """Each area's row gets its share of the residents; the rows "Not told" and "Total" get none."""
    values = [value for value, _label in choices] + [None, None]
    return tuple((*row, shares.get(value)) for row, value in zip(rows, values, strict=True))


def theme_group_tables(dialogue, records, themes, tags):
    """Per dimension: rows of themes, a column per group, suppressed within each theme's shown total.

    `tags` maps an input ref to the set of its theme ids.
    """
    by_ref = {r.ref: r for r in records}
    tables = []
    for key, heading, choices in dimensions(dialogue):
        if not choices:
            continue
        values = [value for value, _label in choices]
        matrix = []
        for theme in themes:
            tagged = [by_ref[ref] for ref, ids in tags.items() if theme.pk in ids and ref in by_ref]
            counts = Counter(r.demographics.get(key) for r in tagged)
            known = [counts.get(value, 0) for value in values]
            matrix.append([*known, len(tagged) - sum(known)])
        cells = suppress_matrix(matrix)
        rows = tuple(
            (theme.name, *(cell.shown() for cell in row), sum(line))
            for theme, row, line in zip(themes, cells, matrix, strict=True)
        )
        headers = (_("Theme"), *(str(label) for _value, label in choices), _("Not told"), _("Total"))
        caption = _("Themes by %(dimension)s") % {"dimension": heading.lower()}
        tables.append(Table(caption=caption, headers=headers, rows=rows, key=f"themes_{key}"))
    return tables


# Compared with the population (participation.representation): age band × sex, and × area when there are figures
# per area. Counted per input, like the tables above, among inputs whose person told age band and gender.

REPRESENTATION_KEYS = ("representation_age_sex", "representation_age_sex_area")


def representation_tables(dialogue, records):
    """Up to two Tables: group, inputs, share of inputs, share of residents, index and whether under-represented
    ("Yes" or ""); small cells suppressed. [] without population figures or anyone to compare."""
    tables = []
    for by_area, key in zip((False, True), REPRESENTATION_KEYS, strict=True):
        population = population_counts(dialogue.municipality, by_area=by_area)
        if not population:
            continue
        names = {area.pk: area.name for area in population.areas}
        counts, other = _group_counts(records, population.counts, by_area)
        comparison = compare(counts, population.counts, not_compared=other, area_names=names, year=population.year)
        if comparison.compared:  # nobody told enough to be compared: a table of zeros would mislead
            tables.append(_representation_table(comparison, by_area, key))
    return tables


def _group_key(demographics, by_area):
    band, sex = demographics.get("age_band"), demographics.get("gender")
    if band not in COMPARED_BANDS or sex not in Sex.values:
        return None
    if not by_area:
        return band, sex
    try:
        return band, sex, int(demographics.get("area"))
    except (TypeError, ValueError):
        return None


def _group_counts(records, population, by_area):
    counts, other = Counter(), 0
    for record in records:
        key = _group_key(record.demographics, by_area)
        if key in population:
            counts[key] += 1
        else:
            other += 1
    return counts, other


def _representation_table(comparison, by_area, key):
    dimension = _("age, sex and area") if by_area else _("age and sex")
    caption = _("Compared with the population: %(dimension)s (residents %(year)s)") % {
        "dimension": dimension,
        "year": comparison.year,
    }
    marked = _("Yes")
    rows = [
        (row.label, row.shown, row.share, row.population_share, row.index, marked if row.under else "")
        for row in comparison.rows
    ]
    rows.append((_("Not compared"), comparison.not_compared, None, None, None, ""))
    headers = (
        _("Group"),
        pgettext("results", "Inputs"),
        _("Share of inputs (%)"),
        _("Share of residents (%)"),
        _("Index"),
        _("Under-represented (index below %(limit)s)") % {"limit": UNDER_REPRESENTED_BELOW},
    )
    return Table(caption=caption, headers=headers, rows=tuple(rows), key=key)
