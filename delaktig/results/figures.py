"""Participation figures of a dialogue (see selectors.participation_figures) and the theme × group tables.

Demographics are counted per input (one person may have written several) and only where the person told.
"""

from collections import Counter

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from delaktig.core.contributions import Table
from delaktig.organisations.models import Area
from delaktig.participation.demographics import AgeBand, Gender, breakdown, suppress_matrix


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
    """{area id: percent of the residents} when every area of the municipality has a number of residents,
    else None (a comparison with some areas missing would mislead)."""
    areas = _areas(dialogue) if areas is None else areas
    if not areas or any(area.population is None for area in areas):
        return None
    total = sum(area.population for area in areas)
    if not total:
        return None
    return {area.pk: round(100 * area.population / total, 1) for area in areas}


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
