"""Reads for map dialogues. Lists annotate their counts, so pages never run a query per row."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse

from delaktig.accounts.models import User
from delaktig.participation.models import Comment, ModerationStatus
from delaktig.participation.registry import InputRecord, ModerationItem

from .about import METHOD_KEY, METHOD_NAME
from .models import Category, MapInput, Place, Support, TileSource

RECENT_LIMIT = 20
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
    "status",
    "created",
    "supports",
    "comments",
]


def input_type():
    return ContentType.objects.get_for_model(MapInput)


def categories_of(module):
    return list(Category.objects.filter(module=module))


def places_of(module):
    return list(Place.objects.filter(module=module))


def tile_source(municipality):
    """The municipality's tile source, or None when maps draw the districts as their base."""
    source = TileSource.objects.filter(municipality=municipality).first()
    return source if source and source.url_template else None


def _count_subquery(qs, column):
    counted = qs.order_by().values(column).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def with_counts(qs):
    """Annotate support_count and comment_count (published comments) in the same query."""
    supports = Support.objects.filter(input=OuterRef("pk"))
    comments = Comment.objects.filter(
        target_type=input_type(), target_id=OuterRef("pk"), status=ModerationStatus.PUBLISHED
    )
    return qs.annotate(
        support_count=_count_subquery(supports, "input_id"), comment_count=_count_subquery(comments, "target_id")
    )


def inputs_published(module, *, district=None, category=None):
    qs = MapInput.objects.published().filter(module=module)
    if district is not None:
        qs = qs.filter(district=district)
    if category is not None:
        qs = qs.filter(category=category)
    return with_counts(qs.select_related("category", "district")).order_by("-created_at", "-id")


def input_visible(module, pk, user):
    """A published input, or the viewer's own input whatever its status; None otherwise."""
    qs = with_counts(MapInput.objects.filter(module=module, pk=pk).select_related("category", "district"))
    mine = Q(author=user) if user.is_authenticated else Q(pk__in=[])
    item = qs.filter(Q(status=ModerationStatus.PUBLISHED) | mine).first()
    if item is not None:
        item.module = module
    return item


def comments_published(item):
    return list(item.comments.filter(status=ModerationStatus.PUBLISHED).order_by("created_at", "id"))


def has_supported(item, user):
    return user.is_authenticated and Support.objects.filter(input=item, user=user).exists()


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


def inputs_pending(module):
    qs = MapInput.objects.filter(module=module, status=ModerationStatus.PENDING).select_related("category")
    return list(qs.order_by("created_at", "id"))


def inputs_recently_published(module, limit=RECENT_LIMIT):
    qs = MapInput.objects.published().filter(module=module).select_related("category")
    return list(qs.order_by("-created_at", "-id")[:limit])


def _module_comments(module):
    return Comment.objects.filter(
        target_type=input_type(), target_id__in=MapInput.objects.filter(module=module).values("pk")
    )


def comments_pending(module):
    pending = _module_comments(module).filter(status=ModerationStatus.PENDING)
    comments = list(pending.order_by("created_at", "id"))
    _attach_inputs(comments)
    return comments


def _attach_inputs(comments, select=("category",)):
    """Give each comment its input in one query (a generic target cannot be select_related)."""
    inputs = MapInput.objects.select_related(*select).in_bulk({c.target_id for c in comments})
    for comment in comments:
        comment.input = inputs.get(comment.target_id)


# The manifest's reads


def stats(module):
    """Counts for reports. Removed input and comments are left out; pending ones were still received."""
    inputs = MapInput.objects.received().filter(module=module)
    return {
        "inputs": inputs.count(),
        "comments": _module_comments(module).exclude(status=ModerationStatus.REJECTED).count(),
        "supports": Support.objects.filter(input__in=inputs).count(),
        "participants": len(participant_ids(module)),
        "districts": inputs.exclude(district=None).values("district").distinct().count(),
    }


def participant_ids(module):
    ids = set(MapInput.objects.filter(module=module, author__isnull=False).values_list("author_id", flat=True))
    ids |= set(_module_comments(module).filter(author__isnull=False).values_list("author_id", flat=True))
    ids |= set(Support.objects.filter(input__module=module).values_list("user_id", flat=True))
    return ids


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
        "status": item.status,
        "created": item.created_at.isoformat(),
        "supports": item.support_count,
        "comments": item.comment_count,
    }


def personal_data(user):
    """Everything the map dialogues hold about `user`, for their "my data" export."""
    inputs = MapInput.objects.filter(author=user).select_related("module__dialogue", "category")
    comments = list(Comment.objects.filter(author=user, target_type=input_type()))
    _attach_inputs(comments, select=("module__dialogue",))
    supports = Support.objects.filter(user=user).select_related("input__module__dialogue")
    return (
        [_input_data(item) for item in inputs]
        + [_comment_data(comment) for comment in comments]
        + [_support_data(support) for support in supports]
    )


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
        "created": item.created_at.isoformat(),
    }


def _comment_data(comment):
    return {
        "type": "map_input.comment",
        "on": comment.input.reference if comment.input else "",
        "dialogue": comment.input.module.dialogue.title if comment.input else "",
        "text": comment.text,
        "name_shown": comment.author_name,
        "status": comment.status,
        "created": comment.created_at.isoformat(),
    }


def _support_data(support):
    return {
        "type": "map_input.support",
        "on": support.input.reference,
        "dialogue": support.input.module.dialogue.title,
        "created": support.created_at.isoformat(),
    }


def erase(user):
    """Anonymise the user's inputs and comments (they stay as records) and delete their supports."""
    inputs = MapInput.objects.filter(author=user).update(author=None, author_name="")
    comments = Comment.objects.filter(author=user, target_type=input_type()).update(author=None, author_name="")
    supports, _ = Support.objects.filter(user=user).delete()
    return inputs + comments + supports


def _pending_inputs(municipality):
    return MapInput.objects.filter(municipality=municipality, status=ModerationStatus.PENDING)


def _pending_comments(municipality):
    return Comment.objects.filter(
        municipality=municipality,
        target_type=input_type(),
        target_id__in=MapInput.objects.filter(municipality=municipality).values("pk"),
        status=ModerationStatus.PENDING,
    )


def moderation_queue(municipality, limit=None):
    """Pending inputs and pending comments on them, oldest first; with `limit`, only the oldest `limit`."""
    select = ("module__dialogue__municipality", "category")
    inputs = list(_pending_inputs(municipality).select_related(*select).order_by("created_at", "id")[:limit])
    comments = list(_pending_comments(municipality).order_by("created_at", "id")[:limit])
    _attach_inputs(comments, select=select)
    items = [_queue_item(item.module, item.title, item.text, item.created_at) for item in inputs]
    for comment in comments:
        parent = comment.input
        if parent:
            items.append(_queue_item(parent.module, parent.title, comment.text, comment.created_at))
    return sorted(items, key=lambda item: item.created_at)[:limit]


def moderation_count(municipality):
    return _pending_inputs(municipality).count() + _pending_comments(municipality).count()


def _queue_item(module, title, text, created_at):
    dialogue = module.dialogue
    url = reverse("map_input_staff:moderation", args=[dialogue.municipality.slug, dialogue.pk, module.pk])
    return ModerationItem(
        method_name=str(METHOD_NAME), title=title, text=text, created_at=created_at, dialogue=dialogue, url=url
    )


def module_summary(module):
    """The active phase and published input count for the dialogue page (at most two queries)."""
    return {"phase": module.active_phase(), "published": MapInput.objects.published().filter(module=module).count()}


def input_rows(module):
    """The same inputs as `inputs`, as a QuerySet the results workspace filters, counts and pages in the database."""
    return MapInput.objects.received().filter(module=module)


def inputs(module, ids=None):
    """Every input of the module that was not removed, for the results workspace; with `ids`, only those."""
    qs = input_rows(module).select_related("category").order_by("created_at", "id")
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    slug = module.dialogue.municipality.slug
    return [_record(slug, module, item) for item in qs]


def input_channels(module):
    received = MapInput.objects.received().filter(module=module).order_by()
    return dict(received.values_list("channel").annotate(n=Count("id")))


def _record(slug, module, item):
    staff_url = reverse("map_input_staff:moderate", args=[slug, module.dialogue_id, module.pk, "input", item.pk])
    return InputRecord(
        ref=f"{METHOD_KEY}:{item.pk}",
        module_id=module.pk,
        method=METHOD_KEY,
        title=item.title,
        text=item.text,
        channel=item.channel,
        created_at=item.created_at,
        author_shown=item.author_name if item.is_published else "",
        staff_url=staff_url,
    )


def participant_addresses(module):
    """(email, name) of everyone who took part online with an account that is still active, each address once."""
    people = User.objects.filter(pk__in=participant_ids(module), is_active=True).exclude(email="").order_by("id")
    seen, result = set(), []
    for email, name in people.values_list("email", "name"):
        if email.lower() not in seen:
            seen.add(email.lower())
            result.append((email, name))
    return result


def public_names_hide(module):
    """The dialogue's setting became stricter: input and comments already sent are shown without a name."""
    comments = _module_comments(module).exclude(author_name="").update(author_name="")
    return MapInput.objects.filter(module=module).exclude(author_name="").update(author_name="") + comments
