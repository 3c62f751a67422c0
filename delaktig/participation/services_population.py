"""Writes of the population reference data: importing an SCB-shaped CSV file whole, and removing a year."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from delaktig.core.audit import audit_record
from delaktig.organisations.models import Area

from .models import PopulationCell
from .population import PopulationFile, population_read
from .selectors_population import population_years


class PopulationImportRefused(Exception):
    """Nothing was imported; `parsed` says why (its errors and conflicts)."""

    def __init__(self, parsed):
        super().__init__("population import refused")
        self.parsed = parsed


def population_check(*, municipality, text) -> PopulationFile:
    """What importing `text` would do, and what stops it (row errors, years already imported); CsvError when the
    file cannot be read at all. Nothing is written."""
    parsed = population_read(text, municipality, list(Area.objects.filter(municipality=municipality)))
    parsed.conflicts = tuple(year for year in parsed.years if year in population_years(municipality))
    return parsed


@transaction.atomic
def population_import(*, municipality, text, actor) -> PopulationFile:
    """Import every cell of the file or none: PopulationImportRefused when a row has an error, the file has no
    figures, or a year of it is imported already."""
    parsed = population_check(municipality=municipality, text=text)
    if not parsed.importable:
        raise PopulationImportRefused(parsed)
    cells = [
        PopulationCell(municipality=municipality, year=year, area_id=area, age_band=band, sex=sex, count=count)
        for (year, area, band, sex), count in sorted(parsed.cells.items(), key=_order)
    ]
    try:
        with transaction.atomic():
            PopulationCell.objects.bulk_create(cells)
    except IntegrityError:  # another import of the same year got there first
        parsed.conflicts = tuple(parsed.years)
        raise PopulationImportRefused(parsed) from None
    audit_record(
        municipality=municipality,
        actor=actor,
        action="population.import",
        target=municipality,
        data={"years": parsed.years, "cells": len(cells), "rows": parsed.rows},
    )
    return parsed


def _order(item):
    (year, area, band, sex), _count = item
    return year, area or 0, band, sex


@transaction.atomic
def population_year_delete(*, municipality, year, actor) -> int:
    """Remove a year's figures (to import it again, corrected); returns the number of cells removed."""
    removed, _by_model = PopulationCell.objects.filter(municipality=municipality, year=year).delete()
    if removed:
        audit_record(
            municipality=municipality,
            actor=actor,
            action="population.delete",
            target=municipality,
            data={"year": year, "cells": removed},
        )
    return removed


def conflict_message(years):
    return _(
        "There are already population figures for %(years)s. Remove that year first if you want to import it again."
    ) % {"years": ", ".join(str(year) for year in years)}
