"""Tove joins the citizen panel on her phone (375 px wide): she reads how her data is handled, sends the form
once without ticking the consent (the error summary says so, and keeps what she typed), signs up, confirms by the
link in her e-mail, gets her member number on the receipt and by e-mail, looks at her data, and later leaves the
panel by the link at the bottom of the e-mail, without logging in. Every page is checked with axe and fits the
screen."""

import re

import pytest
from django.core import mail
from django.core.cache import cache

from delaktig.organisations.models import Area
from delaktig.organisations.tests.factories import MunicipalityFactory
from delaktig.panel.models import PanelMember, PanelSettings, Status

from .support import arrive, click_through, sv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


def link_in(message, part):
    return re.search(rf"https?://[^/\s]+(/\S*{part}\S*)", message.body).group(1)


def fits(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide on a 375 px screen"


def test_tove_joins_the_citizen_panel_on_her_phone_and_leaves_it_later(page, live_server, settings):
    settings.SITE_URL = live_server.url
    cache.clear()
    hagby = MunicipalityFactory(name="Hagby kommun", slug="hagby")
    PanelSettings.objects.create(municipality=hagby, signup_open=True)
    Area.objects.create(municipality=hagby, name="Ekshärad", order=1)
    Area.objects.create(municipality=hagby, name="Centrum", order=2)
    page.set_viewport_size(PHONE)

    page.goto(f"/{hagby.slug}/medborgarpanel/")
    arrive(page)
    fits(page)
    assert "Så hanterar vi dina uppgifter" in page.locator("main").inner_text()
    page.fill("#id_name", "Tove Testsson")
    page.fill("#id_email", "tove@example.se")
    page.get_by_label("18–29 år").check()
    page.get_by_label("Kvinna").check()
    page.get_by_label("Ekshärad").check()
    click_through(page, page.get_by_role("button", name="Skicka min anmälan"))  # no consent ticked
    assert page.locator(".error-summary").is_visible()
    assert "Kryssa i rutan" in page.locator(".error-summary").inner_text()
    assert page.input_value("#id_name") == "Tove Testsson"
    fits(page)

    page.get_by_label(re.compile("Jag har läst hur kommunen hanterar mina uppgifter")).check()
    click_through(page, page.get_by_role("button", name="Skicka min anmälan"))
    assert sv("Check your e-mail") in page.locator("h1").inner_text()
    fits(page)

    confirmation = mail.outbox[-1]
    assert confirmation.to == ["tove@example.se"] and "/medborgarpanel/lamna/" in confirmation.body
    page.goto(link_in(confirmation, "/bekrafta/"))
    arrive(page)
    fits(page)
    click_through(page, page.get_by_role("button", name="Bekräfta"))
    member = PanelMember.objects.get(email="tove@example.se")
    assert member.status == Status.ACTIVE
    assert member.reference in page.locator(".panel-confirmation").inner_text()
    fits(page)
    welcome = mail.outbox[-1]
    assert member.reference in welcome.subject

    click_through(page, page.get_by_role("link", name="Se dina uppgifter, pausa eller lämna"))
    main = page.locator("main").inner_text()
    assert "tove@example.se" in main and "Ekshärad" in main
    fits(page)

    page.goto(link_in(welcome, "/lamna/"))  # later, from the bottom of the e-mail, without logging in
    arrive(page)
    fits(page)
    click_through(page, page.get_by_role("button", name="Lämna panelen"))
    assert "inte längre med" in page.locator("h1").inner_text()
    member.refresh_from_db()
    assert member.status == Status.LEFT and member.email == ""


def test_dan_sees_whom_to_recruit_and_draws_a_sample(page, live_server):
    """The democracy officer's pages with the chart and the sample's composition pass axe too."""
    from delaktig.organisations.models import Role
    from delaktig.panel.tests.factories import panel_of
    from delaktig.participation.tests.population_support import even_population

    from .support import logged_in, person

    cache.clear()
    hagby = MunicipalityFactory(name="Hagby kommun", slug="hagby")
    even_population(hagby)
    panel_of(hagby, 60)
    dan = person(hagby, Role.DEMOCRACY_OFFICER, name="Dan Demokratisson", email="dan@example.se")
    logged_in(page, dan)
    page.goto(f"/{hagby.slug}/personal/medborgarpanel/sammansattning/")
    arrive(page)
    assert page.locator("svg.bar-chart").count() == 1 and page.locator("table").count() == 1
    click_through(page, page.get_by_role("link", name="Urval", exact=True))
    click_through(page, page.get_by_role("link", name="Dra ett urval").first)
    page.fill("#id_purpose", "Enkät om badhuset")
    page.fill("#id_size", "30")
    click_through(page, page.get_by_role("button", name="Visa urvalet"))
    assert "Kvot och dragna per grupp" in page.locator("main").inner_text()
    click_through(page, page.get_by_role("button", name="Spara urvalet"))
    assert "UR-" in page.locator("h1").inner_text()
