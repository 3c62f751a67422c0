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
    click_through(page, page.locator("main form button.button"))
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert refused == []
