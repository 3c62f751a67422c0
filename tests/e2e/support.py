"""Small helpers the journeys share: people, texts as residents read them, moving around, keyboard checks."""

from django.conf import settings
from django.test import Client
from django.utils import translation

from delaktig.accounts.models import TwoFactor
from delaktig.accounts.services_twofactor import REQUIRED_ROLES, code_at, current_step
from delaktig.accounts.tests.factories import UserFactory
from delaktig.accounts.tests.helpers import app_on
from delaktig.organisations.tests.factories import MembershipFactory

PASSWORD = "lösenord-för-test"


def sv(msgid, **values):
    """The Swedish text a visitor reads for an English msgid or lazy text (English if translations are not compiled)."""
    with translation.override("sv"):
        text = translation.gettext(msgid) if isinstance(msgid, str) else str(msgid)
        return text % values if values else text


def sv_date(value):
    """A date as the pages show it in Swedish: "23 november 2026"."""
    from delaktig.core.templatetags.delaktig import human_date

    with translation.override("sv"):
        return human_date(value)


def person(municipality=None, *roles, name, email):
    """A person with a confirmed e-mail address, holding `roles` in `municipality`; with an authenticator app
    (APP_SECRET) when a role requires two-step verification, as every such person has after the first login."""
    user = UserFactory(name=name, email=email, password=PASSWORD)
    for role in roles:
        MembershipFactory(user=user, municipality=municipality, role=role)
    if set(roles) & REQUIRED_ROLES:
        app_on(user)
    return user


def app_code_for(user):
    """The code `user`'s app shows, or the next one when this one is used (a second login within 30 seconds)."""
    device = TwoFactor.objects.get(user=user, confirmed_at__isnull=False)
    step = current_step()
    if device.last_step is not None and device.last_step >= step:
        step = device.last_step + 1
    return code_at(device, step)


def arrive(page):
    """The page the browser has just loaded: check it with axe and give it back."""
    page.wait_for_load_state()
    page.axe.check(page)
    return page


def click_through(page, locator):
    """Click a link or button that loads a new page, then check the new page."""
    with page.expect_navigation():
        locator.click()
    return arrive(page)


def press_through(page, key="Enter"):
    """Press a key on the focused link or button, which loads a new page, then check the new page."""
    with page.expect_navigation():
        page.keyboard.press(key)
    return arrive(page)


def log_in(page, user, password=PASSWORD):
    """Log in through the login page, reached from the header link of the current page."""
    click_through(page, page.locator(".site-header__tools a[href*='/konto/logga-in/']"))
    page.fill("#id_email", user.email)
    page.fill("#id_password", password)
    click_through(page, page.locator("main form button.button"))
    if "/logga-in/kod/" in page.url:  # the second step: the code from the person's app
        page.fill("#id_code", app_code_for(user))
        click_through(page, page.locator("main form button.button"))
    return page


def logged_in(page, user):
    """Give the browser a session for `user`, as logging in does, without the login form: for journeys about what
    someone does once logged in. (The login form has journeys of its own, and the sweeps check its page.)
    The page the browser is on, if any, is loaded again, logged in, and checked."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": page.base_url}])
    if page.url != "about:blank":
        page.reload()
        arrive(page)
    return page


def log_out(page):
    return click_through(page, page.locator(".site-header__tools form[action*='logga-ut'] button"))


FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return {
        tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute("name") || "", value: el.value || "",
        href: el.getAttribute("href") || "", text: (el.innerText || "").trim(),
        visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
            && box.top < window.innerHeight && box.left < window.innerWidth,
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== "none",
    };
}"""


def focused(page):
    return page.evaluate(FOCUSED)


def tab_to(page, matches, *, limit=120, backwards=False):
    """Press Tab until the focused element matches; every element passed on the way must show its focus.

    `matches(info)` gets the dict from FOCUSED. Fails if the element cannot be reached by keyboard.
    """
    key = "Shift+Tab" if backwards else "Tab"
    seen = []
    for _ in range(limit):
        page.keyboard.press(key)
        info = focused(page)
        if info is None:
            continue
        assert info["visible"], f"Focused element is not visible on screen: {info}"
        assert info["outline"] or info["shadow"], f"Focused element shows no focus indicator: {info}"
        if matches(info):
            return info
        seen.append(info["text"] or info["id"] or info["href"])
    raise AssertionError(f"Not reachable by keyboard on {page.url}; focus went through {seen}")


def by_href(part):
    return lambda info: part in info["href"]


def by_id(element_id):
    return lambda info: info["id"] == element_id


def by_text(text):
    return lambda info: text in info["text"]
