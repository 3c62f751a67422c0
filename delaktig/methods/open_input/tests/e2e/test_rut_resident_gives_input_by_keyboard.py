"""Rut, a resident with a confirmed e-mail address, finds an open dialogue and gives her input.

She uses only the keyboard: Tab, typing, Enter. Every element she tabs through must be visible
and show where the focus is.
"""

import pytest
from django.core import mail

from delaktig.organisations.tests.factories import MunicipalityFactory
from tests.e2e.support import arrive, by_href, by_id, by_text, focused, person, press_through, sv, sv_date, tab_to

from ...models import Input
from ..factories import open_input_module

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Fler bänkar vid lekplatsen"
TEXT = "Det behövs bänkar i skugga nära lekplatsen, så att äldre kan vila medan barnen leker."


@pytest.fixture
def module():
    hagby = MunicipalityFactory(name="Hagby kommun", slug="hagby")
    other = open_input_module(municipality=hagby)
    other.dialogue.title = "Ny cykelväg till skolan"
    other.dialogue.slug = ""
    other.dialogue.save()
    module = open_input_module(municipality=hagby)
    dialogue = module.dialogue
    dialogue.title, dialogue.slug, dialogue.ladder_level = "Stadsparken och dess bänkar", "", "consultation"
    dialogue.question = "Vad vill du kunna göra i stadsparken?"
    dialogue.save()
    return module


@pytest.fixture
def rut():
    return person(name="Rut Resident", email="rut@example.se")


def test_rut_gives_input_by_keyboard(page, module, rut):
    dialogue = module.dialogue
    page.goto("/hagby/")
    arrive(page)
    skip_to_content(page)

    tab_to(page, lambda info: info["href"] == "/hagby/dialoger/")
    press_through(page)
    search_for(page, "bänkar")
    tab_to(page, by_href(dialogue.get_absolute_url()))
    press_through(page)
    read_at_a_glance(page, dialogue)

    tab_to(page, by_href(f"/delta/{module.pk}/"))
    press_through(page)
    tab_to(page, by_text(sv("Log in to give your input")))
    press_through(page)
    log_in_by_keyboard(page, rut)
    assert page.url.endswith(f"/delta/{module.pk}/open_input/ny/")

    forget_the_title(page)
    correct_the_title_from_the_error_summary(page)
    check_and_send(page)

    item = Input.objects.get(author=rut)
    assert (item.title, item.text) == (TITLE, TEXT)
    assert item.reference in page.locator(".panel-confirmation").inner_text()
    receipt = next(message for message in mail.outbox if item.reference in message.subject)
    assert receipt.to == [rut.email]
    assert item.reference in receipt.body


def skip_to_content(page):
    """The first Tab reaches the skip link; Enter moves the focus to the main content."""
    page.keyboard.press("Tab")
    assert focused(page)["href"] == "#main"
    assert focused(page)["visible"]
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"


def search_for(page, words):
    tab_to(page, by_id("id_q"))
    page.keyboard.type(words)
    press_through(page)  # Enter in the search box sends the filter form
    assert page.input_value("#id_q") == words
    assert page.locator("#result-count").inner_text().startswith("1 ")
    assert page.locator(".card-list .card").count() == 1


def read_at_a_glance(page, dialogue):
    glance = page.locator(".at-a-glance").inner_text()
    assert dialogue.question in glance
    assert sv(dialogue.ladder.label) in glance
    assert sv("Open until %(end)s", end=sv_date(dialogue.ends_on)) in glance


def log_in_by_keyboard(page, user):
    tab_to(page, by_id("id_email"))
    page.keyboard.type(user.email)
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_password"
    page.keyboard.type("lösenord-för-test")
    press_through(page)


def forget_the_title(page):
    """Rut writes her text but no title: the error summary takes the focus and her text is kept."""
    tab_to(page, by_id("id_text"))
    page.keyboard.type(TEXT)
    tab_to(page, by_text(sv("Continue")))
    press_through(page)
    assert focused(page)["id"] == "error-summary"
    summary = page.locator("#error-summary")
    assert sv("There is a problem") in summary.inner_text()
    assert summary.locator("a[href='#id_title']").count() == 1
    assert page.input_value("#id_text") == TEXT
    assert page.locator("#id_title_error").is_visible()


def correct_the_title_from_the_error_summary(page):
    tab_to(page, by_href("#id_title"), limit=3)
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "id_title"
    page.keyboard.type(TITLE)
    tab_to(page, by_text(sv("Continue")))
    press_through(page)


def check_and_send(page):
    answers = page.locator(".summary-list").inner_text()
    assert TITLE in answers and TEXT in answers
    tab_to(page, by_text(sv("Send my input")))
    press_through(page)
    assert sv("We have received your input") in page.locator("h1").inner_text()
