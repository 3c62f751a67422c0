"""Elin, 16, votes in the youth budget on a 375-pixel phone with the keyboard only. She says which district she lives
in, ticks projects and sees the money left change as she ticks, chooses too much and is told so, counts again with
"Räkna om", sends her ballot and gets the confirmation. Every page passes axe, and no page is wider than the phone.
"""

import pytest

from delaktig.organisations.models import Area
from delaktig.organisations.tests.factories import MunicipalityFactory
from tests.e2e.support import arrive, by_id, logged_in, person, press_through, sv, tab_to

from ...models import Ballot, Budget
from ..conftest import url
from ..factories import budgeting_module, project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 375, "height": 740}


@pytest.fixture
def youth_budget():
    hagby = MunicipalityFactory(name="Hagby kommun", slug="hagby")
    module = budgeting_module(municipality=hagby)
    module.name = "Ungdomsbudgeten"
    module.save()
    north = Area.objects.create(municipality=hagby, name="Norr")
    budget = Budget.objects.create(module=module, name="Ungdomsbudget för hela kommunen", amount=100_000)
    Budget.objects.create(module=module, name="Unga i Norr", amount=30_000, district=north)
    projects = {
        "pump": project(budget, "Pumptrack", 60_000),
        "gym": project(budget, "Gymkort", 30_000),
        "scen": project(budget, "Scen i parken", 50_000),
    }
    return module, north, budget, projects


def fits_the_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), page.url


def status(page):
    return page.locator("#ballot-sum").inner_text()


def kronor(amount):
    return f"{amount:,}".replace(",", "\u00a0")


def test_elin_votes_in_the_youth_budget_with_the_keyboard_on_her_phone(page, youth_budget):
    module, north, budget, projects = youth_budget
    elin = person(name="Elin Ung", email="elin@example.se")
    page.set_viewport_size(PHONE)
    page.goto(url("index", module))
    logged_in(page, elin)
    arrive(page)
    fits_the_phone(page)

    tab_to(page, lambda info: info["text"] == sv("Vote within the budget"))
    press_through(page)
    fits_the_phone(page)
    tab_to(page, by_id("id_district_0"))
    page.keyboard.press("Space")  # the only district: Norr
    tab_to(page, lambda info: info["text"] == sv("Continue"))
    press_through(page)
    fits_the_phone(page)
    assert sv("Thank you. Now choose the projects you want in each budget.") in page.locator("main").inner_text()

    tab_to(page, lambda info: info["text"] == budget.name)
    press_through(page)
    fits_the_phone(page)
    assert sv("Money left: %(left)s kronor", left=kronor(100_000)) in status(page)

    pump, gym, scen = projects["pump"], projects["gym"], projects["scen"]
    tab_to(page, by_id(f"project-{pump.pk}"))
    page.keyboard.press("Space")
    assert sv("Money left: %(left)s kronor", left=kronor(40_000)) in status(page)  # counted as she ticks
    tab_to(page, by_id(f"project-{scen.pk}"))
    page.keyboard.press("Space")
    assert sv("Too much: remove a project.") in status(page)

    tab_to(page, lambda info: info["text"] == sv("Count again"))
    press_through(page)  # without the script the page counts the same
    fits_the_phone(page)
    assert sv("Too much: remove a project.") in status(page)
    assert not Ballot.objects.exists()

    tab_to(page, by_id(f"project-{scen.pk}"))
    page.keyboard.press("Space")
    tab_to(page, by_id(f"project-{gym.pk}"))
    page.keyboard.press("Space")
    assert sv("Money left: %(left)s kronor", left=kronor(10_000)) in status(page)
    tab_to(page, lambda info: info["text"] == sv("Send my ballot"))
    press_through(page)
    fits_the_phone(page)

    assert sv("Thank you for voting") in page.locator("h1").inner_text()
    main = page.locator("main").inner_text()
    assert "Pumptrack" in main and "Gymkort" in main and "Scen i parken" not in main
    ballot = Ballot.objects.get(voter=elin)
    assert set(ballot.choices.values_list("project_id", flat=True)) == {pump.pk, gym.pk}
    assert ballot.budget == budget
