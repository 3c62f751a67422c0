"""Test helpers for population figures: cells straight into the table, and SCB-shaped files as bytes."""

from delaktig.organisations.models import Area
from delaktig.participation.models import PopulationCell
from delaktig.participation.population import COMPARED_BANDS

HAGFORS_AREAS = ("Centrala Hagfors", "Ekshärad", "Uddeholm", "Råda", "Sunnemo")


def areas_for(municipality, names=HAGFORS_AREAS):
    return [Area.objects.create(municipality=municipality, name=name, order=n) for n, name in enumerate(names, 1)]


def population_set(municipality, counts, *, year=2024):
    """counts: {(band, sex): n} for the whole municipality or {(band, sex, area): n} per area."""
    PopulationCell.objects.bulk_create(
        PopulationCell(
            municipality=municipality,
            year=year,
            age_band=key[0],
            sex=key[1],
            area=key[2] if len(key) > 2 else None,
            count=count,
        )
        for key, count in counts.items()
    )


def even_population(municipality, *, per_cell=100, areas=None, year=2024):
    """The same number of residents in every compared band and sex (and area)."""
    keys = [(band, sex) for band in COMPARED_BANDS for sex in ("woman", "man")]
    if areas:
        keys = [(band, sex, area) for band, sex in keys for area in areas]
    population_set(municipality, dict.fromkeys(keys, per_cell), year=year)


def scb_file(rows, *, header=("region", "ålder", "kön", "2024"), delimiter=",", encoding="utf-8", title=None):
    lines = [title] if title else []
    lines.append(delimiter.join(f'"{cell}"' for cell in header))
    lines += [delimiter.join(str(cell) for cell in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)
