"""The map dialogues' public dataset (manifest `datasets`): every published map input of a public dialogue, with its
shape as GeoJSON. No author: not even a name the person chose to show, and no photo."""

from django.utils.translation import gettext_lazy as _

from delaktig.core.contributions import Dataset, DatasetField, detail_by_pk
from delaktig.dialogues.models import PUBLIC_STATES

from .models import MapInput, Shape
from .selectors import with_counts


def input_rows(municipality, filters):
    qs = MapInput.objects.published().filter(
        municipality=municipality,
        module__dialogue__municipality=municipality,
        module__dialogue__state__in=PUBLIC_STATES,
    )
    if "dialogue" in filters:
        qs = qs.filter(module__dialogue_id=filters["dialogue"])
    if "module" in filters:
        qs = qs.filter(module_id=filters["module"])
    if "category" in filters:
        qs = qs.filter(category__name__iexact=filters["category"])
    if "district" in filters:
        qs = qs.filter(district__name__iexact=filters["district"])
    qs = qs.select_related("module__dialogue__municipality", "category", "district")
    return with_counts(qs).order_by("id")


def input_row(item):
    return {
        "id": item.pk,
        "dialogue_id": item.module.dialogue_id,
        "module_id": item.module_id,
        "category": item.category.name if item.category else None,
        "shape": item.shape,
        "place": item.place_name or None,
        "district": item.district.name if item.district else None,
        "text": item.text,
        "geometry": item.geometry,
        "longitude": round(item.point_lon, 6),
        "latitude": round(item.point_lat, 6),
        "created_on": item.created_at.date().isoformat(),
        "supports": item.support_count,
        "comments": item.comment_count,
        "url": item.get_absolute_url(),
    }


MAP_INPUT = Dataset(
    key="map-input",
    title=_("Map input"),
    description=_(
        "Places residents marked on the map in map dialogues, as published: the shape as GeoJSON (longitude and "
        "latitude in WGS 84), category, district, comment, and how many supported and commented on it. No names "
        "and no photos."
    ),
    fields=(
        DatasetField("id", "integer", _("Identifier of the input")),
        DatasetField("dialogue_id", "integer", _("The dialogue")),
        DatasetField("module_id", "integer", _("The module (a way to take part)")),
        DatasetField("category", "string", _("Category"), nullable=True),
        DatasetField("shape", "string", _("The kind of shape: point, line or area")),
        DatasetField("place", "string", _("The address, place or district chosen"), nullable=True),
        DatasetField("district", "string", _("The district the input lies in"), nullable=True),
        DatasetField("text", "string", _("The comment")),
        DatasetField("geometry", "string", _("The shape as a GeoJSON geometry (WGS 84)")),
        DatasetField("longitude", "number", _("Longitude of a point on the shape")),
        DatasetField("latitude", "number", _("Latitude of a point on the shape")),
        DatasetField("created_on", "date", _("The day it came in")),
        DatasetField("supports", "integer", _("Number of people who support it")),
        DatasetField("comments", "integer", _("Number of published comments")),
        DatasetField("url", "string", _("The input's page")),
    ),
    rows=input_rows,
    to_row=input_row,
    filters=(
        DatasetField("dialogue", "integer", _("Only input in this dialogue")),
        DatasetField("module", "integer", _("Only input in this module")),
        DatasetField("category", "string", _("Only input in this category")),
        DatasetField("district", "string", _("Only input in this district")),
    ),
    detail=detail_by_pk(input_rows, input_row),
    keywords=("medborgardialog", "karta", "synpunkter", "GeoJSON"),
    geometry="geometry",
    order=65,
    extra={"choices": {"shape": tuple(Shape.values)}},
)

DATASETS = (MAP_INPUT,)
