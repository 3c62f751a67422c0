"""Browser journeys: Playwright driving Debian's Chromium, with axe-core on every page visited.

A pytest plugin (the root conftest.py loads it), so that journeys anywhere, such as a method's own under
delaktig/methods/<key>/tests/e2e/, share one browser per test process.

Every page the browser lands on must be checked with `page.axe.check(page)` (the helpers in
support.py do it); a journey that passes but left a page unchecked fails at teardown.
"""

import os
from urllib.parse import urldefrag

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


def _page_url(url):
    return urldefrag(url).url


class AxeChecker:
    def __init__(self):
        from axe_playwright_python.sync_playwright import Axe

        self.axe = Axe()
        self.checked = []
        self.visited = []

    def check(self, page):
        results = self.axe.run(page)
        serious = [v for v in results.response["violations"] if v.get("impact") in SERIOUS]
        self.checked.append(_page_url(page.url))
        details = "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}" for v in serious
        )
        assert not serious, f"Accessibility violations on {page.url}:\n{details}"

    def unchecked(self):
        return sorted({url for url in self.visited if url not in self.checked and url != "about:blank"})


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def new_page(browser, live_server, request):
    """A fresh browser context (own cookies) on the live server; its pages are tracked for axe."""
    context = browser.new_context(base_url=live_server.url, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.base_url = live_server.url
    page.axe = AxeChecker()

    def navigated(frame):
        if frame == page.main_frame:
            page.axe.visited.append(_page_url(frame.url))

    page.on("framenavigated", navigated)
    request.addfinalizer(lambda: _close(context, page, request))
    return page


def _close(context, page, request):
    unchecked = page.axe.unchecked()
    context.close()
    report = getattr(request.node, "report_call", None)
    if report is not None and report.passed:
        assert not unchecked, f"Pages visited but not checked with axe: {unchecked}"


@pytest.fixture
def page(browser, live_server, request):
    return new_page(browser, live_server, request)


@pytest.fixture
def second_page(browser, live_server, request):
    """Another person's browser, for journeys with two people at once."""
    return new_page(browser, live_server, request)


@pytest.fixture
def visit(page):
    """Go to a path and check it with axe."""

    def go(path):
        page.goto(path)
        page.axe.check(page)
        return page

    return go
