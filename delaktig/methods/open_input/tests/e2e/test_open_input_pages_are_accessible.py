"""Open input's own pages pass axe: the list and an input for residents, the staff overview and moderation.

(The central sweep in tests/e2e/test_public_pages_are_accessible.py visits a module's first page and its staff
pages in the demo; the input's own page is open input's.)
"""

import pytest
from django.urls import reverse

from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import MunicipalityFactory
from tests.e2e.support import arrive, logged_in, person

from ..factories import InputFactory, open_input_module

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def item():
    hagby = MunicipalityFactory(name="Hagby kommun", slug="hagby")
    return InputFactory(module=open_input_module(municipality=hagby), title="Fler bänkar i skugga")


def visit(page, path):
    response = page.goto(path)
    assert response.status == 200, path
    arrive(page)
    assert page.locator("h1").count() == 1, f"one main heading on {page.url}"


def test_open_input_pages_are_accessible(page, item):
    module = item.module
    visit(page, module.get_absolute_url())
    visit(page, item.get_absolute_url())
    officer = person(module.dialogue.municipality, Role.DEMOCRACY_OFFICER, name="Olle Officer", email="olle@hagby.se")
    logged_in(page, officer)
    args = [module.dialogue.municipality.slug, module.dialogue_id, module.pk]
    for name in ("index", "moderation"):
        visit(page, reverse(f"open_input_staff:{name}", args=args))
