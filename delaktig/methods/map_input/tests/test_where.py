"""Checking what residents draw: GeoJSON, the municipality's boundary, shapes, and the district an input lies in."""

import json

import pytest
from django.utils import translation

from delaktig.core.geo import GeometryError

from ..models import LocatedBy, Place, Shape
from ..where import MAX_POINTS, Districts, from_district, from_geojson, from_place

pytestmark = pytest.mark.django_db


@pytest.fixture
def known(municipality, districts):
    return Districts(municipality)


def test_a_point_gets_its_district_bounding_box_and_text(known, districts):
    north, _south = districts
    located = from_geojson('{"type": "Point", "coordinates": [13.05, 60.15]}', known)
    assert (located.shape, located.located_by, located.district_id) == (Shape.POINT, LocatedBy.MAP, north.pk)
    assert located.bbox == (13.05, 60.15, 13.05, 60.15) and located.point == (13.05, 60.15)
    assert json.loads(located.geometry) == {"type": "Point", "coordinates": [13.05, 60.15]}


def test_a_line_and_an_area_lie_in_the_district_of_their_representative_point(known, districts):
    _north, south = districts
    line = from_geojson({"type": "LineString", "coordinates": [[13.01, 60.01], [13.02, 60.03]]}, known)
    area = {"type": "Polygon", "coordinates": [[[13.01, 60.01], [13.02, 60.01], [13.02, 60.02], [13.01, 60.01]]]}
    assert line.shape == Shape.LINE and line.district_id == south.pk
    assert from_geojson(area, known).shape == Shape.AREA
    assert from_geojson(area, known).bbox == (13.01, 60.01, 13.02, 60.02)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "could not be read as JSON"),
        ('{"type": "Circle", "coordinates": [1, 2]}', "must be one of these kinds"),
        ('{"type": "Point", "coordinates": [13.05]}', "not complete"),
        ('{"type": "Point", "coordinates": [200, 60]}', "outside the globe"),
        ('{"type": "Point", "coordinates": [14.5, 60.1]}', "outside the municipality"),
        (
            '{"type": "Polygon", "coordinates": [[[13.01, 60.01], [13.05, 60.05], [13.05, 60.01], [13.01, 60.05], '
            "[13.01, 60.01]]]}",
            "crosses itself",
        ),
        (
            '{"type": "Polygon", "coordinates": [[[13.0, 60.0], [13.1, 60.0], [13.1, 60.2], [13.0, 60.2], '
            "[13.0, 60.0]]]}",
            "too large",
        ),
    ],
)
def test_bad_shapes_are_refused_in_words(known, text, message):
    with translation.override("en"), pytest.raises(GeometryError) as error:
        from_geojson(text, known)
    assert message in error.value.message


def test_a_shape_with_too_many_points_is_refused(known):
    points = [[13.01 + i * 0.00001, 60.01 + i * 0.00001] for i in range(MAX_POINTS + 1)]
    with pytest.raises(GeometryError) as error:
        from_geojson({"type": "LineString", "coordinates": points}, known)
    assert str(MAX_POINTS) in error.value.message


def test_a_point_just_outside_a_coarse_boundary_is_still_inside(known):
    assert from_geojson({"type": "Point", "coordinates": [13.1005, 60.15]}, known).district_id is None


def test_without_district_shapes_any_place_goes_and_no_district_is_set(municipality):
    located = from_geojson({"type": "Point", "coordinates": [18.0, 59.3]}, Districts(municipality))
    assert located.district_id is None


def test_a_place_from_the_list_and_a_whole_district(known, districts, module):
    north, south = districts
    place = Place.objects.create(module=module, name="Torget", longitude=13.05, latitude=60.05)
    from_list = from_place(place, known)
    assert (from_list.located_by, from_list.place_name, from_list.district_id) == ("place", "Torget", south.pk)
    whole = from_district(north, known)
    assert (whole.located_by, whole.place_name, whole.district_id, whole.shape) == (
        "district",
        "Norr",
        north.pk,
        "point",
    )
