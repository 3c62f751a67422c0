"""Ines's browser enforces the Content-Security-Policy and refuses nothing: no page relies on inline script or style.

The script file still runs: the error summary of a form sent empty gets the focus.
"""

import pytest

from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state

from .support import arrive, click_through

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_ines_browser_refuses_nothing_on_the_pages_she_visits(page, live_server, municipality):
    dialogue = dialogue_in_state(State.OPEN, municipality=municipality, title="Nya lekplatser")
    refused = []
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    response = page.goto(f"/{municipality.slug}/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    arrive(page)
    page.goto(dialogue.get_absolute_url())
    arrive(page)
    page.goto("/konto/logga-in/")
    arrive(page)
    page.get_by_label("Visa lösenordet").check()  # the script adds it (OWASP ASVS 2.1.12)
    assert page.locator("input[name=password]").get_attribute("type") == "text"
    page.get_by_label("Visa lösenordet").uncheck()
    assert page.locator("input[name=password]").get_attribute("type") == "password"
    click_through(page, page.locator("main form button.button"))
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert refused == []


def test_ines_browser_refuses_nothing_on_a_map_and_a_budget(page, live_server):
    """The demo's map dialogue (Leaflet draws its map, markers and tiles from static files and data: images) and
    its participatory budget (the running total is recounted by script) run under the policy."""
    from delaktig.demo import content
    from delaktig.demo.tests.site import demo_loaded
    from delaktig.participation.models import Module

    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security" in message.text else None)
    with demo_loaded(committed=True):
        slug = content.MUNICIPALITIES[0]["slug"]
        modules = Module.objects.filter(dialogue__municipality__slug=slug)
        map_module = modules.filter(method="map_input", dialogue__title="Cykelvägar till Uddeholm").first()
        budget = modules.filter(method="budgeting", dialogue__title__startswith="Medborgarbudget 2027").first()
        for module in (map_module, budget):
            response = page.goto(module.get_absolute_url())
            assert response.status == 200 and "frame-ancestors 'none'" in response.headers["content-security-policy"]
            arrive(page)
            page.wait_for_load_state("networkidle")
            if module == map_module:  # the script ran: Leaflet drew the map
                assert page.locator(".leaflet-container").count() >= 1
    assert refused == []
