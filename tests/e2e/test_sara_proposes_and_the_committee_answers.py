"""Sara writes an e-petition; Mona publishes it; three neighbours sign and confirm by e-mail; the committee answers.

Sara checks her text (with the warning about personal data), sends it and gets a receipt with the
registration number. Mona the moderator publishes it for signing. Three residents, not logged in,
sign and confirm through the link in their e-mail; the third makes the threshold, and the proposal
becomes one case for the culture committee. Otto, an officer there, receives it, prepares it, records
the decision and sends the answer. Every signer gets it, and one of them reads it on the proposal page.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from delaktig.organisations.models import Body, Membership, Role
from delaktig.organisations.tests.factories import MunicipalityFactory
from delaktig.proposals.models import Proposal, ProposalCase, Status
from delaktig.proposals.selectors import settings_for
from delaktig.proposals.tests.factories import CategoryFactory

from .support import arrive, click_through, log_in, log_out, logged_in, person, sv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Öppna fritidsgården i Hagby på lördagar"
TEXT = "Unga i Hagby har ingenstans att vara på helgen. Håll fritidsgården öppen på lördagar."
DECISION = "Kultur- och fritidsnämnden beslutar att hålla fritidsgården öppen på lördagar från hösten."
SIGNERS = [
    ("Ali Andersson", "ali@example.se"),
    ("Bea Berg", "bea@example.se"),
    ("Cissi Carlsson", "cissi@example.se"),
]


@pytest.fixture
def hagby():
    cache.clear()  # rate limits and cached counts live in the cache, shared by every test in the process
    hagby = MunicipalityFactory(name="Hagby kommun", slug="hagby")
    rules = settings_for(hagby)
    rules.threshold_number = 3
    rules.save()
    return hagby


@pytest.fixture
def committee(hagby):
    return Body.objects.get(municipality=hagby, kind=Body.Kind.COMMITTEE)


@pytest.fixture
def leisure(hagby, committee):
    return CategoryFactory(municipality=hagby, name="Kultur och fritid", responsible_body=committee)


@pytest.fixture
def sara():
    return person(name="Sara Svensson", email="sara@example.se")


@pytest.fixture
def mona(hagby):
    return person(hagby, Role.MODERATOR, name="Mona Moderator", email="mona@hagby.example")


@pytest.fixture
def otto(hagby, committee):
    otto = person(name="Otto Officer", email="otto@hagby.example")
    Membership.objects.create(user=otto, municipality=hagby, role=Role.OFFICER, body=committee)
    return otto


def test_sara_proposes_and_the_committee_answers(page, second_page, hagby, leisure, committee, sara, mona, otto):
    proposal = sara_writes_and_sends(page, sara, leisure)
    log_out(page)
    mona_publishes(page, mona, proposal)
    log_out(page)

    for name, email in SIGNERS:
        sign_and_confirm(second_page, proposal, name, email)
    assert ProposalCase.objects.filter(proposal__municipality=hagby).count() == 1
    case = ProposalCase.objects.get(proposal=proposal)
    assert case.body == committee and case.registration_number
    enough = sv("“%(title)s” has enough signatures", title=proposal.title)
    told = sorted(email for m in mail.outbox if m.subject == enough for email in m.to)
    assert told == sorted([sara.email, *(email for _name, email in SIGNERS)])
    second_page.goto(proposal.get_absolute_url())
    arrive(second_page)
    assert status_on(second_page) == sv(Status.THRESHOLD_REACHED.label)
    assert sv("The proposal has enough signatures.") in second_page.inner_text(".at-a-glance")

    otto_answers(page, otto, proposal, committee)
    proposal.refresh_from_db()
    assert proposal.status == Status.DECIDED
    for name, email in SIGNERS:
        assert answer_mail_to(email, proposal) is not None, f"{name} got no answer"
    assert answer_mail_to(sara.email, proposal) is not None
    ali_reads_the_answer(second_page, proposal)


def status_on(page):
    return page.locator("main p .tag").first.inner_text()


def sara_writes_and_sends(page, sara, leisure):
    page.goto("/hagby/forslag/")
    arrive(page)
    log_in(page, sara)
    assert urlsplit(page.url).path == "/hagby/forslag/"
    click_through(page, page.locator("main a.button", has_text=sv("Write an e-petition")))
    page.fill("#id_title", TITLE)
    page.fill("#id_text", TEXT)
    page.select_option("#id_category", label=leisure.name)
    assert page.input_value("#id_proposer_name") == sara.name
    click_through(page, page.locator("main form button.button", has_text=sv("Continue")))

    warning = page.locator("main .notice--warning").inner_text()
    assert sv("Do not write personal data about others.") in warning
    assert TITLE in page.inner_text("main .summary-list") and TEXT in page.inner_text("main .summary-list")
    click_through(page, page.locator("main form button.button", has_text=sv("Send the proposal")))

    proposal = Proposal.objects.get(proposer=sara)
    assert proposal.registration_number and proposal.status == Status.SUBMITTED
    assert page.locator("main .panel-confirmation h1").inner_text() == sv("We have received your proposal")
    assert proposal.registration_number in page.inner_text("main .panel-confirmation")
    receipts = [m for m in mail.outbox if m.to == [sara.email] and proposal.registration_number in m.subject]
    assert len(receipts) == 1, [m.subject for m in mail.outbox]
    assert proposal.registration_number in receipts[0].body
    return proposal


def mona_publishes(page, mona, proposal):
    logged_in(page, mona)
    click_through(page, page.get_by_role("link", name=sv("Staff workspace")))
    click_through(page, page.locator(".staff-nav a", has_text=sv("Proposals")).first)
    click_through(page, page.locator("main a.button", has_text=sv("Moderate new proposals")))
    card = page.locator("main article.card", has_text=proposal.title)
    click_through(page, card.locator("button", has_text=sv("Start the review")))
    card = page.locator("main article.card", has_text=proposal.title)
    click_through(page, card.locator("button", has_text=sv("Publish for signing")))
    proposal.refresh_from_db()
    assert proposal.status == Status.COLLECTING and proposal.threshold == 3


def sign_and_confirm(page, proposal, name, email):
    page.goto(proposal.get_absolute_url())
    arrive(page)
    click_through(page, page.locator("main .at-a-glance a.button", has_text=sv("Sign the proposal")))
    page.fill("#id_name", name)
    page.fill("#id_email", email)
    click_through(page, page.locator("main form button.button", has_text=sv("Sign the proposal")))
    assert page.locator("main .panel-confirmation h1").inner_text() == sv("Check your e-mail")

    message = next(m for m in reversed(mail.outbox) if m.to == [email] and m.subject == sv("Confirm your signature"))
    link = next(url for url in re.findall(r"https?://\S+", message.body) if "/bekrafta/" in url)
    page.goto(urlsplit(link).path)
    arrive(page)
    assert page.locator("main h1").inner_text() == sv("Confirm your signature")
    click_through(page, page.locator("main form button.button", has_text=sv("Confirm my signature")))
    assert page.locator("main .panel-confirmation h1").inner_text() == sv("Thank you for signing")


def otto_answers(page, otto, proposal, committee):
    logged_in(page, otto)
    page.goto("/hagby/")
    arrive(page)
    click_through(page, page.get_by_role("link", name=sv("Staff workspace")))
    click_through(page, page.locator(".staff-nav a", has_text=sv("Proposals")).first)
    click_through(page, page.locator("main table a", has_text=proposal.title))
    assert status_on_staff(page) == sv(Status.THRESHOLD_REACHED.label)

    click_through(page, page.locator(".at-a-glance form button"))  # received by the body
    assert status_on_staff(page) == sv(Status.RECEIVED.label)
    click_through(page, page.locator(".at-a-glance form button"))  # start preparing
    assert status_on_staff(page) == sv(Status.IN_PREPARATION.label)

    click_through(page, page.locator(".at-a-glance a.button"))  # record the decision
    page.select_option("#id_decision_body", label=committee.name)
    page.fill("#id_decision_date", timezone.localdate().isoformat())  # not before the proposal was sent in
    page.fill("#id_decision_minute_item", "§ 12")
    page.fill("#id_decision_text", DECISION)
    click_through(page, page.locator("main form button.button", has_text=sv("Record the decision")))

    assert page.locator("main h1").inner_text() == sv("Send the answer")
    assert DECISION in page.inner_text("main .summary-list")
    click_through(page, page.locator("main form button.button", has_text=sv("Send the answer")))
    assert "/personal/utskick/" in page.url
    progress = page.locator("#mailing-progress")
    assert progress.get_attribute("value") == progress.get_attribute("max") == str(len(SIGNERS) + 1)
    assert page.locator(".at-a-glance [role=status]").inner_text() == sv("Everyone has been sent the e-mail.")


def status_on_staff(page):
    return page.locator("main p.meta .tag").first.inner_text()


def answer_mail_to(email, proposal):
    subject = sv("Answer to the proposal “%(title)s”", title=proposal.title)
    return next((m for m in mail.outbox if m.to == [email] and m.subject == subject), None)


def ali_reads_the_answer(page, proposal):
    message = answer_mail_to(SIGNERS[0][1], proposal)
    assert DECISION in message.body
    link = next(url for url in re.findall(r"https?://\S+", message.body) if proposal.get_absolute_url() in url)
    page.goto(urlsplit(link).path)
    arrive(page)
    assert status_on(page) == sv(Status.DECIDED.label)
    answer = page.locator("#answer-title").locator("..")
    assert page.locator("#answer-title").inner_text() == sv("The answer")
    assert DECISION in answer.inner_text() and "§ 12" in answer.inner_text()
