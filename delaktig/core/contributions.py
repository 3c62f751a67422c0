"""What an app or a participation method contributes to central reports and to open data.

The yearly report and the open-data API never name a method or an app. They collect:

- report sections: `ReportSection`s from the `yearly_report_sections` hook and from each method manifest's
  `report_section`;
- datasets: `Dataset`s from the `open_data_datasets` hook and from each method manifest's `datasets`.

Everything here is public by construction: a dataset's rows and a report's tables carry counts, statuses,
dates and texts that were published, never a person's name, e-mail address or user id.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.utils import timezone


@dataclass(frozen=True)
class Link:
    """A cell that names something with a page: shown as a link in HTML, PDF, Word and XLSX. The address is
    absolute (settings.SITE_URL + path), so it also works in a downloaded file."""

    text: str
    url: str

    def __str__(self) -> str:
        return str(self.text)


Cell = str | int | float | datetime.date | Link | None  # a cell of a table


@dataclass(frozen=True)
class Table:
    """A table of figures; every chart is also given as a table (the numbers behind it)."""

    caption: str
    headers: tuple[str, ...]  # column headings
    rows: tuple[tuple[Cell, ...], ...]
    key: str = ""  # stable identifier, e.g. for a worksheet name


@dataclass(frozen=True)
class Chart:
    """A bar chart drawn from `table`: the first column gives the labels, each further numeric column a series."""

    title: str
    table: Table
    kind: str = "bar"  # "bar" (vertical) or "barh" (horizontal)


@dataclass(frozen=True)
class ReportSection:
    key: str  # stable, e.g. "proposals" or the method key
    title: str
    order: int = 100  # sections are sorted by (order, title)
    paragraphs: tuple[str, ...] = ()  # plain-text paragraphs
    tables: tuple[Table, ...] = ()
    charts: tuple[Chart, ...] = ()


@dataclass(frozen=True)
class DatasetField:
    name: str
    type: str  # "string", "integer", "number", "boolean", "date" or "date-time"
    description: str
    nullable: bool = False


class Rows(Protocol):
    """What a dataset's rows() returns: an ordered QuerySet, or anything that counts and slices."""

    def count(self) -> int: ...

    def __getitem__(self, index: slice, /) -> Any: ...


class DatasetRows(Protocol):
    def __call__(self, municipality: Any, filters: Mapping[str, Any], /) -> Rows: ...


class DatasetRow(Protocol):
    def __call__(self, item: Any, /) -> dict[str, Any]: ...


class DatasetDetail(Protocol):
    def __call__(self, municipality: Any, pk: int, /) -> dict[str, Any] | None: ...


@dataclass(frozen=True)
class Dataset:
    """A public dataset of one municipality, served as JSON (paginated, filterable) and CSV, and described in
    the OpenAPI document and the DCAT-AP-SE catalogue.

    rows(municipality, filters) returns an ordered QuerySet (or anything with count() and slicing); to_row(item)
    turns one of its items into a dict with exactly the keys of `fields`. `filters` maps a query parameter to
    a DatasetField that describes it (its `name` is the parameter); rows() receives only those, already
    parsed to the field's type. `detail(municipality, pk)` returns one row by its id, or None.
    """

    key: str  # URL segment, e.g. "e-petitions"
    title: str
    description: str
    fields: tuple[DatasetField, ...]
    rows: DatasetRows
    to_row: DatasetRow
    filters: tuple[DatasetField, ...] = ()
    detail: DatasetDetail | None = None
    keywords: tuple[str, ...] = ()
    # The name of a field whose value is a GeoJSON geometry (as text): the dataset is then also served as a GeoJSON
    # FeatureCollection, each row a feature with that geometry and the other fields as its properties
    geometry: str = ""
    theme: str = "GOVE"  # EU data theme (http://publications.europa.eu/resource/authority/data-theme/…)
    order: int = 100
    extra: dict[str, Any] = field(default_factory=dict)


def iso_or_none(value):
    """A date or time as a dataset row carries it: ISO 8601, or None. A time is given as the clocks in the site's
    time zone showed it, with its offset (2026-11-16T18:00:00+01:00), as the calendar files give it."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.isoformat() if value else None


def detail_by_pk(rows, to_row):
    """The usual `Dataset.detail`: the row with that id among rows(municipality, {}) (so only public ones)."""

    def detail(municipality, pk):
        item = rows(municipality, {}).filter(pk=pk).first()
        return to_row(item) if item is not None else None

    return detail
