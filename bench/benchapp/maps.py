"""Data for W9, the map's bounding-box query: a map dialogue with 50,000 published inputs spread over a rectangle
of about 55 x 33 km (points, some lines and small areas), bulk inserted, and the two URLs W9 compares."""

import datetime
import json
import random

from django.urls import reverse
from django.utils import timezone

from delaktig.dialogues.models import Dialogue, State
from delaktig.methods.map_input.models import Category, MapInput, Shape
from delaktig.participation.models import ModerationStatus, Module, Phase

from .lists import municipality_make
from .seed import _analyze, _bulk

WEST, SOUTH, EAST, NORTH = 13.4, 59.9, 14.4, 60.2
# The box the map asks for: a tenth of the rectangle, so about 5,000 inputs meet it and 2,000 are served
BOX = (13.8, 60.0, 14.1, 60.1)


def maps_create(*, slug, code, inputs):
    municipality = municipality_make(slug, code)
    now = timezone.now()
    dialogue = Dialogue.objects.create(
        municipality=municipality,
        state=State.OPEN,
        title="Cykelvägar på kartan",
        slug="cykelvagar",
        question="Var behövs nya cykelvägar?",
        ladder_level="consultation",
        starts_on=timezone.localdate() - datetime.timedelta(days=10),
        ends_on=timezone.localdate() + datetime.timedelta(days=20),
        opened_at=now - datetime.timedelta(days=10),
    )
    module = Module.objects.create(dialogue=dialogue, method="map_input", name="Tyck till på kartan")
    Phase.objects.create(
        module=module,
        phase_type="collect",
        name="Insamling",
        starts_at=now - datetime.timedelta(days=5),
        ends_at=now + datetime.timedelta(days=5),
    )
    categories = [Category.objects.create(module=module, name=f"Kategori {i}") for i in range(4)]
    rng = random.Random(9)
    _bulk(MapInput, (_input(module, categories, rng) for _ in range(inputs)))
    _analyze()
    args = [slug, dialogue.pk, module.pk]
    box = ",".join(str(edge) for edge in BOX)
    return {
        "slug": slug,
        "inputs": MapInput.objects.filter(module=module).count(),
        "in_box": MapInput.objects.filter(module=module).in_bbox(*BOX).count(),
        "urls": {
            "real": f"{reverse('map_input:features', args=args)}?bbox={box}",
            "raw": f"{reverse('bench_map_raw', args=[slug, module.pk])}?bbox={box}",
        },
    }


def _input(module, categories, rng):
    lon, lat = round(rng.uniform(WEST, EAST), 6), round(rng.uniform(SOUTH, NORTH), 6)  # as stored (where.py)
    kind = rng.choices([Shape.POINT, Shape.LINE, Shape.AREA], weights=[8, 3, 1])[0]
    if kind == Shape.POINT:
        geometry, points = {"type": "Point", "coordinates": [lon, lat]}, [(lon, lat)]
    elif kind == Shape.LINE:
        points = [
            (lon, lat),
            (round(lon + 0.004, 6), round(lat + 0.002, 6)),
            (round(lon + 0.006, 6), round(lat - 0.001, 6)),
        ]
        geometry = {"type": "LineString", "coordinates": [list(p) for p in points]}
    else:
        east, north = round(lon + 0.003, 6), round(lat + 0.002, 6)
        points = [(lon, lat), (east, lat), (east, north), (lon, north), (lon, lat)]
        geometry = {"type": "Polygon", "coordinates": [[list(p) for p in points]]}
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return MapInput(
        module=module,
        municipality=module.dialogue.municipality,
        author_name="",
        category=rng.choice(categories),
        text="Här behövs en cykelväg, det är farligt att cykla på vägen i dag.",
        shape=kind,
        place_name="",
        geometry=json.dumps(geometry, separators=(",", ":")),
        min_lon=min(lons),
        min_lat=min(lats),
        max_lon=max(lons),
        max_lat=max(lats),
        point_lon=lon,
        point_lat=lat,
        status=ModerationStatus.PUBLISHED,
    )
