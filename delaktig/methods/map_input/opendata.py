"""The map dialogues' public dataset (manifest `datasets`): every published map input of a public dialogue, with its
shape as GeoJSON. No author: not even a name the person chose to show, and no photo."""

from django.utils.translation import gettext_lazy as _

from delaktig.core.contributions import Dataset, DatasetField, detail_by_pk
from delaktig.participation.datasets import (
    CATEGORY,
    CATEGORY_FILTER,
    input_fields,
    input_filters,
    input_row,
    published_inputs,
)

from .models import Shape
from .selectors import INPUTS


def input_rows(municipality, filters):
    qs = published_inputs(INPUTS, municipality, filters)
    if "category" in filters:
        qs = qs.filter(category__name__iexact=filters["category"])
    if "district" in filters:
        qs = qs.filter(district__name__iexact=filters["district"])
    return qs


def map_input_row(item):
    return input_row(
        item,
        created_on=item.created_at.date(),
        category=item.category.name if item.category else None,
        shape=item.shape,
        place=item.place_name or None,
        district=item.district.name if item.district else None,
        text=item.text,
        geometry=item.geometry,
        longitude=round(item.point_lon, 6),
        latitude=round(item.point_lat, 6),
    )


MAP_INPUT = Dataset(
    key="map-input",
    title=_("Map input"),
    description=_(
        "Places residents marked on the map in map dialogues, as published: the shape as GeoJSON (longitude and "
        "latitude in WGS 84), category, district, comment, and how many supported and commented on it. No names "
        "and no photos."
    ),
    fields=input_fields(
        CATEGORY,
        DatasetField("shape", "string", _("The kind of shape: point, line or area")),
        DatasetField("place", "string", _("The address, place or district chosen"), nullable=True),
        DatasetField("district", "string", _("The district the input lies in"), nullable=True),
        DatasetField("text", "string", _("The comment")),
        DatasetField("geometry", "string", _("The shape as a GeoJSON geometry (WGS 84)")),
        DatasetField("longitude", "number", _("Longitude of a point on the shape")),
        DatasetField("latitude", "number", _("Latitude of a point on the shape")),
    ),
    rows=input_rows,
    to_row=map_input_row,
    filters=input_filters(CATEGORY_FILTER, DatasetField("district", "string", _("Only input in this district"))),
    detail=detail_by_pk(input_rows, map_input_row),
    keywords=("medborgardialog", "karta", "synpunkter", "GeoJSON"),
    geometry="geometry",
    order=65,
    extra={"choices": {"shape": tuple(Shape.values)}},
)

DATASETS = (MAP_INPUT,)
