"""Rut and Olle try the demo as `make run` runs it: web server, task worker and periodic jobs in their own
processes (`manage.py run_demo`) against the test database, e-mail kept in the demo inbox.

Rut signs an e-petition; the task worker mails the confirmation link to the demo inbox, which the banner on
every page leads to; she opens the e-mail, follows the link and confirms, and her signature counts. Olle, an
officer, orders a decision basis; the worker generates it and he downloads the PDF a few seconds later.
"""

import pytest
from django.urls import reverse

from delaktig.decisionbasis.tests.support import closed_dialogue
from delaktig.demo.mail import BACKEND
from delaktig.demo.models import DemoMail
from delaktig.demo.tests.running import DemoRun
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import MunicipalityFactory
from delaktig.proposals.models import Signature, SignatureStatus
from delaktig.proposals.selectors import signature_count
from delaktig.proposals.tests.factories import CategoryFactory, ProposalFactory, collecting

from .browser import new_page
from .support import arrive, click_through, log_in, person, sv

pytestmark = [pytest.mark.browser, pytest.mark.shared_db]

RUT = ("Rut Resident", "rut@example.se")


@pytest.fixture
def demo_run(shared_database_url, settings, tmp_path):
    """`make run` against the test database; what this process enqueues or mails goes the same way."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = BACKEND
    media = tmp_path / "media"
    media.mkdir()
    env = {"DELAKTIG_TEST_MEDIA_ROOT": str(media)}
    run = DemoRun(shared_database_url, settings_module="tests.e2e.subprocess_settings", env=env).start()
    try:
        run.wait_until_serving()
        yield run
    finally:
        assert run.stop() == 0, run.output()[-4000:]


@pytest.fixture
def demo_page(browser, demo_run, request):
    return new_page(browser, demo_run, request)


@pytest.fixture
def hagby(demo_run):
    return MunicipalityFactory(name="Hagby kommun", slug="hagby")


def test_rut_confirms_her_signature_through_the_demo_inbox(demo_page, demo_run, hagby):
    page = demo_page
    proposal = collecting(ProposalFactory(municipality=hagby, category=CategoryFactory(municipality=hagby)))
    page.goto(proposal.get_absolute_url())
    arrive(page)
    click_through(page, page.locator("main .at-a-glance a.button", has_text=sv("Sign the proposal")))
    page.fill("#id_name", RUT[0])
    page.fill("#id_email", RUT[1])
    click_through(page, page.locator("main form button.button", has_text=sv("Sign the proposal")))
    assert page.locator("main .panel-confirmation h1").inner_text() == sv("Check your e-mail")

    click_through(page, page.locator(".site-notice a", has_text=sv("Open the demo inbox")))
    assert "demoinkorgen" in page.inner_text(".site-notice")
    subject = sv("Confirm your signature")
    demo_run.wait_for(
        lambda: DemoMail.objects.filter(to__icontains=RUT[1], subject=subject).exists(),
        timeout=30,
        what="the task worker to mail the confirmation link",
    )
    page.fill("#till", RUT[1])
    click_through(page, page.locator("main form button.button", has_text=sv("Search")))
    click_through(page, page.locator("main table a", has_text=subject))
    link = page.locator("main .demo-mail__body a[href*='/bekrafta/']")
    assert link.get_attribute("href").startswith(demo_run.url + "/")  # SITE_URL follows the port make run serves on
    click_through(page, link)
    assert page.locator("main h1").inner_text() == sv("Confirm your signature")
    click_through(page, page.locator("main form button.button", has_text=sv("Confirm my signature")))
    assert page.locator("main .panel-confirmation h1").inner_text() == sv("Thank you for signing")

    assert Signature.objects.get(proposal=proposal, email=RUT[1]).status == SignatureStatus.VALID
    assert signature_count(proposal) == 1


def test_olle_orders_a_decision_basis_and_downloads_it(demo_page, demo_run, hagby):
    page = demo_page
    olle = person(hagby, Role.OFFICER, name="Olle Officer", email="olle@hagby.example")
    dialogue = closed_dialogue(hagby)
    page.goto(f"/{hagby.slug}/")
    arrive(page)
    log_in(page, olle)
    page.goto(reverse("decisionbasis:generate", args=[hagby.slug, dialogue.pk]))
    arrive(page)
    page.fill("#id_proposed_decision", "Fler bänkar byggs i parken.\nFörvaltningen återkopplar till deltagarna.")
    page.fill("#id_assessment", "Förslagen om fler bänkar bör ingå i budgeten för nästa år.")
    with page.expect_navigation():
        page.locator("main form button.button", has_text=sv("Generate")).click()
    # The progress page updates itself while the worker generates; Olle stops that (as a screen-reader user
    # may) and updates the page himself until the decision basis is ready.
    ready = page.locator("main [role=status]", has_text=sv("The decision basis is ready. Download it as PDF or Word:"))
    auto = page.locator("#auto-refresh")
    if auto.count():
        auto.uncheck()
        arrive(page)
    for _attempt in range(60):
        if ready.count():
            break
        click_through(page, page.locator("main .auto-refresh a", has_text=sv("Update the page")))
        page.wait_for_timeout(1000)
    ready.wait_for(timeout=5_000)
    arrive(page)
    with page.expect_download() as download:
        page.locator("main .downloads a", has_text="pdf").click()
    path = download.value.path()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(path, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    # Olle sends the version to the board; from then on it is a public document on the dialogue's page.
    click_through(page, page.locator("main a.button", has_text=sv("Send to the board")))
    click_through(page, page.locator("main form button.button", has_text=sv("Yes, send to the board")))
    page.goto(dialogue.get_absolute_url())
    arrive(page)
    assert page.locator("#decision-basis a", has_text="PDF").count() == 1
