"""GeoJSON checked before it is stored: what is accepted, and a clear message for everything else."""

import json

import pytest
from shapely.geometry import Point, box

from delaktig.core import geo
from delaktig.core.geo import GeometryError

HAGFORS = box(13.4, 59.9, 14.0, 60.3)  # a rough boundary


def square(west, south, size=0.01):
    return {
        "type": "Polygon",
        "coordinates": [[[west, south], [west + size, south], [west + size, south + size], [west, south + size],
                         [west, south]]],
    }  # fmt: skip


def test_points_lines_and_areas_are_read_from_text_or_dicts_and_features():
    point = geo.geometry_from('{"type": "Point", "coordinates": [13.69, 60.03]}')
    assert point.geom_type == "Point" and geo.inside(point, HAGFORS)
    line = geo.geometry_from({"type": "LineString", "coordinates": [[13.6, 60.0], [13.7, 60.1]]})
    assert line.length > 0
    area = geo.geometry_from({"type": "Feature", "properties": {}, "geometry": square(13.6, 60.0)})
    assert geo.mapping(area)["type"] == "Polygon" and geo.bbox(area) == pytest.approx((13.6, 60.0, 13.61, 60.01))


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("{not json", "kunde inte läsas som JSON"),
        ("[1, 2]", "måste vara ett objekt"),
        ({"type": "Circle", "coordinates": [1, 2]}, "punkt, linje, område"),
        ({"type": "Point", "coordinates": [13.6]}, "inte fullständiga"),
        ({"type": "Point", "coordinates": [13.6, "60"]}, "inte fullständiga"),
        ({"type": "Point", "coordinates": [213.6, 60.0]}, "utanför jordklotet"),
        ({"type": "Point", "coordinates": [13.6, float("nan")]}, "inte fullständiga"),
        ({"type": "Polygon", "coordinates": [[[13.6, 60.0], [13.7, 60.0], [13.6, 60.0]]]}, "inte fullständiga"),
        ({"type": "Polygon", "coordinates": []}, "inte fullständiga"),
        ({"type": "LineString", "coordinates": [[13.6, 60.0], [13.6, 60.0]]}, "ingen längd"),
    ],
)
def test_bad_geojson_gets_a_message_in_swedish(value, words):
    with pytest.raises(GeometryError) as error:
        geo.geometry_from(value)
    assert words in error.value.message


def test_an_area_whose_edge_crosses_itself_is_refused():
    bow_tie = {
        "type": "Polygon",
        "coordinates": [[[13.6, 60.0], [13.7, 60.1], [13.7, 60.0], [13.6, 60.1], [13.6, 60.0]]],
    }
    with pytest.raises(GeometryError) as error:
        geo.geometry_from(bow_tie)
    assert "korsar sig själv" in error.value.message


def test_too_many_points_are_refused_before_any_geometry_is_built():
    ring = [[13.6 + i * 1e-5, 60.0 + (i % 2) * 1e-5] for i in range(geo.MAX_VERTICES + 1)]
    with pytest.raises(GeometryError) as error:
        geo.geometry_from({"type": "LineString", "coordinates": ring})
    assert str(geo.MAX_VERTICES) in error.value.message


def test_outside_the_municipality_and_too_large_are_told_apart():
    stockholm = geo.geometry_from({"type": "Point", "coordinates": [18.07, 59.33]})
    assert not geo.inside(stockholm, HAGFORS)
    on_the_edge = geo.geometry_from({"type": "Point", "coordinates": [14.001, 60.0]})  # 60 m outside a coarse line
    assert geo.inside(on_the_edge, HAGFORS)
    huge = geo.geometry_from(square(13.0, 59.0, size=2.0))
    assert geo.too_large(huge, HAGFORS) and not geo.too_large(geo.geometry_from(square(13.6, 60.0)), HAGFORS)
    assert 500 < geo.area_km2(HAGFORS) < 1500


def test_an_input_is_tagged_with_the_district_that_holds_it():
    districts = [("Norr", box(13.4, 60.1, 14.0, 60.3)), ("Söder", box(13.4, 59.9, 14.0, 60.1))]
    assert geo.district_of(Point(13.7, 60.2), districts) == "Norr"
    line = geo.geometry_from({"type": "LineString", "coordinates": [[13.6, 59.95], [13.7, 59.96]]})
    assert geo.district_of(line, districts) == "Söder"
    assert geo.district_of(Point(20.0, 60.0), districts) is None


def test_districts_are_read_from_a_feature_collection_and_a_bad_feature_is_named():
    collection = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"name": "Centrum"}, "geometry": square(13.68, 60.02)},
            {"type": "Feature", "properties": {"name": "Ekshärad"}, "geometry": square(13.48, 60.17)},
        ],
    }
    found = geo.features_from(json.dumps(collection).encode())
    assert [feature["properties"]["name"] for feature in found] == ["Centrum", "Ekshärad"]
    collection["features"][1]["geometry"] = {"type": "Point", "coordinates": [13.5, 60.2]}
    with pytest.raises(GeometryError) as error:
        geo.features_from(json.dumps(collection))
    assert error.value.message.startswith("Objekt 2:")
    for text, words in [('{"type": "Feature"}', "FeatureCollection"), (b"\xff\xfe", "UTF-8"),
                        ('{"type": "FeatureCollection", "features": []}', "inga objekt")]:  # fmt: skip
        with pytest.raises(GeometryError) as error:
            geo.features_from(text)
        assert words in error.value.message
