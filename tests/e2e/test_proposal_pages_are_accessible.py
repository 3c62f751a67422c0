"""An axe sweep over the proposal pages: the public list and proposals in each state, writing, signing,
the feed, and the staff workspace for proposals as a democracy officer who is also the administrator.
"""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from delaktig.organisations.models import Body, Role
from delaktig.organisations.tests.factories import DecisionFactory, MunicipalityFactory
from delaktig.participation.models import ModerationStatus
from delaktig.proposals.handling import _staff_services as services_staff
from delaktig.proposals.handling import _writing as services_proposer
from delaktig.proposals.models import Status
from delaktig.proposals.selectors import settings_for
from delaktig.proposals.tests.factories import CategoryFactory, ProposalCaseFactory, ProposalFactory, SignatureFactory
from delaktig.proposals.tests.factories import collecting as make_collecting

from .support import arrive, click_through, log_in, log_out, logged_in, person, sv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

M = "hagby"


def url(name, *args):
    return reverse(name, args=[M, *args])


@pytest.fixture
def hagby():
    cache.clear()  # rate limits and cached counts live in the cache, shared by every test in the process
    hagby = MunicipalityFactory(name="Hagby kommun", slug=M)
    rules = settings_for(hagby)
    rules.threshold_number = 3
    rules.signing_period_choices = [30, 90]
    rules.save()
    return hagby


@pytest.fixture
def sara():
    return person(name="Sara Svensson", email="sara@example.se")


@pytest.fixture
def dora(hagby):
    return person(hagby, Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR, name="Dora Demokrati", email="dora@hagby.example")


@pytest.fixture
def proposals(hagby, sara, dora):
    committee = Body.objects.get(municipality=hagby, kind=Body.Kind.COMMITTEE)
    leisure = CategoryFactory(municipality=hagby, name="Kultur och fritid", responsible_body=committee)
    CategoryFactory(municipality=hagby, name="Nationella minoriteter", skips_threshold=True)
    common = {"municipality": hagby, "category": leisure}
    found = {
        "collecting": make_collecting(ProposalFactory(title="Öppna fritidsgården på lördagar", **common)),
        "decided": decided(ProposalFactory(title="Fler bänkar i Stadsparken", **common), committee, dora),
        "closed": ProposalFactory(
            title="Konstgräs på Hagby IP",
            status=Status.CLOSED_BELOW_THRESHOLD,
            threshold=3,
            signing_starts_at=timezone.now() - datetime.timedelta(days=100),
            signing_ends_at=timezone.now() - datetime.timedelta(days=10),
            **common,
        ),
        "preparing": ProposalFactory(title="Längre öppettider på biblioteket", status=Status.IN_PREPARATION, **common),
        "submitted": ProposalFactory(title="Öppna fritidsgården på söndagar", proposer=sara, **common),
    }
    SignatureFactory(proposal=found["collecting"], name="Ali Andersson", show_name=True)
    SignatureFactory(proposal=found["collecting"])
    SignatureFactory(proposal=found["closed"])
    comment = services_proposer.proposal_comment(proposal=found["collecting"], author=sara, text="Bra förslag!")
    comment.status = ModerationStatus.PUBLISHED
    comment.save()
    services_proposer.proposal_comment(proposal=found["collecting"], author=sara, text="Jag håller med.")
    return found


def decided(proposal, committee, dora):
    proposal.status = Status.DECIDED
    proposal.routed_body = committee
    proposal.decision = DecisionFactory(
        municipality=proposal.municipality,
        body=committee,
        date=timezone.localdate() - datetime.timedelta(days=3),
        minute_item="§ 12",
        text="Nämnden beslutar att sätta upp tio nya bänkar.",
    )
    proposal.save()
    ProposalCaseFactory(proposal=proposal, body=committee)
    SignatureFactory(proposal=proposal)
    services_staff.answer_mailing_create(proposal=proposal, actor=dora)
    return proposal


def test_proposal_pages_are_accessible(page, proposals, sara, dora):
    public_pages(page, proposals)
    signing_pages(page, proposals["collecting"], proposals["closed"])
    feed_is_xml(page)
    writing_pages(page, sara, proposals["submitted"])
    log_out(page)
    staff_pages(page, dora, proposals)


def goto(page, path, status=200):
    response = page.goto(path)
    assert response.status == status, path
    arrive(page)
    assert page.locator("html").get_attribute("lang") == "sv", path
    assert page.get_by_role("main").count() == 1, path
    return page


def public_pages(page, proposals):
    goto(page, url("proposals:list"))
    goto(page, url("proposals:list") + "?q=fritidsgården&status=collecting&sort=signed")
    assert page.locator("main .card h2 a").all_inner_texts() == [proposals["collecting"].title]
    goto(page, url("proposals:list") + "?q=finnsinte")  # nothing found
    for state in ("collecting", "decided", "closed"):
        goto(page, proposals[state].get_absolute_url())
        if state == "decided":
            assert page.locator("#answer-title").inner_text() == sv("The answer")
    assert page.locator("main .tag").first.inner_text() == sv(Status.CLOSED_BELOW_THRESHOLD.label)
    goto(page, f"/{M}/forslag/999999/", status=404)


def signing_pages(page, proposal, closed):
    goto(page, proposal.get_absolute_url())
    click_through(page, page.locator("main .at-a-glance a.button"))
    click_through(page, page.locator("main form button.button"))  # empty: the error summary
    assert page.locator(".error-summary, [role=alert]").count() >= 1
    page.fill("#id_name", "Bea Berg")
    page.fill("#id_email", "bea@example.se")
    click_through(page, page.locator("main form button.button"))
    assert "/underteckna/tack/" in page.url

    message = next(m for m in reversed(mail.outbox) if m.to == ["bea@example.se"])
    link = next(u for u in re.findall(r"https?://\S+", message.body) if "/bekrafta/" in u)
    goto(page, urlsplit(link).path)
    click_through(page, page.locator("main form button.button"))
    assert page.locator("main .panel-confirmation h1").inner_text() == sv("Thank you for signing")
    goto(page, urlsplit(link).path)  # used again: already confirmed
    goto(page, url("proposals:confirm_signature", "inte-en-riktig-lank"), status=404)
    goto(page, url("proposals:sign", closed.pk))  # signing has closed


def feed_is_xml(page):
    response = page.request.get(url("proposals:feed"))
    assert response.status == 200
    assert "xml" in response.headers["content-type"]
    assert response.text().lstrip().startswith("<?xml")


def writing_pages(page, sara, submitted):
    goto(page, url("proposals:write"))  # not logged in: how to log in
    log_in(page, sara)
    assert urlsplit(page.url).path == url("proposals:write")
    click_through(page, page.locator("main form button.button"))  # empty: the error summary
    page.fill("#id_title", "Skateramp vid skolan")
    page.fill("#id_text", "Bygg en skateramp vid Hagbyskolan.")
    page.select_option("#id_category", label="Kultur och fritid")
    page.check("#id_signing_days_0")
    click_through(page, page.locator("main form button.button"))
    assert urlsplit(page.url).path == url("proposals:preview")
    click_through(page, page.locator("main form button.button").first)
    assert "/nytt/skickat/" in page.url
    goto(page, submitted.get_absolute_url())  # the proposer's own, not yet public
    goto(page, url("proposals:withdraw", submitted.pk))
    goto(page, reverse("accounts:my_pages"))


def staff_pages(page, dora, proposals):
    logged_in(page, dora)
    decided = proposals["decided"].pk
    paths = [
        url("proposals:staff_list"),
        url("proposals:staff_list") + "?q=fritidsgården&status=collecting",
        url("proposals:moderation"),
        *(url("proposals:staff_detail", p.pk) for p in proposals.values()),
        url("proposals:decision", proposals["preparing"].pk),
        url("proposals:answer_mailing", decided),
        url("proposals:paper_signatures", proposals["collecting"].pk),
        url("proposals:invalidate"),
        url("proposals:invalidate") + "?email_domain=example.se",
        url("proposals:settings"),
        url("proposals:categories"),
        url("proposals:unfinished_report"),
    ]
    for path in paths:
        goto(page, path)
    goto(page, url("proposals:decision", proposals["collecting"].pk), status=409)  # not now
    goto(page, url("proposals:answer_mailing", decided))
    click_through(page, page.locator("main .notice--warning a"))  # the mailing's progress page
    assert "/personal/utskick/" in page.url
    assert page.locator("#mailing-progress").count() == 1
