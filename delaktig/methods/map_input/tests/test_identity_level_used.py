"""The identity level a map input was written with: stored with it and shown on My pages."""

import pytest

from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.services import identity_level_raise
from delaktig.accounts.tests.factories import UserFactory
from delaktig.accounts.tests.helpers import my_pages, row_of

from ..services import map_input_create
from ..where import Districts, from_geojson

pytestmark = pytest.mark.django_db


def test_a_map_input_keeps_the_level_of_its_writer_and_shows_it(client, municipality, module):
    rut = UserFactory(identity_level=IdentityLevel.EMAIL)
    point = from_geojson({"type": "Point", "coordinates": [13.01, 60.11]}, Districts(municipality))
    item = map_input_create(module=module, author=rut, located=point, text="Mörkt vid busshållplatsen.")
    identity_level_raise(user=rut, level=IdentityLevel.SUBSTANTIAL)
    item.refresh_from_db()
    assert item.identity_level == IdentityLevel.EMAIL
    html = my_pages(client, rut, municipality)
    row = row_of(html, "Mörkt vid busshållplatsen")
    assert "Bekräftad e-postadress" in row and item.get_absolute_url() in html
