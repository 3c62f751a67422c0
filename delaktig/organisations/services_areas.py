"""Writes for the municipality's areas: used for voluntary demographics and figures, and their shapes for maps."""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from delaktig.core import geo
from delaktig.core.audit import audit_record

from .models import Area


@transaction.atomic
def area_save(*, area, actor):
    created = area.pk is None
    area.save()
    audit_record(
        municipality=area.municipality,
        actor=actor,
        action="area.create" if created else "area.update",
        target=area,
        data={"name": area.name, "order": area.order, "population": area.population},
    )
    return area


@transaction.atomic
def area_delete(*, area, actor):
    """Delete an area; inputs that named it keep their other answers and count as "not told" for area."""
    data = {"name": area.name}
    audit_record(municipality=area.municipality, actor=actor, action="area.delete", target=area, data=data)
    area.delete()


# The areas' shapes, imported from a GeoJSON file


OVERLAP_SHARE = 0.01  # two areas may share an edge drawn a little differently, not more than this of the smaller


@dataclass(frozen=True)
class ShapeRow:
    name: str
    km2: float
    area: Any  # the area of that name, or None: a new area is added
    geometry: Any


def area_shapes_check(*, municipality, text, name_property):
    """The areas a GeoJSON FeatureCollection describes, each named by its `name_property`; raises
    geo.GeometryError with what is wrong (the first problem of the file: nothing is imported half)."""
    existing = {area.name.casefold(): area for area in municipality.areas.all()}
    rows, seen = [], set()
    for number, feature in enumerate(geo.features_from(text), 1):
        name = " ".join(str(feature["properties"].get(name_property) or "").split())[:120]
        if not name:
            raise geo.GeometryError(
                _("Feature %(number)s has no “%(property)s”. Choose the property that holds the areas' names.")
                % {"number": number, "property": name_property}
            )
        if name.casefold() in seen:
            raise geo.GeometryError(_("The name “%(name)s” comes twice in the file.") % {"name": name})
        seen.add(name.casefold())
        if geo.too_large(feature["geometry"]):
            raise geo.GeometryError(_("“%(name)s” is larger than a municipality can be.") % {"name": name})
        km2 = geo.area_km2(feature["geometry"])
        rows.append(ShapeRow(name, km2, existing.get(name.casefold()), feature["geometry"]))
    _overlaps_check(rows)
    return rows


def _overlaps_check(rows):
    for index, row in enumerate(rows):
        for other in rows[index + 1 :]:
            shared = row.geometry.intersection(other.geometry).area
            if shared > OVERLAP_SHARE * min(row.geometry.area, other.geometry.area):
                raise geo.GeometryError(
                    _("“%(first)s” and “%(second)s” overlap. Each place must lie in one area only.")
                    % {"first": row.name, "second": other.name}
                )


@transaction.atomic
def area_shapes_import(*, municipality, text, name_property, actor):
    """Give each area of the file its shape: an area of the same name (in any case) gets it, a new name becomes a
    new area last in the order. Returns (added, updated)."""
    rows = area_shapes_check(municipality=municipality, text=text, name_property=name_property)
    last = municipality.areas.order_by("-order").values_list("order", flat=True).first() or 0
    added = updated = 0
    for row in rows:
        area = row.area
        if area is None:
            last += 1
            area = Area(municipality=municipality, name=row.name, order=last)
            added += 1
        else:
            updated += 1
        area.geometry = geo.mapping(row.geometry)
        area.save()
    audit_record(
        municipality=municipality,
        actor=actor,
        action="area.shapes_import",
        target=municipality,
        data={"added": added, "updated": updated, "names": [row.name for row in rows]},
    )
    return added, updated
