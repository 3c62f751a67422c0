"""Data for the participation contract test (see docs/adding-a-method.md)."""

from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory
from delaktig.participation.services import comment_create

from ..desk import desk_save
from ..models import Category
from ..services import map_input_create, support_toggle
from ..where import Districts, from_geojson

# What the ids in the method's URLs name, and how each reaches its municipality (organisations/tests/test_foreign_ids)
URL_OBJECTS = {
    "pk": ("map_input.MapInput", "municipality"),
    "input_id": ("map_input.MapInput", "municipality"),
    "category_id": ("map_input.Category", "module__dialogue__municipality"),
    "place_id": ("map_input.Place", "module__dialogue__municipality"),
}


def contract_fixture(module):
    """Fill `module` with one of each kind of contribution, one of them entered at the desk from a letter; return
    the resident who made them."""
    resident = UserFactory(name="Kim Kontrakt")
    staff = UserFactory()
    category = Category.objects.create(module=module, name="Trygghet")
    districts = Districts(module.dialogue.municipality)
    point = from_geojson({"type": "Point", "coordinates": [13.69, 60.03]}, districts)
    item = map_input_create(module=module, author=resident, located=point, text="Mörkt här.", category=category)
    line = from_geojson({"type": "LineString", "coordinates": [[13.69, 60.03], [13.7, 60.04]]}, districts)
    map_input_create(module=module, author=resident, located=line, text="Cykelväg behövs.")
    comment_create(target=item, dialogue=module.dialogue, author=resident, text="Håller med mig själv.")
    support_toggle(item=item, user=resident)
    desk_save(
        module,
        {
            "located": point,
            "text": "Brev: farligt övergångsställe.",
            "category": category,
            "author_name": "Brevskrivare",
        },
        actor=staff,
        channel="paper",
        received_on=timezone.localdate(),
        occasion=None,
        group="",
    )
    return resident
