"""Population reference data: SCB's population table (area × age × sex) read into the platform's age bands.

SCB's table BefolkningNy (BE0101A) gives the number of residents on 31 December of each year by region, age (one
year at a time, "0 år" … "100+ år", or five-year groups) and sex. A municipality downloads it as CSV from SCB's
Statistikdatabasen, or asks SCB for its own areas (DeSO, RegSO, or its districts), and imports the file; the
numbers are stored per platform age band (`PopulationCell`).

How SCB's ages map onto the platform's age bands (`demographics.AgeBand`):

    SCB age     0–12   13–17      18–29   30–44   45–64   65–79   80 and older
    stored as   0_12   under_18   18_29   30_44   45_64   65_79   80_plus

Residents younger than 13 are kept (so an area's number of residents is complete) in a band of their own, `0_12`,
that no comparison uses: children that young seldom take part on their own, and from 13 a child may consent to
online services (lag 2018:218, 4 kap. 3 §). Comparing with every child from 0 would call every dialogue short of
young people. An age group is read when it lies inside one band (single years always do; of SCB's five-year groups
every one but 10–14 and 15–19 does); a group across a band's limit is refused with a message asking for single
years. Rows that are totals ("totalt", "samtliga", "båda könen") are skipped, as they would count people twice.
"""

import re
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from delaktig.core.csv_import import CsvError, csv_table, first_of, normalise

from .demographics import AgeBand, Gender

CHILDREN = "0_12"  # residents younger than YOUNGEST_COMPARED: counted, never compared
YOUNGEST_COMPARED = 13
OLDEST = 150  # "100+ år" reads as 100–150
MAX_ROWS = 50_000
# (first age of the band, band): a band runs to the next band's first age.
BAND_STARTS = (
    (0, CHILDREN),
    (YOUNGEST_COMPARED, AgeBand.UNDER_18.value),
    (18, AgeBand.AGE_18_29.value),
    (30, AgeBand.AGE_30_44.value),
    (45, AgeBand.AGE_45_64.value),
    (65, AgeBand.AGE_65_79.value),
    (80, AgeBand.AGE_80_PLUS.value),
)
LIMITS = ", ".join(str(start) for start, _band in BAND_STARTS[1:])


class PopulationAge(models.TextChoices):
    """The platform's age bands, and the children who are counted but not compared."""

    CHILDREN = CHILDREN, gettext_lazy("0–12 (not compared)")
    UNDER_18 = AgeBand.UNDER_18.value, gettext_lazy("13–17")
    AGE_18_29 = AgeBand.AGE_18_29.value, AgeBand.AGE_18_29.label
    AGE_30_44 = AgeBand.AGE_30_44.value, AgeBand.AGE_30_44.label
    AGE_45_64 = AgeBand.AGE_45_64.value, AgeBand.AGE_45_64.label
    AGE_65_79 = AgeBand.AGE_65_79.value, AgeBand.AGE_65_79.label
    AGE_80_PLUS = AgeBand.AGE_80_PLUS.value, AgeBand.AGE_80_PLUS.label


class Sex(models.TextChoices):
    """Sex as SCB counts residents; the values are those of `Gender`, so the two can be compared."""

    WOMAN = Gender.WOMAN.value, gettext_lazy("Women")
    MAN = Gender.MAN.value, gettext_lazy("Men")


COMPARED_BANDS = tuple(band for band in PopulationAge.values if band != CHILDREN)

AGE_COLUMNS = ("ålder", "alder", "age", "åldersgrupp", "ålder (år)", "ålder år")
SEX_COLUMNS = ("kön", "kon", "sex", "kön (män/kvinnor)")
AREA_COLUMNS = ("område", "omrade", "region", "area", "deso", "regso", "distrikt", "kommun")
YEAR_COLUMNS = ("år", "ar", "year", "tid")
COUNT_COLUMNS = ("antal", "folkmängd", "folkmangd", "befolkning", "invånare", "invanare", "count", "population")
YEAR_IN_HEADER = re.compile(r"(?:^|\D)((?:19|20|21)\d\d)$")
TOTALS = {"totalt", "total", "samtliga", "båda könen", "bada konen", "totalt ålder", "alla", "summa", "totalt kön"}
WOMEN = {"kvinnor", "kvinna", "k", "2", "women", "woman", "female", "f"}
MEN = {"män", "man", "m", "1", "men", "male"}
SINGLE = re.compile(r"^(\d{1,3})$")
RANGE = re.compile(r"^(\d{1,3}) ?[-–—] ?(\d{1,3})$")
OPEN = re.compile(r"^(\d{1,3}) ?(?:\+|och äldre|eller äldre|och över|-)$")


def band_of(first, last):
    """The stored band of ages first…last, or None when they cross a band's limit."""
    band = [band for start, band in BAND_STARTS if start <= first][-1]
    later = [start for start, _band in BAND_STARTS if start > first]
    return None if later and last >= later[0] else band


def parse_age(value):
    """(first, last) of an SCB age ("17 år", "15-19 år", "100+ år"), "total" for a total row, None if unreadable."""
    text = normalise(value).replace(" år", "").replace("år", "").replace(" years", "").strip()
    if text in TOTALS:
        return "total"
    if match := SINGLE.match(text):
        return int(match[1]), int(match[1])
    if match := RANGE.match(text):
        first, last = int(match[1]), int(match[2])
        return (first, last) if first <= last else None
    if match := OPEN.match(text):
        return int(match[1]), OLDEST
    return None


def parse_sex(value):
    text = normalise(value)
    if text in TOTALS:
        return "total"
    if text in WOMEN:
        return Sex.WOMAN.value
    if text in MEN:
        return Sex.MAN.value
    return None


def parse_count(value):
    text = value.replace(" ", "").replace("\u202f", "")
    return int(text) if text.isdigit() else None


@dataclass(frozen=True)
class RowError:
    line: int
    message: str


@dataclass
class PopulationFile:
    """What a file holds: counts per (year, area id or None, band, sex), and what could not be read."""

    cells: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)  # RowError
    rows: int = 0
    skipped: int = 0  # total rows
    conflicts: tuple = ()  # years the municipality already has

    @property
    def years(self):
        return sorted({year for year, _area, _band, _sex in self.cells})

    @property
    def importable(self):
        return bool(self.cells) and not self.errors and not self.conflicts


def _columns(headers):
    """{"age", "sex", "area", "year", "count"}: the header of each, and {year: header} of year columns."""
    age = first_of(headers, AGE_COLUMNS) or next((h for h in headers if h.startswith(("ålder", "alder"))), None)
    columns = {
        "age": age,
        "sex": first_of(headers, SEX_COLUMNS),
        "area": first_of(headers, AREA_COLUMNS),
        "year": first_of(headers, YEAR_COLUMNS),
        "count": first_of(headers, COUNT_COLUMNS),
    }
    named = set(columns.values())
    years = {}
    for header in headers:
        match = YEAR_IN_HEADER.search(header)
        if match and header not in named:
            years[int(match[1])] = header
    return columns, years


def is_header(headers):
    columns, years = _columns(headers)
    return bool(columns["age"] and columns["sex"] and (years or columns["count"]))


def describe_header():
    return _("for example “region”, “ålder”, “kön” and a column per year, such as “2024”")


class AreaNames:
    """Reads a region or area as SCB and staff write it: the municipality itself (None) or one of its areas."""

    def __init__(self, municipality, areas):
        self.by_name = {normalise(area.name): area for area in areas}
        name = normalise(municipality.name).removesuffix(" kommun")
        code = municipality.municipality_code
        self.whole = {"", name, f"{name} kommun", code, f"{code} {name}", f"{code} {name} kommun"}

    def read(self, value):
        """(found, area or None): found is False when the name is no area of the municipality."""
        text = normalise(value)
        if text in self.whole:
            return True, None
        area = self.by_name.get(text)
        return area is not None, area


def population_read(text, municipality, areas):
    """A PopulationFile from the text of an SCB-shaped CSV; CsvError when no table can be found."""
    table = csv_table(text, is_header=is_header, max_rows=MAX_ROWS, describe_header=describe_header())
    columns, years = _columns(table.headers)
    if not years and not columns["year"]:
        raise CsvError(_("The file has no year: add a column “år”, or name the column of numbers by its year."))
    result = PopulationFile()
    reader = _Reader(result, columns, years, AreaNames(municipality, areas))
    for row in table.rows:
        reader.read(row)
    return result


class _Reader:
    def __init__(self, result, columns, years, areas):
        self.result, self.columns, self.years, self.areas = result, columns, years, areas
        self.covered = {}  # (year, area id, sex) -> [(first, last, line)]

    def error(self, row, message):
        self.result.errors.append(RowError(row.line, message))

    def read(self, row):
        self.result.rows += 1
        ages, sex = parse_age(row.get(self.columns["age"])), parse_sex(row.get(self.columns["sex"]))
        if ages == "total" or sex == "total":
            self.result.skipped += 1
            return
        area = self._area(row)
        problems = self._problems(row, ages, sex)
        if problems or area is False:
            for message in problems:
                self.error(row, message)
            return
        band = band_of(*ages)
        if band is None:
            self.error(row, _age_across(row.get(self.columns["age"])))
            return
        for year, value in self._counts(row):
            self._add(row, year, area, band, sex, ages, value)

    def _area(self, row):
        if not self.columns["area"]:
            return None
        value = row.get(self.columns["area"])
        found, area = self.areas.read(value)
        if not found:
            self.error(
                row,
                _(
                    "The area “%(name)s” is not one of the municipality's areas. Add it under Areas, or correct "
                    "the name."
                )
                % {"name": value},
            )
            return False
        return area.pk if area else None

    def _problems(self, row, ages, sex):
        problems = []
        if ages is None:
            problems.append(
                _("The age “%(value)s” could not be read. Write an age such as “17 år”, “20-24 år” or “100+ år”.")
                % {"value": row.get(self.columns["age"])}
            )
        if sex is None:
            problems.append(
                _("The sex “%(value)s” could not be read. Write “kvinnor” or “män”.")
                % {"value": row.get(self.columns["sex"])}
            )
        return problems

    def _counts(self, row):
        """[(year, text of the number)] of the row: one per year column, or the year and count columns."""
        if self.years:
            return [(year, row.get(header)) for year, header in sorted(self.years.items())]
        year_text = row.get(self.columns["year"])
        year = parse_count(year_text)
        if year is None or not 1900 <= year <= 2100:
            self.error(
                row, _("The year “%(value)s” could not be read. Write it with four digits.") % {"value": year_text}
            )
            return []
        return [(year, row.get(self.columns["count"]))]

    def _add(self, row, year, area, band, sex, ages, value):
        count = parse_count(value)
        if count is None:
            message = _("The number of residents for %(year)s, “%(value)s”, is not a whole number of zero or more.")
            self.error(row, message % {"year": year, "value": value})
            return
        key = (year, area, sex)
        for first, last, line in self.covered.get(key, []):
            if first <= ages[1] and ages[0] <= last:
                message = _("The same area, sex, year and age (or part of it) is on row %(line)s already.")
                self.error(row, message % {"line": line})
                return
        self.covered.setdefault(key, []).append((*ages, row.line))
        cell = (year, area, band, sex)
        self.result.cells[cell] = self.result.cells.get(cell, 0) + count


def _age_across(value):
    return _(
        "The age group “%(value)s” crosses a limit of the platform's age bands (at %(limits)s years). Download "
        "single years of age from SCB instead."
    ) % {"value": value, "limits": LIMITS}
