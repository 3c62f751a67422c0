"""Demo content: a map dialogue with a few hundred inputs across the municipality's (illustrative) districts.

The inputs are placed by a seeded random draw inside the districts' shapes, so every load gives the same map, and
are stored with bulk_create: one statement for the inputs, one for the supports.
"""

import datetime
import json
import random

from django.utils import timezone
from shapely.geometry import Point

from delaktig.participation.models import Channel, ModerationStatus
from delaktig.participation.services import comment_create

from .models import Category, LocatedBy, MapInput, Place, PlaceKind, Shape, Support
from .services import category_save, input_enter_offline, place_save
from .where import Districts, from_district, from_geojson, from_place

INPUTS = 300  # in a dialogue that has closed; one still open has a few, so that there is room for more
INPUTS_WHILE_OPEN = 24
SEED = 1783  # Hagfors' municipality code
CATEGORIES = [
    ("Cykelväg saknas", "triangle", "#b91c1c"),
    ("Otrygg plats", "diamond", "#7e22ce"),
    ("Bra som det är", "circle", "#15803d"),
    ("Parkering för cyklar", "square", "#1d4ed8"),
]
# (kind, name): each placed in the middle of a district, as the districts' shapes are illustrative too
PLACES = [
    (PlaceKind.PLACE, "Resecentrum"),
    (PlaceKind.PLACE, "Badhuset"),
    (PlaceKind.ADDRESS, "Storgatan 1"),
    (PlaceKind.ADDRESS, "Järnvägsgatan 12"),
]
TEXTS = {
    "Cykelväg saknas": [
        "Här behövs en separat cykelväg, bilarna kör fort.",
        "Barnen cyklar här till skolan men det finns ingen cykelbana.",
        "En cykelväg längs älven skulle knyta ihop byarna.",
    ],
    "Otrygg plats": [
        "Mörkt och öde på kvällen. Mer belysning behövs.",
        "Svår korsning, svårt att se bilar som kommer.",
        "Tunneln känns otrygg när det är mörkt.",
    ],
    "Bra som det är": [
        "Fin sträcka att cykla, låt den vara som den är.",
        "Bra belysning och bred väg här.",
    ],
    "Parkering för cyklar": [
        "Cykelställ med tak skulle behövas här.",
        "Det finns ingenstans att låsa fast cykeln.",
    ],
}
WRITERS = ("invanare", "invanare2", "invanare3")


def populate(module, *, people, content=None):
    districts = Districts(module.dialogue.municipality)
    officer = people["handlaggare"]
    categories = [
        category_save(
            category=Category(module=module, name=name, symbol=symbol, colour=colour, order=order), actor=officer
        )
        for order, (name, symbol, colour) in enumerate(CATEGORIES)
    ]
    if not districts.shapes:  # a municipality without district shapes gets categories only
        return
    _places(module, districts, officer)
    rng = random.Random(SEED)
    when = _when(module)
    phase = module.phases.order_by("starts_at").first()
    count = INPUTS_WHILE_OPEN if phase and phase.ends_at > timezone.now() else INPUTS
    items = MapInput.objects.bulk_create(
        [_input(module, districts, rng, categories, people, when) for _number in range(count)]
    )
    _backdate(module, items, when)
    supporters = [people[local] for local in WRITERS]
    Support.objects.bulk_create(
        [Support(input=item, user=user) for item in items[::4] for user in rng.sample(supporters, rng.randint(1, 3))]
    )
    comment_create(
        target=items[0],
        dialogue=module.dialogue,
        author=people["invanare2"],
        text="Håller med, jag cyklar här varje dag.",
    )
    _entered_at_the_desk(module, districts, officer, categories, when)


# What came on paper and at a meeting, entered by an officer at the desk ("Registrera inkommet")
DESK_INPUTS = [
    (Channel.PAPER, "Storgatan 1", "Brev: trottoaren är för smal för rullator och barnvagn."),
    (Channel.MEETING, None, "Sagt på dialogmötet: cykelvägen till skolan tar slut mitt i området."),
]


def _entered_at_the_desk(module, districts, officer, categories, when):
    places = {place.name: place for place in module.map_places.all()}
    received_on = timezone.localtime(when[1]).date() - datetime.timedelta(days=2)
    for channel, place_name, text in DESK_INPUTS:
        place = places.get(place_name or "")
        located = from_place(place, districts) if place else from_district(districts.areas[0], districts)
        input_enter_offline(
            module=module,
            entered_by=officer,
            channel=channel,
            located=located,
            text=text,
            category=categories[0] if channel == Channel.MEETING else categories[1],
            received_on=received_on,
            group="Bord 2" if channel == Channel.MEETING else "",
        )


def _places(module, districts, officer):
    centres = [shape.representative_point() for _area, shape in districts.shapes]
    for index, (kind, name) in enumerate(PLACES):
        centre = centres[index % len(centres)]
        place = Place(module=module, kind=kind, name=name, longitude=round(centre.x, 5), latitude=round(centre.y, 5))
        place_save(place=place, actor=officer)


def _when(module):
    """The days the dialogue ran (its phase), to spread the inputs over."""
    phase = module.phases.order_by("starts_at").first()
    start = phase.starts_at if phase else timezone.now() - datetime.timedelta(days=30)
    end = min(phase.ends_at if phase else timezone.now(), timezone.now())
    return start, max(end, start + datetime.timedelta(days=1))


def _input(module, districts, rng, categories, people, when):
    area, shape = rng.choice(districts.shapes)
    geometry = _drawn(rng, shape)
    located = from_geojson(geometry, districts)
    category = rng.choice(categories)
    author = people[rng.choice(WRITERS)]
    west, south, east, north = located.bbox
    return MapInput(
        module=module,
        municipality=module.municipality,
        author=module.dialogue.account_for(author),
        author_name=module.dialogue.public_name_for(author, ""),
        category=category,
        text=rng.choice(TEXTS[category.name]),
        shape=located.shape,
        located_by=LocatedBy.MAP,
        place_name=area.name,
        geometry=located.geometry,
        min_lon=west,
        min_lat=south,
        max_lon=east,
        max_lat=north,
        point_lon=located.point[0],
        point_lat=located.point[1],
        district_id=area.pk,
        status=ModerationStatus.PUBLISHED,
    )


def _drawn(rng, shape):
    """Mostly points, some short lines and small areas, inside the district's shape."""
    centre = _point_inside(rng, shape)
    kind = rng.choices([Shape.POINT, Shape.LINE, Shape.AREA], weights=[8, 3, 1])[0]
    if kind == Shape.POINT:
        return {"type": "Point", "coordinates": [centre.x, centre.y]}
    step = 0.002
    if kind == Shape.LINE:
        end = [centre.x + rng.uniform(-step, step), centre.y + rng.uniform(-step, step)]
        return json.dumps({"type": "LineString", "coordinates": [[centre.x, centre.y], end]})
    x, y = centre.x, centre.y
    ring = [[x, y], [x + step, y], [x + step, y + step / 2], [x, y + step / 2], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def _point_inside(rng, shape):
    west, south, east, north = shape.bounds
    inner = shape.buffer(-0.004)
    target = inner if not inner.is_empty else shape
    for _try in range(200):
        point = Point(rng.uniform(west, east), rng.uniform(south, north))
        if target.covers(point):
            return point
    return shape.representative_point()


def _backdate(module, items, when):
    """Spread the inputs over the days the dialogue ran, ten groups by id (one UPDATE each)."""
    start, end = when
    groups = 10
    for index in range(groups):
        part = items[index::groups]
        moment = start + (end - start) * (index + 0.5) / groups
        MapInput.objects.filter(pk__in=[item.pk for item in part]).update(created_at=moment, updated_at=moment)
