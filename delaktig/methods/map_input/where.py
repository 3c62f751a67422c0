"""Where a map input lies: the shape a resident drew, or the address, place or district they chose from a list,
checked against the municipality's districts (organisations Area.geometry) with core.geo.

The municipality's boundary is the union of its districts' shapes; a municipality without shapes accepts any
place on the globe (there is nothing to compare with), and its inputs have no district.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import shapely
from django.utils.translation import gettext as _
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from delaktig.core import geo

from .models import LocatedBy, Shape

KINDS = {"Point": Shape.POINT, "LineString": Shape.LINE, "Polygon": Shape.AREA}
MAX_POINTS = 500  # points in what a resident draws (a district boundary may have ten times more)
MAX_SHARE = 0.25  # an area may cover at most a quarter of the municipality: larger is a view on everything


@dataclass(frozen=True)
class Located:
    """A checked shape, ready to store."""

    shape: str  # Shape
    located_by: str  # LocatedBy
    place_name: str
    geometry: str  # GeoJSON text
    bbox: tuple[float, float, float, float]  # west, south, east, north
    point: tuple[float, float]  # longitude, latitude
    district_id: int | None


class Districts:
    """The municipality's districts with their shapes, read once per request."""

    def __init__(self, municipality):
        self.areas = [area for area in municipality.areas.all() if area.geometry]
        self.shapes = [(area, geo.geometry_from(area.geometry)) for area in self.areas]
        self.boundary = shapely.union_all([shape for _area, shape in self.shapes]) if self.shapes else None

    def district_of(self, geometry: BaseGeometry):
        return geo.district_of(geometry, self.shapes)

    def shape_of(self, area) -> BaseGeometry | None:
        return next((shape for known, shape in self.shapes if known.pk == area.pk), None)


def from_geojson(text: str | dict[str, Any], districts: Districts) -> Located:
    """What a resident drew on the map; raises geo.GeometryError with what is wrong, in words."""
    geometry = geo.geometry_from(text, kinds=tuple(KINDS))
    if len(shapely.get_coordinates(geometry)) > MAX_POINTS:
        raise geo.GeometryError(
            _("The shape has more than %(limit)s points. Simplify it and try again.") % {"limit": MAX_POINTS}
        )
    if not geo.inside(geometry, districts.boundary):
        raise geo.GeometryError(_("The place lies outside the municipality. Mark a place within the municipality."))
    if _too_large(geometry, districts.boundary):
        raise geo.GeometryError(_("The area is too large. Mark a smaller area, or choose a whole district instead."))
    district = districts.district_of(geometry)
    return _located(geometry, LocatedBy.MAP, district.name if district else "", district)


def _too_large(geometry: BaseGeometry, boundary: BaseGeometry | None) -> bool:
    if geometry.geom_type != "Polygon":
        return False
    if boundary is None:
        return geo.too_large(geometry)
    return geo.area_km2(geometry) > MAX_SHARE * geo.area_km2(boundary)


def from_place(place, districts: Districts) -> Located:
    """An address or named place of the module's list: a point."""
    geometry = Point(place.longitude, place.latitude)
    return _located(geometry, place.kind, place.name, districts.district_of(geometry))


def from_district(area, districts: Districts) -> Located:
    """A whole district: stored as a point inside it, so the map shows one marker and the list names the district."""
    shape = districts.shape_of(area)
    if shape is None:
        raise geo.GeometryError(_("This district has no shape on the map. Choose another place."))
    return _located(shape.representative_point(), LocatedBy.DISTRICT, area.name, area)


def _located(geometry: BaseGeometry, located_by: str, place_name: str, district) -> Located:
    point = geometry if geometry.geom_type == "Point" else geometry.representative_point()
    return Located(
        shape=KINDS[geometry.geom_type],
        located_by=located_by,
        place_name=place_name,
        geometry=json.dumps(_rounded(geo.mapping(geometry)), separators=(",", ":")),
        bbox=geo.bbox(geometry),
        point=(point.x, point.y),
        district_id=district.pk if district is not None else None,
    )


DECIMALS = 6  # about 0.1 m: more is noise from a mouse or a screen, and makes every answer of the map longer


def _rounded(value):
    """A GeoJSON geometry with its coordinates rounded to DECIMALS."""
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(item) for item in value]
    if isinstance(value, float):
        return round(value, DECIMALS)
    return value
