"""Reads for map dialogues. Lists annotate their counts, so pages never run a query per row."""

from django.db.models import Count

from delaktig.participation.selectors_inputs import InputReads

from .about import METHOD_NAME
from .models import Category, MapInput, Place, TileSource

EXPORT_COLUMNS = [
    "id",
    "category",
    "shape",
    "placed",
    "place",
    "district",
    "text",
    "longitude",
    "latitude",
    "channel",
    "received_on",
    "status",
    "created",
    "supports",
    "comments",
]


def _record_details(item):
    """What the results read besides the text: the voluntary answers and the day input entered by staff came in."""
    return {"demographics": item.demographics, "received_on": item.received_on}


# The reads every method with supported and commented inputs shares
INPUTS = InputReads(MapInput, method_name=METHOD_NAME, related=("category", "district"), record_details=_record_details)

input_type = INPUTS.input_type
with_counts = INPUTS.with_counts
participant_addresses = INPUTS.participant_addresses
inputs = INPUTS.inputs
erase = INPUTS.erase


def categories_of(module):
    return list(Category.objects.filter(module=module))


def places_of(module):
    return list(Place.objects.filter(module=module))


def tile_source(municipality):
    """The municipality's tile source, or None when maps draw the districts as their base."""
    source = TileSource.objects.filter(municipality=municipality).first()
    return source if source and source.url_template else None


def inputs_published(module, *, district=None, category=None):
    qs = MapInput.objects.published().filter(module=module)
    if district is not None:
        qs = qs.filter(district=district)
    if category is not None:
        qs = qs.filter(category=category)
    return with_counts(qs.select_related("category", "district")).order_by("-created_at", "-id")


# The map: what lies in a box, as GeoJSON

MAP_LIMIT = 2000  # features in one answer; the map asks the visitor to zoom in for the rest
FEATURE_COLUMNS = ("pk", "geometry", "category_id", "shape")


def features_in_bbox(module, bbox, *, limit=MAP_LIMIT):
    """The published inputs whose bounding box meets `bbox` (west, south, east, north), newest first, at most
    `limit`, as a GeoJSON FeatureCollection in text. The geometry is stored as checked GeoJSON text and goes out
    as it is, so no row is parsed."""
    qs = MapInput.objects.published().filter(module=module).in_bbox(*bbox).order_by("-id")
    rows = list(qs.values_list(*FEATURE_COLUMNS)[: limit + 1])
    return feature_collection(rows[:limit], truncated=len(rows) > limit)


def feature_collection(rows, *, truncated):
    """GeoJSON text of rows (pk, geometry text, category id, shape)."""
    features = ",".join(
        f'{{"type":"Feature","id":{pk},"geometry":{geometry},"properties":{{"category":{category or "null"},'
        f'"shape":"{shape}"}}}}'
        for pk, geometry, category, shape in rows
    )
    return f'{{"type":"FeatureCollection","truncated":{"true" if truncated else "false"},"features":[{features}]}}'


def counts_per_district(qs):
    """[(district name or "", number)] of the inputs of `qs`, largest first."""
    counted = qs.order_by().values_list("district__name").annotate(n=Count("id")).order_by("-n", "district__name")
    return [(name or "", n) for name, n in counted]


def inputs_for_staff(module, *, category=None, district=None, since=None, until=None):
    qs = MapInput.objects.received().filter(module=module)
    if category is not None:
        qs = qs.filter(category=category)
    if district is not None:
        qs = qs.filter(district=district)
    if since is not None:
        qs = qs.filter(created_at__date__gte=since)
    if until is not None:
        qs = qs.filter(created_at__date__lte=until)
    return with_counts(qs.select_related("category", "district")).order_by("-created_at", "-id")


# The manifest's reads


def stats(module):
    """Counts for reports, with the number of districts that have input."""
    received = MapInput.objects.received().filter(module=module)
    return {**INPUTS.stats(module), "districts": received.exclude(district=None).values("district").distinct().count()}


def export_rows(module):
    """One row per input that was not removed. No names, no user ids."""
    qs = with_counts(MapInput.objects.received().filter(module=module).select_related("category", "district"))
    return [export_row(item) for item in qs.order_by("created_at", "id")]


def export_row(item):
    return {
        "id": item.pk,
        "category": item.category.name if item.category else "",
        "shape": item.shape,
        "placed": item.located_by,
        "place": item.place_name,
        "district": item.district.name if item.district else "",
        "text": item.text,
        "longitude": round(item.point_lon, 6),
        "latitude": round(item.point_lat, 6),
        "channel": item.channel,
        "received_on": item.received_on.isoformat() if item.received_on else "",
        "status": item.status,
        "created": item.created_at.isoformat(),
        "supports": item.support_count,
        "comments": item.comment_count,
    }


def personal_data(user):
    """Everything the map dialogues hold about `user`, for their "my data" export."""
    written = MapInput.objects.filter(author=user).select_related("module__dialogue__municipality", "category")
    return [_input_data(item) for item in written] + INPUTS.comments_data(user) + INPUTS.supports_data(user)


def _input_data(item):
    return {
        "type": "map_input.input",
        "reference": item.reference,
        "dialogue": item.module.dialogue.title,
        "category": item.category.name if item.category else "",
        "place": item.place_name,
        "geometry": item.geometry,
        "text": item.text,
        "photo": bool(item.photo),
        "name_shown": item.author_name,
        "status": item.status,
        "moderation_reason": item.moderation_reason,
        "url": item.get_absolute_url(),
        "created": item.created_at.isoformat(),
        "identity_level": item.identity_level,
    }
