"""Reading a spreadsheet of participation activities that staff import (XLSX or CSV).

An XLSX file's first sheet is turned into the text of a CSV file (semicolons), so both kinds go through
core.csv_import and the preview carries the same text to the confirmation. A sheet with merged cells is refused:
a merged cell leaves the rows under it empty, and we would guess wrong.

Columns, by their Swedish names (any case; English names work too): namn, förvaltning, trappsteg, and if wanted
organ, målgrupper, kanaler, hur ofta, kontakt and år. Each row is checked; a file with an error in any row imports
nothing, nor does one with the same activity twice or one already registered.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from delaktig.core.csv_import import MAX_BYTES, ZIP, CsvError, csv_decode, csv_table, first_of, normalise
from delaktig.organisations import ladders

from .models import Activity, Frequency

MAX_ROWS = 2000
NAME = ("namn", "aktivitet", "namn på aktiviteten", "name", "activity")
DEPARTMENT = ("förvaltning", "sektor", "forvaltning", "department")
BODY = ("organ", "nämnd", "namnd", "body", "committee")
LEVEL = ("trappsteg", "nivå", "niva", "delaktighetstrappan", "grad av inflytande", "ladder level", "level")
TARGET_GROUPS = ("målgrupper", "målgrupp", "malgrupper", "target groups")
CHANNELS = ("kanaler", "kanal", "channels")
FREQUENCY = ("hur ofta", "frekvens", "how often", "frequency")
CONTACT = ("kontakt", "kontaktperson", "contact")
YEAR = ("år", "ar", "year")
REQUIRED = {"namn": NAME, "förvaltning": DEPARTMENT, "trappsteg": LEVEL}
OPTIONAL = {
    "organ": BODY,
    "målgrupper": TARGET_GROUPS,
    "kanaler": CHANNELS,
    "hur ofta": FREQUENCY,
    "kontakt": CONTACT,
    "år": YEAR,
}
LIMITS = {"name": 200, "target_groups": 300, "channels": 300, "contact": 200}


@dataclass(frozen=True)
class RowError:
    line: int
    message: str


@dataclass
class ActivityFile:
    new: list = field(default_factory=list)  # dicts of the fields of each new activity, with "line"
    errors: list = field(default_factory=list)  # RowError
    rows: int = 0

    @property
    def importable(self):
        return bool(self.new) and not self.errors

    @property
    def error_rows(self):
        return len({error.line for error in self.errors})


def file_text(raw: bytes) -> str:
    """The text of an uploaded file: a CSV file decoded, or an XLSX file's first sheet as CSV; CsvError if neither."""
    if len(raw) > MAX_BYTES:
        raise CsvError(_("The file is larger than 2 MB. Split it into smaller files."))
    if raw.startswith(ZIP):
        return xlsx_text(raw)
    return csv_decode(raw)[0]


def xlsx_text(raw: bytes) -> str:
    from openpyxl import load_workbook  # only imports pay for it

    try:
        sheet = load_workbook(io.BytesIO(raw), data_only=True).worksheets[0]
    except Exception:  # noqa: BLE001 - a broken or odd file raises many kinds of error; each means "cannot read"
        raise CsvError(_("The file could not be read as an Excel file (XLSX). Save it again as XLSX or CSV.")) from None
    if sheet.merged_cells.ranges:
        cells = ", ".join(str(merged) for merged in list(sheet.merged_cells.ranges)[:5])
        raise CsvError(
            _(
                "The sheet has merged cells (%(cells)s). Undo the merging so every row has its own values, and upload "
                "the file again."
            )
            % {"cells": cells}
        )
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    for row in sheet.iter_rows(values_only=True):
        writer.writerow([_cell_text(value) for value in row])
    return buffer.getvalue()


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()[:10]
    return str(value)


def is_header(headers):
    return bool(first_of(headers, NAME) and first_of(headers, DEPARTMENT))


def describe_header():
    return _("for example “namn”, “förvaltning”, “trappsteg”, “organ”, “målgrupper”, “kanaler”, “hur ofta”, “kontakt”")


def activities_read(text, municipality, *, year, departments, bodies) -> ActivityFile:
    """An ActivityFile from the text; CsvError when no table, or a required column, is found. `departments` are
    the ones the person may register for."""
    table = csv_table(text, is_header=is_header, max_rows=MAX_ROWS, describe_header=describe_header())
    columns = {name: first_of(table.headers, names) for name, names in REQUIRED.items()}
    missing = [name for name, header in columns.items() if header is None]
    if missing:
        raise CsvError(
            _("The file has no column “%(columns)s”. Add it and upload the file again.")
            % {"columns": "”, ”".join(missing)}
        )
    columns.update({name: first_of(table.headers, names) for name, names in OPTIONAL.items()})
    reader = _Reader(municipality, columns, year, departments, bodies)
    for row in table.rows:
        reader.read(row)
    return reader.result


def level_words(profile):
    """{word: ladder key}: the key, the rank and the label in Swedish and English."""
    words = {}
    for level in ladders.levels_for(profile):
        words[level.key] = level.key
        words[str(level.rank)] = level.key
        words[normalise(level.label)] = level.key
        with translation.override("sv"):
            words[normalise(str(level.label))] = level.key
    return words


def frequency_words():
    words = {}
    for choice in Frequency:
        words[choice.value] = choice.value
        words[normalise(choice.label)] = choice.value
        with translation.override("sv"):
            words[normalise(str(choice.label))] = choice.value
    return words


class _Reader:
    def __init__(self, municipality, columns, year, departments, bodies):
        self.result = ActivityFile()
        self.columns = columns
        self.year = year
        self.departments = {normalise(d.name): d for d in departments}
        self.bodies = {}
        for body in bodies:
            self.bodies[normalise(body.name)] = body
            if body.short_name:
                self.bodies.setdefault(normalise(body.short_name), body)
        self.levels = level_words(municipality.ladder_profile)
        self.frequencies = frequency_words()
        self.seen = {}  # (year, department id, name) -> line
        self.existing = {
            (y, d, normalise(n))
            for y, d, n in Activity.objects.filter(municipality=municipality).values_list(
                "year", "department_id", "name"
            )
        }

    def value(self, row, name):
        header = self.columns.get(name)
        return row.get(header) if header else ""

    def read(self, row):
        self.result.rows += 1
        problems = []
        values = {
            "name": self.value(row, "namn"),
            "target_groups": self.value(row, "målgrupper"),
            "channels": self.value(row, "kanaler"),
            "contact": self.value(row, "kontakt"),
        }
        if not values["name"]:
            problems.append(_("The row has no name. Write the activity's name."))
        for key, limit in LIMITS.items():
            if len(values[key]) > limit:
                problems.append(
                    _("The text in “%(column)s” is longer than %(max)s characters.") % {"column": key, "max": limit}
                )
        for key, parse in (
            ("department", self._department),
            ("body", self._body),
            ("ladder_level", self._level),
            ("frequency", self._frequency),
            ("year", self._year),
        ):
            found, problem = parse(row)
            values[key] = found
            if problem:
                problems.append(problem)
        if problems:
            self.result.errors.extend(RowError(row.line, message) for message in problems)
            return
        self._place(row, values)

    def _place(self, row, values):
        key = (values["year"], values["department"].pk, normalise(values["name"]))
        if key in self.seen:
            message = _("“%(name)s” is on row %(line)s already, for the same department and year.")
            self.result.errors.append(RowError(row.line, message % {"name": values["name"], "line": self.seen[key]}))
            return
        self.seen[key] = row.line
        if key in self.existing:
            message = _("“%(name)s” is registered already for %(department)s in %(year)s.")
            names = {"name": values["name"], "department": values["department"].name, "year": values["year"]}
            self.result.errors.append(RowError(row.line, message % names))
            return
        level = ladders.ALL_LEVELS.get(values["ladder_level"])
        self.result.new.append({**values, "line": row.line, "level_label": level.label if level else ""})

    def _department(self, row):
        value = self.value(row, "förvaltning")
        if not value:
            return None, _("The row has no department. Write the department that runs the activity.")
        found = self.departments.get(normalise(value))
        if found is None:
            return None, _("“%(value)s” is not one of the departments you may register activities for.") % {
                "value": value
            }
        return found, None

    def _body(self, row):
        value = self.value(row, "organ")
        if not value:
            return None, None
        found = self.bodies.get(normalise(value))
        if found is None:
            return None, _("“%(value)s” is not one of the municipality's bodies.") % {"value": value}
        return found, None

    def _level(self, row):
        value = self.value(row, "trappsteg")
        found = self.levels.get(normalise(value))
        if found is None:
            words = ", ".join(sorted({w for w in self.levels if not w.isdigit() and "_" not in w}))
            return None, _("The level “%(value)s” is not a step on the ladder. Write one of: %(levels)s.") % {
                "value": value or _("(empty)"),
                "levels": words,
            }
        return found, None

    def _frequency(self, row):
        value = self.value(row, "hur ofta")
        if not value:
            return "", None
        found = self.frequencies.get(normalise(value))
        if found is None:
            with translation.override("sv"):
                words = ", ".join(str(choice.label).lower() for choice in Frequency)
            return "", _("“%(value)s” could not be read as how often. Write one of: %(choices)s.") % {
                "value": value,
                "choices": words,
            }
        return found, None

    def _year(self, row):
        value = self.value(row, "år")
        if not value:
            return self.year, None
        if value.isdigit() and 2000 <= int(value) <= 2100:
            return int(value), None
        return self.year, _("The year “%(value)s” could not be read. Write a year such as 2025.") % {"value": value}
