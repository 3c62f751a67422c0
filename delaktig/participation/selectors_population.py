"""Reads of the population reference data (`PopulationCell`), for the results workspace, the decision basis and the
citizen panel.

Public contract:

- `population_counts(municipality, *, by_area) -> Population`: residents per (age band, sex) or per (age band,
  sex, area id) of the latest year, compared bands only (13 and older)
- `area_residents(municipality) -> {area id: number or None}`: the imported figure where there is one, else the
  figure typed on the area (`organisations.Area.population`)
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Sum

from delaktig.organisations.models import Area

from .models import PopulationCell
from .population import COMPARED_BANDS, PopulationAge, Sex


@dataclass(frozen=True)
class Population:
    year: int | None
    counts: dict = field(default_factory=dict)  # key -> residents, in display order (area, band, sex)
    areas: tuple = ()  # Area, in order, when by area

    @property
    def total(self):
        return sum(self.counts.values())

    def __bool__(self):
        return self.total > 0


def population_years(municipality) -> list[int]:
    """The years the municipality has figures for, newest first."""
    cells = PopulationCell.objects.filter(municipality=municipality)
    return sorted(set(cells.values_list("year", flat=True)), reverse=True)


def _latest(municipality, **filters):
    cells = PopulationCell.objects.filter(municipality=municipality, **filters)
    return cells.order_by("-year").values_list("year", flat=True).first()


def population_counts(municipality, *, by_area: bool) -> Population:
    """Residents of the latest year per (band, sex), or per (band, sex, area id) when `by_area`.

    Without areas the whole municipality's cells are read, or, when the file had only areas, their sums. By area,
    only areas with figures are keys. Bands are those compared (13 and older); an empty Population when none.
    """
    if by_area:
        year = _latest(municipality, area__isnull=False)
        return _by_area(municipality, year) if year else Population(None)
    year = _latest(municipality)
    if year is None:
        return Population(None)
    cells = PopulationCell.objects.filter(municipality=municipality, year=year, age_band__in=COMPARED_BANDS)
    whole = cells.filter(area__isnull=True)
    rows = whole if whole.exists() else cells
    sums: dict = defaultdict(int)
    for band, sex, number in rows.values_list("age_band", "sex", "count"):
        sums[(band, sex)] += number
    counts = {(band, sex): sums.get((band, sex), 0) for band in COMPARED_BANDS for sex in Sex.values}
    return Population(year, counts)


def _by_area(municipality, year):
    cells = PopulationCell.objects.filter(
        municipality=municipality, year=year, area__isnull=False, age_band__in=COMPARED_BANDS
    )
    found = {(c.age_band, c.sex, c.area_id): c.count for c in cells.only("age_band", "sex", "area_id", "count")}
    area_ids = {area_id for _band, _sex, area_id in found}
    areas = tuple(Area.objects.filter(pk__in=area_ids).order_by("order", "name", "id"))
    counts = {
        (band, sex, area.pk): found.get((band, sex, area.pk), 0)
        for area in areas
        for band in COMPARED_BANDS
        for sex in Sex.values
    }
    return Population(year, counts, areas)


def area_residents(municipality, areas=None) -> dict:
    """{area id: residents} for every area: the latest imported year's sum (every age) where the area has cells,
    else the number typed on the area (None when not typed)."""
    areas = list(Area.objects.filter(municipality=municipality)) if areas is None else areas
    year = _latest(municipality, area__isnull=False)
    imported = {}
    if year is not None:
        cells = PopulationCell.objects.filter(municipality=municipality, year=year, area__isnull=False)
        imported = dict(cells.values("area_id").annotate(n=Sum("count")).values_list("area_id", "n"))
    return {area.pk: imported.get(area.pk, area.population) for area in areas}


@dataclass(frozen=True)
class YearSummary:
    year: int
    total: int
    by_band: list  # (label, women, men, total)
    by_area: list  # (area name or "", residents)


def population_summary(municipality) -> list[YearSummary]:
    """Per imported year, newest first: residents by age band and sex, and by area."""
    summaries = []
    for year in population_years(municipality):
        cells = PopulationCell.objects.filter(municipality=municipality, year=year).select_related("area")
        summaries.append(_summary(year, list(cells)))
    return summaries


def _summary(year, cells):
    whole = [cell for cell in cells if cell.area_id is None] or cells
    bands: dict = defaultdict(lambda: defaultdict(int))
    for cell in whole:
        bands[cell.age_band][cell.sex] += cell.count
    by_band = [
        (str(label), bands[band][Sex.WOMAN], bands[band][Sex.MAN], sum(bands[band].values()))
        for band, label in PopulationAge.choices
    ]
    areas: dict = defaultdict(int)
    order: dict = {}
    for cell in cells:
        if cell.area_id is not None:
            areas[cell.area.name] += cell.count
            order[cell.area.name] = (cell.area.order, cell.area.name)
    by_area = [(name, areas[name]) for name in sorted(areas, key=lambda name: order[name])]
    return YearSummary(year, sum(row[3] for row in by_band), by_band, by_area)
