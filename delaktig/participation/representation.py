"""Who took part (or who is in the citizen panel) compared with who lives in the municipality.

For each group (age band × sex, or age band × sex × area) of the population reference data:

- the group's share of those compared (percent, one decimal),
- the group's share of the residents (13 and older; percent),
- the index: share of those compared ÷ share of residents × 100; 100 means as many as in the population,
- under-represented when the index is below `UNDER_REPRESENTED_BELOW` (80): the group has less than four fifths
  of its share of the population. 80 is the usual "four-fifths" rule of thumb for adverse impact, strict enough to
  mark a group clearly short and loose enough that a few people more or less in a small group do not mark it.

Only people who told both their age band and a gender the population counts (woman or man), and for the area
breakdown their area, are compared; the rest are counted as "not compared". Counts are suppressed as everywhere
(`demographics`): a group of fewer than five reads "fewer than 5", and a second group in the line is hidden when
one hidden group could be worked out. A hidden group's share and index are hidden too. A group hidden as
"fewer than 5" is still marked under-represented when even four would leave its index below 80, which says no
more than "fewer than 5" already does.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .demographics import THRESHOLD, Cell, hidden_label, suppress_counts, suppressed_label
from .population import Sex

UNDER_REPRESENTED_BELOW = 80

GENDER_PLURAL = {Sex.WOMAN.value: gettext_lazy("women"), Sex.MAN.value: gettext_lazy("men")}
AGES_PHRASE = {
    "under_18": gettext_lazy("aged 13–17"),
    "18_29": gettext_lazy("aged 18–29"),
    "30_44": gettext_lazy("aged 30–44"),
    "45_64": gettext_lazy("aged 45–64"),
    "65_79": gettext_lazy("aged 65–79"),
    "80_plus": gettext_lazy("aged 80 or older"),
}


@dataclass(frozen=True)
class GroupRow:
    key: tuple  # (band, sex) or (band, sex, area id)
    label: str  # "women aged 18–29" or "women aged 18–29 in Ekshärad"
    count: int  # never shown as it is: `shown` is
    shown: int | str
    share: float | None  # percent of those compared; None when hidden
    population_share: float  # percent of the residents compared
    index: int | None  # None when hidden or the population share is 0
    under: bool  # under-represented
    population: int

    @property
    def hidden(self):
        return not isinstance(self.shown, int)


@dataclass(frozen=True)
class Comparison:
    rows: tuple  # GroupRow, in the population's order
    compared: int
    not_compared: int | str  # suppressed
    population_total: int
    year: int | None

    @property
    def under(self):
        return [row for row in self.rows if row.under]


def group_label(key, area_names=None):
    band, sex = key[0], key[1]
    text = _("%(gender)s %(ages)s") % {"gender": GENDER_PLURAL[sex], "ages": AGES_PHRASE[band]}
    if len(key) > 2 and area_names is not None:
        text = _("%(group)s in %(area)s") % {"group": text, "area": area_names.get(key[2], "")}
    return text


def compare(
    counts: Mapping, population: Mapping, *, not_compared=0, area_names=None, year=None, threshold=THRESHOLD
) -> Comparison:
    """Compare `counts` {key: people} with `population` {key: residents} over the population's keys."""
    keys: Sequence = list(population)
    numbers = [counts.get(key, 0) for key in keys]
    compared = sum(numbers)
    cells = suppress_counts(numbers, threshold)
    residents = sum(population.values())
    rows = tuple(
        _row(key, number, cell, population[key], residents, compared, area_names, threshold)
        for key, number, cell in zip(keys, numbers, cells, strict=True)
    )
    hidden_other = 0 < not_compared < threshold
    return Comparison(
        rows=rows,
        compared=compared,
        not_compared=suppressed_label(threshold) if hidden_other else not_compared,
        population_total=residents,
        year=year,
    )


def _row(key, number, cell: Cell, residents_here, residents, compared, area_names, threshold):
    population_share = round(100 * residents_here / residents, 1) if residents else 0.0
    label = group_label(key, area_names)
    if cell.hidden:
        return GroupRow(
            key, label, number, cell.shown(threshold), None, population_share, None,
            _surely_under(number, cell, residents_here, residents, compared, threshold), residents_here,
        )  # fmt: skip
    share = round(100 * number / compared, 1) if compared else 0.0
    index = _index(number, compared, residents_here, residents)
    under = index is not None and index < UNDER_REPRESENTED_BELOW
    return GroupRow(key, label, number, number, share, population_share, index, under, residents_here)


def _index(number, compared, residents_here, residents):
    if not compared or not residents or not residents_here:
        return None
    return round((number / compared) / (residents_here / residents) * 100)


def _surely_under(number, cell, residents_here, residents, compared, threshold):
    """A group shown as "fewer than 5" is under-represented whatever its count when even threshold - 1 would be."""
    if cell.shown(threshold) == hidden_label() or not (0 < number < threshold):
        return False
    most = _index(threshold - 1, compared, residents_here, residents)
    return most is not None and most < UNDER_REPRESENTED_BELOW


def shortfalls(comparison: Comparison, *, limit=3):
    """The under-represented groups that lack the most people, as many as `limit`: [(label, missing)].

    Missing = the group's share of the residents × those compared − the group's count, rounded; for a hidden group
    the count is taken as the threshold's worth, so the suggestion reveals nothing the table hides.
    """
    missing = []
    for row in comparison.under:
        count = row.count if not row.hidden else THRESHOLD - 1
        lack = round(row.population_share / 100 * comparison.compared - count)
        if lack > 0:
            missing.append((row.label, lack))
    missing.sort(key=lambda item: -item[1])
    return missing[:limit]


def suggestion(comparison: Comparison, *, limit=3):
    """One plain sentence of whom to recruit or reach, or "" when no group is clearly short."""
    groups = [label for label, _lack in shortfalls(comparison, limit=limit)]
    if not groups:
        return ""
    if len(groups) == 1:
        listed = groups[0]
    else:
        listed = _("%(first)s and %(last)s") % {"first": ", ".join(groups[:-1]), "last": groups[-1]}
    return _("Mostly missing: %(groups)s.") % {"groups": listed}
