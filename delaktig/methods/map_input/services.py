"""Writes for map dialogues. Each leaves an audit event in the same transaction."""

import uuid

from django.core.files.base import ContentFile
from django.db import transaction

from delaktig.core.audit import audit_record
from delaktig.participation.models import Channel
from delaktig.participation.services import initial_status
from delaktig.participation.services_inputs import (
    about_you_kept,
    input_create_once,
    input_receipt_later,
    written_online,
)
from delaktig.participation.services_inputs import input_desk_undo as shared_desk_undo
from delaktig.participation.services_inputs import support_toggle as support_toggle

from .models import MapInput, TileSource
from .where import Located


def _photo_file(photo):
    """core.images.CleanPhoto -> a file with a new random name (the resident's file name may say who they are)."""
    return ContentFile(photo.data, name=f"{uuid.uuid4().hex}.{photo.extension}")


def _where(located):
    """The columns that say where an input is: shape, how it was placed, bounding box, point and district."""
    west, south, east, north = located.bbox
    return {
        "shape": located.shape,
        "located_by": located.located_by,
        "place_name": located.place_name,
        "geometry": located.geometry,
        "min_lon": west,
        "min_lat": south,
        "max_lon": east,
        "max_lat": north,
        "point_lon": located.point[0],
        "point_lat": located.point[1],
        "district_id": located.district_id,
    }


@transaction.atomic
def map_input_create(
    *,
    module,
    author,
    located: Located,
    text,
    category=None,
    photo=None,
    photo_description="",
    submission_key=None,
    pseudonym="",
):
    """A resident's map input. `located` comes from where.py (checked); `photo` from core.images.photo_clean.
    Sending the same form twice gives back the first input. The name shown and the account kept follow the
    dialogue's setting (Dialogue.public_name_for / account_for); the e-mail receipt goes to the account kept, or,
    when the dialogue is anonymous by design, to the address once, right after saving, without it being stored."""
    if category is not None and category.module_id != module.pk:
        category = None
    written = written_online(module, author, pseudonym)
    item, created = input_create_once(
        MapInput.objects.filter(module=module),
        submission_key=submission_key,
        **written,
        category=category,
        text=text,
        **_where(located),
        photo=_photo_file(photo) if photo is not None else "",
        photo_description=photo_description if photo is not None else "",
    )
    if created:
        audit_record(
            municipality=item.municipality,
            actor=written["author"],
            action="map_input.create",
            target=item,
            data={"shape": item.shape, "located_by": item.located_by},
        )
        input_receipt_later(item, account=written["author"], author=author)
    return item


@transaction.atomic
def input_enter_offline(
    *,
    module,
    entered_by,
    channel,
    located: Located,
    text,
    category=None,
    author_name="",
    received_on=None,
    age_band="",
    gender="",
    area=None,
    occasion_key="",
    occasion_label="",
    group="",
):
    """Map input that came on paper, by phone, letter or at a meeting, entered by staff (at the desk) with a place
    from the module's list or a district (where.py); published at once, like the desk's other input. The name shown
    is kept only where the dialogue shows names; the "about you" answers are stored, never published."""
    if channel == Channel.ONLINE:
        raise ValueError("Offline input needs an offline channel")
    if category is not None and category.module_id != module.pk:
        category = None
    item = MapInput.objects.create(
        module=module,
        municipality=module.municipality,
        author=None,
        author_name=" ".join(author_name.split()) if module.dialogue.shows_names else "",
        category=category,
        text=text,
        **_where(located),
        channel=channel,
        entered_by=entered_by,
        received_on=received_on,
        occasion_key=occasion_key,
        occasion_label=occasion_label,
        group=group,
        status=initial_status(module.dialogue, entered_by_staff=True),
        **about_you_kept(module, age_band, gender, area),
    )
    audit_record(
        municipality=item.municipality,
        actor=entered_by,
        action="map_input.enter_offline",
        target=item,
        data={"channel": channel, "shape": item.shape, "located_by": item.located_by},
    )
    return item


@transaction.atomic
def input_desk_undo(*, module, item_id, actor, now=None):
    """Remove a map input `actor` entered at the desk a moment ago; False, nothing changed, otherwise."""
    return shared_desk_undo(
        MapInput,
        module=module,
        item_id=item_id,
        actor=actor,
        action="map_input.desk_undo",
        data=lambda item: {"reference": item.reference, "place": item.place_name},
        now=now,
    )


@transaction.atomic
def category_save(*, category, actor):
    created = category.pk is None
    category.save()
    audit_record(
        municipality=category.module.municipality,
        actor=actor,
        action="map_input.category_add" if created else "map_input.category_change",
        target=category.module,
        data={"name": category.name, "symbol": category.symbol, "colour": category.colour},
    )
    return category


@transaction.atomic
def category_delete(*, category, actor):
    """Inputs of the category keep everything else and show no category."""
    audit_record(
        municipality=category.module.municipality,
        actor=actor,
        action="map_input.category_delete",
        target=category.module,
        data={"name": category.name},
    )
    category.delete()


@transaction.atomic
def place_save(*, place, actor):
    created = place.pk is None
    place.save()
    audit_record(
        municipality=place.module.municipality,
        actor=actor,
        action="map_input.place_add" if created else "map_input.place_change",
        target=place.module,
        data={"name": place.name, "kind": place.kind, "longitude": place.longitude, "latitude": place.latitude},
    )
    return place


@transaction.atomic
def place_delete(*, place, actor):
    audit_record(
        municipality=place.module.municipality,
        actor=actor,
        action="map_input.place_delete",
        target=place.module,
        data={"name": place.name, "kind": place.kind},
    )
    place.delete()


@transaction.atomic
def tile_source_set(*, municipality, url_template, attribution, actor):
    """The municipality's map background; an empty address means the districts drawn from their shapes."""
    source, _created = TileSource.objects.get_or_create(municipality=municipality)
    before = {"url_template": source.url_template, "attribution": source.attribution}
    source.url_template, source.attribution = url_template, attribution
    source.save()
    audit_record(
        municipality=municipality,
        actor=actor,
        action="map_input.tile_source_set",
        target=source,
        data={"before": before, "after": {"url_template": url_template, "attribution": attribution}},
    )
    return source
