"""No personal data on open input's public pages or in its open data: the central check (tests/test_no_personal_data.py)
with people writing, commenting and supporting in open input."""

import pytest

from tests.test_no_personal_data import Method, assert_no_personal_data

from ..services import input_create, input_enter_offline, support_toggle
from .factories import open_input_module

pytestmark = pytest.mark.django_db

OPEN_INPUT = Method(module=open_input_module, write=input_create, enter=input_enter_offline, support=support_toggle)


def test_no_email_addresses_and_no_hidden_names_on_open_input_pages_or_in_the_api(client, municipality):
    assert_no_personal_data(client, municipality, OPEN_INPUT)
