"""Alva, the administrator, logs in with her password and the code from her authenticator app. Rolf, a registrar
logging in for the first time, is made to set up the app before anything else: he scans (here: reads) the key,
confirms it with a code, saves his recovery codes and only then reaches the staff workspace; later, without his
phone, he logs in with one of the recovery codes. The codes are computed from the known secrets with pyotp."""

import pyotp
import pytest

from delaktig.accounts.models import TwoFactor
from delaktig.accounts.tests.factories import UserFactory
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import MembershipFactory, MunicipalityFactory

from .support import PASSWORD, app_code_for, arrive, click_through, log_out, person, sv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def password_step(page, user, municipality):
    page.goto(f"/{municipality.slug}/personal/")  # a staff page: first the login page, with ?next=
    arrive(page)
    page.fill("#id_email", user.email)
    page.fill("#id_password", PASSWORD)
    click_through(page, page.locator("main form button.button"))


def test_alva_logs_in_with_her_password_and_the_code_from_her_app(page, live_server):
    hagby = MunicipalityFactory(name="Hagby kommun", slug="hagby")
    alva = person(hagby, Role.ADMINISTRATOR, name="Alva Administratör", email="alva@hagby.example")
    password_step(page, alva, hagby)
    assert "/konto/logga-in/kod/" in page.url
    assert page.locator("h1").inner_text() == sv("Write the code from your app")
    assert page.locator(".demo-aid").count() == 0  # no demo here: the page never shows the code

    page.fill("#id_code", "12")  # too short: said plainly, focus on the summary
    click_through(page, page.locator("main form button.button"))
    assert page.locator(".error-summary").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")

    secret = TwoFactor.objects.get(user=alva).secret
    page.fill("#id_code", pyotp.TOTP(secret).now())
    click_through(page, page.locator("main form button.button"))
    assert page.url.endswith(f"/{hagby.slug}/personal/")
    assert page.locator(".site-header__tools form[action*='logga-ut']").count() == 1


def test_rolf_sets_up_the_app_at_his_first_login_and_saves_his_recovery_codes(page, live_server):
    hagby = MunicipalityFactory(name="Hagby kommun", slug="hagby")
    rolf = UserFactory(name="Rolf Registrator", email="rolf@hagby.example", password=PASSWORD)
    MembershipFactory(user=rolf, municipality=hagby, role=Role.REGISTRAR)
    password_step(page, rolf, hagby)
    assert "/tvastegsverifiering/stall-in/" in page.url
    assert page.locator("h1").inner_text() == sv("Set up two-step verification")
    qr = page.locator("main img.qr-code")
    assert qr.evaluate("image => image.complete && image.naturalWidth > 0")  # the SVG QR code loaded

    page.goto(f"/{hagby.slug}/personal/")  # nothing else before the set-up: back to it
    arrive(page)
    assert "/tvastegsverifiering/stall-in/" in page.url or "/konto/logga-in/" in page.url

    if "/konto/logga-in/" in page.url:  # the pending login keeps him on the set-up
        page.goto("/konto/tvastegsverifiering/stall-in/")
        arrive(page)
    secret = page.locator("main .secret-key code").inner_text().replace(" ", "")
    page.fill("#id_code", pyotp.TOTP(secret).now())
    click_through(page, page.locator("main form button.button"))
    assert page.locator("h1").inner_text() == sv("Save your recovery codes")
    codes = page.locator("main .recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    click_through(page, page.get_by_role("button", name=sv("I have saved the codes")))
    assert page.url.endswith(f"/{hagby.slug}/personal/")

    log_out(page)
    password_step(page, rolf, hagby)
    click_through(page, page.get_by_role("link", name=sv("Log in with a recovery code instead")))
    page.fill("#id_code", codes[0])
    click_through(page, page.locator("main form button.button"))
    assert page.url.endswith(f"/{hagby.slug}/personal/")
    assert "9" in page.locator(".messages, [role=status], .notice").first.inner_text()


def test_a_second_login_within_the_same_half_minute_uses_the_next_code(page, live_server):
    hagby = MunicipalityFactory(name="Hagby kommun", slug="hagby")
    dan = person(hagby, Role.DEMOCRACY_OFFICER, name="Dan Demokratisson", email="dan@hagby.example")
    for _ in range(2):
        password_step(page, dan, hagby)
        page.fill("#id_code", app_code_for(dan))
        click_through(page, page.locator("main form button.button"))
        assert page.url.endswith(f"/{hagby.slug}/personal/")
        log_out(page)


def test_an_outside_tester_logs_in_as_the_demo_administrator_with_the_code_the_demo_shows(page, live_server, settings):
    from delaktig.demo import content
    from delaktig.demo.mail import BACKEND
    from delaktig.demo.tests.site import demo_loaded

    settings.EMAIL_BACKEND = BACKEND  # the demo runs (make run): its inbox, its banner, its aid
    with demo_loaded(committed=True):
        slug = content.MUNICIPALITIES[0]["slug"]
        page.goto(f"/{slug}/personal/")
        arrive(page)
        page.fill("#id_email", f"admin@{slug}.example")
        page.fill("#id_password", content.PASSWORD)
        click_through(page, page.locator("main form button.button"))
        aid = page.locator("main .demo-aid")
        assert sv("Demo aid: the code for this demo account") in aid.inner_text()
        page.fill("#id_code", aid.locator("code").inner_text())
        click_through(page, page.locator("main form button.button"))
        assert page.url.endswith(f"/{slug}/personal/")
