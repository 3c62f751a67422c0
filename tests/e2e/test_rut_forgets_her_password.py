"""Rut forgot her password: she asks for a link from the login page, chooses a new password, and on My pages
she moves her account to a new e-mail address and asks again for the link of a signature she never confirmed.
Every page keeps the municipality's header and menu."""

import re

import pytest
from django.core import mail
from django.utils import timezone

from delaktig.organisations.tests.factories import MunicipalityFactory
from delaktig.proposals.models import SignatureStatus
from delaktig.proposals.tests.factories import ProposalFactory, SignatureFactory, collecting

from .support import PASSWORD, arrive, click_through, person, sv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "tre ord i rad 2026"


def link_in(message):
    path = re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)
    return path


def in_header(page, municipality):
    assert page.locator(".site-header__brand").inner_text().startswith(municipality.name)
    assert page.locator("nav.main-nav").count() == 1


def test_rut_forgets_her_password_and_changes_her_address(page, live_server, settings):
    settings.SITE_URL = live_server.url
    hagby = MunicipalityFactory(name="Hagby kommun", slug="hagby")
    rut = person(name="Rut Resident", email="rut@example.se")
    proposal = collecting(ProposalFactory(municipality=hagby, title="Fler bänkar vid sjön"))
    SignatureFactory(
        proposal=proposal,
        signer_key=rut.email,
        status=SignatureStatus.PENDING,
        confirmed_at=None,
        confirmation_mailed_at=timezone.now(),
    )

    page.goto(f"/{hagby.slug}/")
    arrive(page)
    click_through(page, page.locator(".site-header__tools a[href*='/konto/logga-in/']"))
    in_header(page, hagby)
    click_through(page, page.get_by_role("link", name=sv("Forgot your password?")))
    in_header(page, hagby)

    click_through(page, page.get_by_role("button", name=sv("Send the link")))  # empty: the error summary
    assert page.locator(".error-summary").is_visible()
    page.fill("#id_email", "rut@example.se")
    click_through(page, page.get_by_role("button", name=sv("Send the link")))
    in_header(page, hagby)
    assert "rut@example.se" in page.locator("main").inner_text()

    page.goto(link_in(mail.outbox[-1]))
    arrive(page)
    page.screenshot(path="/tmp/acc-msgs/reset-form.png", full_page=True)
    page.fill("#id_new_password1", NEW_PASSWORD)
    page.fill("#id_new_password2", NEW_PASSWORD)
    click_through(page, page.get_by_role("button", name=sv("Save the new password")))
    in_header(page, hagby)
    assert sv("Your new password is saved and you are logged in.") in page.locator(".messages").inner_text()
    assert "Fler bänkar vid sjön" in page.locator("main").inner_text()
    page.screenshot(path="/tmp/acc-msgs/my-pages.png", full_page=True)

    click_through(page, page.get_by_role("button", name=re.compile(sv("Send the confirmation link again"))))
    assert "rut@example.se" in page.locator(".messages").inner_text()
    assert mail.outbox[-1].subject == "Bekräfta din underskrift"

    click_through(page, page.locator("main a[href$='/konto/mina-sidor/e-post/']"))
    in_header(page, hagby)
    page.fill("#id_email", "rut.ny@example.se")
    page.fill("#id_current_password", NEW_PASSWORD)
    click_through(page, page.get_by_role("button", name=sv("Send a link to the new address")))
    in_header(page, hagby)

    page.goto(link_in(mail.outbox[-1]))
    arrive(page)
    click_through(page, page.get_by_role("button", name=sv("Use the new address")))
    in_header(page, hagby)
    assert "rut.ny@example.se" in page.locator("main").inner_text()
    assert [m.to for m in mail.outbox[-2:]] == [["rut@example.se"], ["rut.ny@example.se"]]
    rut.refresh_from_db()
    assert rut.email == "rut.ny@example.se" and not rut.check_password(PASSWORD)
