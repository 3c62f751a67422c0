"""Rut gives input to a map dialogue without using the map: she chooses an address from the list.

She uses only the keyboard: Tab, typing, arrow keys and Enter. Every element she tabs through must be visible and
show where the focus is, and every page she visits is checked with axe. Afterwards she reads all input as a list,
filtered by her district.
"""

import pytest

from delaktig.organisations.tests.factories import MunicipalityFactory
from tests.e2e.support import arrive, by_id, by_text, focused, logged_in, person, press_through, sv, tab_to

from ...models import Category, MapInput, Place
from ..factories import IN_NORTH, districts_for, map_input, map_module

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = "Övergångsstället vid Storgatan behöver en mittrefug, bilarna kör fort."


@pytest.fixture
def module():
    hagby = MunicipalityFactory(name="Hagby kommun", slug="hagby")
    districts_for(hagby)
    module = map_module(municipality=hagby)
    module.dialogue.question = "Var känns det otryggt att gå och cykla?"
    module.dialogue.save()
    Category.objects.create(module=module, name="Trafik", symbol="triangle", colour="#b91c1c")
    Category.objects.create(module=module, name="Trygghet", symbol="star", colour="#7e22ce")
    Place.objects.create(module=module, kind="address", name="Storgatan 1", longitude=13.05, latitude=60.05)
    map_input(module, person(name="Omar Ali", email="omar@example.se"), IN_NORTH, text="Mörk cykelväg i norr.")
    return module


@pytest.fixture
def rut():
    return person(name="Rut Resident", email="rut@example.se")


def test_rut_marks_a_place_from_the_list_by_keyboard(page, module, rut):
    page.goto(module.get_absolute_url())
    logged_in(page, rut)
    tab_to(page, by_text(sv("Give your input")))
    press_through(page)
    assert page.url.endswith(f"/delta/{module.pk}/map_input/ny/")

    choose(page, "id_category", "Trafik")
    forget_the_place(page)
    choose_the_address_and_send(page)

    item = MapInput.objects.get(author=rut)
    assert (item.place_name, item.located_by, item.district.name, item.text) == (
        "Storgatan 1",
        "address",
        "Söder",
        TEXT,
    )
    assert item.reference in page.locator(".panel-confirmation").inner_text()

    tab_to(page, by_text(sv("See the map and the list of input")))
    press_through(page)
    read_the_list_of_her_district(page, item)


def choose(page, select_id, label):
    """Focus a list with Tab and pick an option by typing its first letters, as a keyboard user does."""
    tab_to(page, by_id(select_id))
    page.keyboard.type(label)
    assert page.locator(f"#{select_id} option:checked").inner_text() == label


def forget_the_place(page):
    """Rut writes her comment but chooses no place: the error summary takes the focus and her text is kept."""
    tab_to(page, by_id("id_text"))
    page.keyboard.type(TEXT)
    tab_to(page, by_text(sv("Send input")))
    press_through(page)
    assert focused(page)["id"] == "error-summary"
    assert page.locator("#error-summary a[href='#id_location']").count() == 1
    assert page.input_value("#id_text") == TEXT
    assert page.locator("#id_category option:checked").inner_text() == "Trafik"


def choose_the_address_and_send(page):
    tab_to(page, lambda info: info["href"] == "#id_location", limit=3)
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "id_location"
    page.keyboard.type("Storgatan")
    assert page.locator("#id_location option:checked").inner_text() == "Storgatan 1"
    tab_to(page, by_text(sv("Send input")))
    press_through(page)
    assert sv("We have received your input") in page.locator("h1").inner_text()


def read_the_list_of_her_district(page, item):
    choose(page, "id_district", "Söder")
    tab_to(page, by_text(sv("Show input")))
    press_through(page)
    cards = page.locator(".card-list .card")
    assert cards.count() == 1 and item.reference in cards.first.inner_text()
    assert page.locator("#result-count").inner_text().startswith("1 ")
    arrive(page)
