import datetime

from django.utils import timezone

from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.organisations.models import Area
from delaktig.participation.models import Module, Phase

from ..services import map_input_create
from ..where import Districts, from_geojson

# Two districts side by side: Norr (13.0–13.1 E, 60.1–60.2 N) and Söder (13.0–13.1 E, 60.0–60.1 N)
NORTH = {"type": "Polygon", "coordinates": [[[13.0, 60.1], [13.1, 60.1], [13.1, 60.2], [13.0, 60.2], [13.0, 60.1]]]}
SOUTH = {"type": "Polygon", "coordinates": [[[13.0, 60.0], [13.1, 60.0], [13.1, 60.1], [13.0, 60.1], [13.0, 60.0]]]}
IN_NORTH = {"type": "Point", "coordinates": [13.05, 60.15]}
IN_SOUTH = {"type": "Point", "coordinates": [13.05, 60.05]}


def districts_for(municipality):
    """Norr and Söder, with their shapes."""
    north = Area.objects.create(municipality=municipality, name="Norr", order=1, geometry=NORTH)
    south = Area.objects.create(municipality=municipality, name="Söder", order=2, geometry=SOUTH)
    return north, south


def map_module(*, municipality, state=State.OPEN, phase="collect", moderation="post", public_identity="name"):
    """A dialogue in `state` with a map dialogue module whose running phase is `phase` (None: the phase is over)."""
    dialogue = dialogue_in_state(state, municipality=municipality, moderation=moderation)
    if public_identity != "name":
        dialogue.public_identity = public_identity
        dialogue.save(update_fields=["public_identity"])
    module = Module.objects.create(dialogue=dialogue, method="map_input", name="Tyck till på kartan")
    now = timezone.now()
    if phase is None:
        starts, ends = now - datetime.timedelta(days=20), now - datetime.timedelta(days=1)
    else:
        starts, ends = now - datetime.timedelta(days=1), now + datetime.timedelta(days=10)
    Phase.objects.create(module=module, phase_type=phase or "collect", name="Insamling", starts_at=starts, ends_at=ends)
    return Module.objects.select_related("dialogue__municipality").get(pk=module.pk)


def map_input(module, author, geometry=IN_NORTH, text="Mörkt vid gångtunneln.", **kwargs):
    located = from_geojson(geometry, Districts(module.dialogue.municipality))
    return map_input_create(module=module, author=author, located=located, text=text, **kwargs)
