"""No personal data on the map dialogue's public pages, its map data or its open data: the central check
(tests/test_no_personal_data.py) with people marking places, commenting and supporting."""

import pytest

from tests.test_no_personal_data import Method, assert_no_personal_data

from ..services import map_input_create, support_toggle
from ..where import Districts, from_geojson
from .factories import IN_NORTH, map_module

pytestmark = pytest.mark.django_db


def write(*, module, author, title, text, pseudonym=""):
    located = from_geojson(IN_NORTH, Districts(module.dialogue.municipality))
    return map_input_create(module=module, author=author, located=located, text=f"{title}. {text}", pseudonym=pseudonym)


def enter(**_kwargs):
    """Map dialogues take no input entered by staff."""


MAP_INPUT = Method(module=map_module, write=write, enter=enter, support=support_toggle)


def test_no_email_addresses_and_no_hidden_names_on_map_pages_or_in_the_api(client, municipality):
    assert_no_personal_data(client, municipality, MAP_INPUT)
