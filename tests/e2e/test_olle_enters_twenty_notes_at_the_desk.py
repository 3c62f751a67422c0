"""Olle, an officer, enters twenty notes from a meeting at the desk ("Registrera inkommet") with the keyboard only,
and takes one back. The dialogue's way of taking part is the test-only dummy method."""

import pytest
from django.urls import reverse

from delaktig.dialogues.models import State
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import MunicipalityFactory
from tests.dummy_method.factories import dummy_module
from tests.dummy_method.models import DummyInput

from .support import arrive, by_id, focused, logged_in, person, press_through, sv, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTES = 20


@pytest.fixture
def hagby():
    return MunicipalityFactory(name="Hagby kommun", slug="hagby")


@pytest.fixture
def olle(hagby):
    return person(hagby, Role.OFFICER, name="Olle Officer", email="olle@hagby.example")


def test_olle_enters_twenty_notes_with_the_keyboard_and_undoes_one(page, hagby, olle):
    module = dummy_module(municipality=hagby, state=State.OPEN, name="Tyck till om torget")
    logged_in(page, olle)
    page.goto(reverse("participation:desk", args=["hagby", module.dialogue_id]))
    arrive(page)
    assert focused(page)["id"] == "id_item-title"  # ready to type

    tab_to(page, by_id("id_group"), backwards=True)
    page.keyboard.type("Bord 3")
    page.keyboard.press("Tab")
    for number in range(1, NOTES + 1):
        enter_a_note(page, number)

    assert DummyInput.objects.filter(module=module, group="Bord 3").count() == NOTES
    newest = DummyInput.objects.filter(module=module).latest("pk")
    tab_to(page, lambda info: info["tag"] == "button" and info["text"].startswith(sv("Undo")))  # the newest's
    press_through(page)
    assert sv("Undone: %(ref)s is removed.", ref=f"DM-{newest.pk}") in page.locator("[role=status]").inner_text()
    assert DummyInput.objects.filter(module=module).count() == NOTES - 1
    assert "19 inlagda i dag av dig" in page.locator("main").inner_text()


def enter_a_note(page, number):
    assert focused(page)["id"] == "id_item-title"
    page.keyboard.type(f"Anteckning {number}")
    page.keyboard.press("Tab")
    page.keyboard.type(f"Fler bänkar och mer grönska på torget, sade deltagare {number}.")
    page.keyboard.press("Tab")
    assert focused(page)["text"] == sv("Save and enter the next")
    press_through(page)
    assert page.locator("[role=status]").inner_text().startswith("Sparat: DM-")
    assert page.input_value("#id_group") == "Bord 3" and page.input_value("#id_item-title") == ""
