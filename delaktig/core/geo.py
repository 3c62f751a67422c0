"""Geometry in GeoJSON (longitude, latitude in WGS 84), checked before anything is stored: for the municipality's
boundary and districts, and for what residents draw on a map.

Shapely (GEOS inside the wheel from PyPI, so no system library and no database extension) does the geometry; this
module decides what is acceptable and says what is wrong in words a resident or an officer understands:

- `geometry_from(value, kinds=…)`: a GeoJSON geometry (text or dict) of one of the kinds asked for, with finite
  coordinates on the globe, closed rings, at most MAX_VERTICES points, not crossing itself; raises GeometryError.
- `features_from(text)`: the features of a FeatureCollection (as districts are imported), each checked the same
  way, with the number of the feature in the message.
- `inside(geometry, boundary)`: within the boundary (with a small margin for a boundary drawn coarsely).
- `too_large(geometry, boundary)`: an area larger than the boundary's (or than MAX_AREA_KM2 without one).
- `district_of(geometry, districts)`: the district that holds the geometry's representative point.
- `bbox(geometry)` and `mapping(geometry)` for storing and serving; `drawing(named)` for a preview drawn on the
  server as SVG.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any

import shapely
from django.utils.translation import gettext as _
from shapely.geometry import mapping as _mapping
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

KINDS = ("Point", "LineString", "Polygon", "MultiPolygon")
MAX_VERTICES = 5000  # points in one geometry: a district boundary drawn in detail has a few thousand
MAX_AREA_KM2 = 5000.0  # without a boundary to compare with
MAX_TEXT = 5_000_000  # characters of GeoJSON text read at all
BOUNDARY_MARGIN_DEGREES = 0.002  # about 200 m: a point on the shore of a coarsely drawn boundary is still inside
KM_PER_DEGREE = 111.32


class GeometryError(ValueError):
    """What is wrong with a geometry, in words for the person who gave it."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def geometry_from(value: str | dict[str, Any], kinds: Iterable[str] = KINDS) -> BaseGeometry:
    """The geometry of `value` (GeoJSON text or dict: a geometry, or a Feature holding one), checked."""
    data = _json(value)
    if data.get("type") == "Feature":
        data = data.get("geometry") or {}
    kinds = tuple(kinds)
    if data.get("type") not in kinds:
        raise GeometryError(
            _("The shape must be one of these kinds: %(kinds)s.") % {"kinds": ", ".join(_kind_names(kinds))}
        )
    _coordinates_check(data.get("coordinates"))
    try:
        geometry = shape(data)
    except (ValueError, TypeError, AttributeError, IndexError, shapely.errors.GEOSException):
        raise GeometryError(_("The shape's coordinates are not complete.")) from None
    return _checked(geometry)


def features_from(text: str | bytes, kinds: Iterable[str] = ("Polygon", "MultiPolygon")) -> list[dict[str, Any]]:
    """[{"properties": {...}, "geometry": shape}] of a FeatureCollection; the first bad feature stops it all, with
    its number in the message, so nothing is stored half."""
    data = _json(text)
    if data.get("type") != "FeatureCollection" or not isinstance(data.get("features"), list):
        raise GeometryError(_("The file must be a GeoJSON FeatureCollection."))
    if not data["features"]:
        raise GeometryError(_("The file holds no features."))
    found = []
    for number, feature in enumerate(data["features"], 1):
        if not isinstance(feature, dict):
            raise GeometryError(_("Feature %(number)s is not a GeoJSON feature.") % {"number": number})
        try:
            geometry = geometry_from(feature, kinds)
        except GeometryError as error:
            raise GeometryError(
                _("Feature %(number)s: %(problem)s") % {"number": number, "problem": error.message}
            ) from None
        properties = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
        found.append({"properties": properties, "geometry": geometry})
    return found


def inside(geometry: BaseGeometry, boundary: BaseGeometry | None) -> bool:
    """Within the boundary, give or take BOUNDARY_MARGIN_DEGREES; anything goes without a boundary."""
    if boundary is None:
        return True
    return boundary.buffer(BOUNDARY_MARGIN_DEGREES).covers(geometry)


def too_large(geometry: BaseGeometry, boundary: BaseGeometry | None = None) -> bool:
    if geometry.geom_type not in ("Polygon", "MultiPolygon"):
        return False
    limit = area_km2(boundary) if boundary is not None else MAX_AREA_KM2
    return area_km2(geometry) > limit


def area_km2(geometry: BaseGeometry) -> float:
    """Approximate area: degrees squared scaled at the geometry's latitude (close enough for a municipality)."""
    latitude = geometry.centroid.y if not geometry.is_empty else 0.0
    return geometry.area * KM_PER_DEGREE**2 * math.cos(math.radians(latitude))


def district_of(geometry: BaseGeometry, districts: Iterable[tuple[Any, BaseGeometry]]) -> Any:
    """The key of the district that holds the geometry's representative point (a line's or an area's too), or None."""
    point = geometry.representative_point()
    for key, polygon in districts:
        if polygon.covers(point):
            return key
    return None


def bbox(geometry: BaseGeometry) -> tuple[float, float, float, float]:
    """(west, south, east, north)."""
    return tuple(geometry.bounds)  # type: ignore[return-value]


def mapping(geometry: BaseGeometry) -> dict[str, Any]:
    """The geometry as a GeoJSON dict, with coordinates as lists (as json.dumps writes them)."""
    return json.loads(json.dumps(_mapping(geometry)))


def drawing(named: list[tuple[str, BaseGeometry]]) -> dict[str, Any]:
    """Areas as SVG paths for a preview drawn on the server: {"view_box", "paths": [(name, d)], "stroke"}. North is
    up; longitude is narrowed by the cosine of the latitude, so the shapes look as on a map."""
    if not named:
        return {"view_box": "0 0 1 1", "paths": [], "stroke": 0}
    west, south, east, north = shapely.union_all([geometry for _name, geometry in named]).bounds
    scale = math.cos(math.radians((south + north) / 2))
    width, height = max((east - west) * scale, 1e-6), max(north - south, 1e-6)

    def point(x: float, y: float) -> str:
        return f"{(x - west) * scale:.5f} {north - y:.5f}"

    paths = []
    for name, geometry in named:
        polygons = getattr(geometry, "geoms", [geometry])
        rings = [ring for polygon in polygons for ring in (polygon.exterior, *polygon.interiors)]
        paths.append(
            (name, " ".join("M " + " L ".join(point(x, y) for x, y, *_z in ring.coords) + " Z" for ring in rings))
        )
    return {"view_box": f"0 0 {width:.5f} {height:.5f}", "paths": paths, "stroke": f"{max(width, height) / 400:.5f}"}


# Checks


def _json(value: str | bytes | dict[str, Any]) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise GeometryError(_("The file is not text in UTF-8.")) from None
    if len(value) > MAX_TEXT:
        raise GeometryError(_("The file is too large to read."))
    try:
        data = json.loads(value)
    except (ValueError, RecursionError):
        raise GeometryError(_("This is not GeoJSON: the text could not be read as JSON.")) from None
    if not isinstance(data, dict):
        raise GeometryError(_("This is not GeoJSON: it must be an object with a type."))
    return data


def _coordinates_check(coordinates: Any) -> None:
    """Every position two or three finite numbers, longitude −180–180 and latitude −90–90; at most MAX_VERTICES."""
    count = 0
    stack = [coordinates]
    while stack:
        item = stack.pop()
        if not isinstance(item, list) or not item:
            raise GeometryError(_("The shape's coordinates are not complete."))
        if all(isinstance(number, int | float) and not isinstance(number, bool) for number in item):
            _position_check(item)
            count += 1
            if count > MAX_VERTICES:
                raise GeometryError(
                    _("The shape has more than %(limit)s points. Simplify it and try again.") % {"limit": MAX_VERTICES}
                )
            continue
        stack.extend(item)


def _position_check(position: list[float]) -> None:
    if len(position) not in (2, 3) or not all(math.isfinite(number) for number in position):
        raise GeometryError(_("The shape's coordinates are not complete."))
    longitude, latitude = position[0], position[1]
    if not (-180 <= longitude <= 180 and -90 <= latitude <= 90):
        raise GeometryError(_("A point lies outside the globe: give longitude and latitude in degrees (WGS 84)."))


def _checked(geometry: BaseGeometry) -> BaseGeometry:
    if geometry.is_empty:
        raise GeometryError(_("The shape is empty."))
    if geometry.geom_type in ("Polygon", "MultiPolygon") and not geometry.is_valid:
        reason = shapely.is_valid_reason(geometry)
        if "Too few points" in reason:
            raise GeometryError(_("The shape's coordinates are not complete."))
        if "Self-intersection" in reason:
            raise GeometryError(_("The area's edge crosses itself. Draw it again without crossing lines."))
        raise GeometryError(_("The area is not a valid shape: its parts overlap, or a hole lies outside it."))
    if geometry.geom_type in ("Polygon", "MultiPolygon") and geometry.area == 0:
        raise GeometryError(_("The area has no extent."))
    if geometry.geom_type == "LineString" and geometry.length == 0:
        raise GeometryError(_("The line has no length."))
    return geometry


def _kind_names(kinds: tuple[str, ...]) -> list[str]:
    names = {"Point": _("point"), "LineString": _("line"), "Polygon": _("area"), "MultiPolygon": _("areas")}
    return [names.get(kind, kind) for kind in kinds]
