"""Browser journeys: Playwright driving Debian's Chromium, with axe-core on every page visited."""

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SERIOUS = {"serious", "critical"}


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run `make test`, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
        )
        yield browser
        browser.close()


class AxeChecker:
    def __init__(self):
        from axe_playwright_python.sync_playwright import Axe

        self.axe = Axe()
        self.checked = []

    def check(self, page):
        results = self.axe.run(page)
        serious = [v for v in results.response["violations"] if v.get("impact") in SERIOUS]
        self.checked.append(page.url)
        details = "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}" for v in serious
        )
        assert not serious, f"Accessibility violations on {page.url}:\n{details}"


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(10_000)
    axe = AxeChecker()
    page.axe = axe
    yield page
    context.close()


@pytest.fixture
def visit(page):
    """Go to a path and check it with axe."""

    def go(path):
        page.goto(path)
        page.axe.check(page)
        return page

    return go
