"""The map dialogues' public dataset (manifest `datasets`): every published map input of a public dialogue, with its
shape as GeoJSON. No author: not even a name the person chose to show, and no photo."""

from django.utils.translation import gettext_lazy as _

from delaktig.core.contributions import Dataset, DatasetField, detail_by_pk
from delaktig.participation import datasets

from .models import Shape
from .selectors import INPUTS


def input_rows(municipality, filters):
    lookups = {"category": "category__name__iexact", "district": "district__name__iexact"}
    return datasets.published_inputs(INPUTS, municipality, filters, lookups=lookups)


def input_row(item):
    return datasets.input_row(
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
    fields=datasets.input_fields(
        datasets.CATEGORY,
        DatasetField("shape", "string", _("The kind of shape: point, line or area")),
        DatasetField("place", "string", _("The address, place or district chosen"), nullable=True),
        DatasetField("district", "string", _("The district the input lies in"), nullable=True),
        DatasetField("text", "string", _("The comment")),
        DatasetField("geometry", "string", _("The shape as a GeoJSON geometry (WGS 84)")),
        DatasetField("longitude", "number", _("Longitude of a point on the shape")),
        DatasetField("latitude", "number", _("Latitude of a point on the shape")),
    ),
    rows=input_rows,
    to_row=input_row,
    filters=datasets.input_filters(
        datasets.CATEGORY_FILTER, DatasetField("district", "string", _("Only input in this district"))
    ),
    detail=detail_by_pk(input_rows, input_row),
    keywords=("medborgardialog", "karta", "synpunkter", "GeoJSON"),
    geometry="geometry",
    order=65,
    extra={"choices": {"shape": tuple(Shape.values)}},
)

DATASETS = (MAP_INPUT,)
