"""An axe sweep over the demo municipality: every kind of public page, once in English, and the staff pages.

Each public page also has a language, a skip link, the landmarks, and a visible focus outline.
"""

import pytest
from django.urls import reverse

from delaktig.dialogues.models import PUBLIC_STATES, Dialogue, State
from delaktig.foundation.models import ToolboxMethod
from delaktig.organisations.tests.factories import MunicipalityFactory
from delaktig.participation.models import Module

from .support import arrive, by_href, click_through, focused, logged_in, person, sv, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

M = "hagfors"


@pytest.fixture
def demo():
    from delaktig.demo.tests.site import demo_loaded

    with demo_loaded(committed=True):
        yield Dialogue.objects.filter(municipality__slug=M)


def url(name, *args):
    return reverse(name, args=[M, *args])


def one_per_public_state(demo):
    chosen = {}
    for dialogue in demo.filter(state__in=PUBLIC_STATES).order_by("pk"):
        chosen.setdefault(dialogue.state, dialogue)
    assert set(chosen) == set(PUBLIC_STATES), "the demo data should have a dialogue in every public state"
    return chosen.values()


def public_paths(demo):
    module = Module.objects.filter(dialogue__municipality__slug=M).order_by("pk").first()
    easy_read = demo.exclude(easy_read_summary="").filter(state__in=PUBLIC_STATES).first()
    method = ToolboxMethod.objects.filter(municipality__slug=M).order_by("pk").first()
    return [
        url("core:home"),
        url("dialogues:list") + "?state=finished&ladder_level=consultation",
        *(dialogue.get_absolute_url() for dialogue in one_per_public_state(demo)),
        url("dialogues:easy_read", easy_read.pk, easy_read.slug),
        url("core:easy_read"),
        url("foundation:principles"),
        url("foundation:toolbox"),
        url("foundation:toolbox_method", method.slug),
        url("core:accessibility"),
        url("core:privacy"),
        reverse("accounts:login"),
        reverse("accounts:register"),
        module.get_absolute_url(),  # a way to take part; each method's own journeys check its other pages
    ]


def test_public_pages_are_accessible(page, demo):
    for path in public_paths(demo):
        response = page.goto(path)
        assert response.status == 200, path
        arrive(page)
        has_language_and_landmarks(page, "sv")

    response = page.goto(f"/{M}/dialoger/999999/finns-inte/")
    assert response.status == 404
    arrive(page)
    has_language_and_landmarks(page, "sv")


def has_language_and_landmarks(page, language):
    assert page.locator("html").get_attribute("lang") == language, page.url
    for landmark in ("banner", "navigation", "main", "contentinfo"):
        assert page.get_by_role(landmark).count() >= 1, f"{landmark} missing on {page.url}"
    assert page.locator("main#main").count() == 1
    assert page.locator("h1").count() == 1, f"one main heading on {page.url}"
    assert page.locator("a.skip-link[href='#main']").count() == 1


def test_skip_link_focus_outline_and_english(page, demo):
    page.goto(url("core:home"))
    arrive(page)
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["href"] == "#main" and skip["visible"] and skip["outline"]
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"
    link = tab_to(page, by_href("/dialoger/"))
    assert link["outline"], "a focused link shows an outline"

    click_through(page, page.locator(".site-header__tools button[name=language][value=en]"))
    has_language_and_landmarks(page, "en")
    assert page.locator("h1").inner_text() == "Have your say in Hagfors kommun"
    open_dialogue = demo.filter(state=State.OPEN, kind="citizen_dialogue").first()
    click_through(page, page.locator("main").get_by_role("link", name=open_dialogue.title).first)
    has_language_and_landmarks(page, "en")
    assert page.locator("#glance-title").inner_text() == "In short"


def staff_paths(demo, user):
    open_dialogue = demo.get(title="Framtidens Hagforsbadet")
    modules = open_dialogue.modules.all()
    decided = demo.filter(state=State.DECIDED).first()
    return [
        url("dialogues:staff_dashboard"),
        url("dialogues:staff_list"),
        open_dialogue.get_staff_url(),
        demo.filter(state=State.FEEDBACK_PUBLISHED).first().get_staff_url(),
        url("dialogues:staff_plan", decided.pk),
        url("dialogues:staff_audit", open_dialogue.pk),
        url("dialogues:council_overview_current"),
        url("participation:moderation"),
        *(url for module in modules for url, _title in module.manifest.staff_pages(module, user)),  # ways to take part
        url("foundation:handbook"),
    ]


ADMIN_PATHS = ["organisations:settings", "organisations:checklist", "organisations:organisation"]


def test_staff_pages_are_accessible(page, demo):
    from delaktig.accounts.models import User

    democracy_officer = User.objects.get(email=f"demokrati@{M}.example")
    logged_in(page, democracy_officer)
    for path in staff_paths(demo, democracy_officer):
        response = page.goto(path)
        assert response.status == 200, path
        arrive(page)
        has_language_and_landmarks(page, "sv")

    logged_in(page, User.objects.get(email=f"admin@{M}.example"))
    for name in ADMIN_PATHS:
        response = page.goto(url(name))
        assert response.status == 200, name
        arrive(page)
    assert sv("Log out") in page.locator(".site-header__tools").inner_text()


def test_a_resident_sees_no_staff_page(page):
    """Someone without a role in the municipality gets the ordinary 'page not found'."""
    MunicipalityFactory(name="Hagfors kommun", slug=M)
    resident = person(name="Rut Resident", email="rut@example.se")
    logged_in(page, resident)
    response = page.goto(url("dialogues:staff_dashboard"))
    assert response.status == 404
    arrive(page)
    assert sv("Log out") in page.locator(".site-header__tools").inner_text()  # logged in, and still not found
