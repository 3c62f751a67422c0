"""Rebecka, the registrar, follows Saga's citizen proposal from its receipt through a referral (remiss) to the
technical board, with a mistake in the answer's date on the way, to the council's decision under the proposal's one
case number. Saga reads where her proposal is on its page and gets an e-mail at every step. Axe on every page."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from delaktig.organisations.models import Body, Role
from delaktig.organisations.tests.factories import MunicipalityFactory
from delaktig.proposals.models import Referral, Route, Status
from delaktig.proposals.tests.factories import ProposalFactory
from tests.e2e.support import arrive, click_through, logged_in, person, sv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NUMBER = "KS 2026/310"
ANSWER = "Tekniska nämnden tillstyrker förslaget. Bänkarna kan sättas upp till sommaren."
DECISION = "Kommunfullmäktige bifaller medborgarförslaget om fler bänkar längs Älvpromenaden."
TODAY = timezone.localdate()


@pytest.fixture
def hagby():
    hagby = MunicipalityFactory(name="Hagby kommun", slug="hagby", case_number_pattern="KS ÅÅÅÅ/N, TN ÅÅÅÅ/N")
    Body.objects.create(municipality=hagby, name="Tekniska nämnden", short_name="TN", kind=Body.Kind.COMMITTEE)
    return hagby


@pytest.fixture
def saga():
    return person(name="Saga Lind", email="saga@example.se")


@pytest.fixture
def proposal(hagby, saga):
    return ProposalFactory(
        municipality=hagby,
        route=Route.CITIZEN_PROPOSAL,
        status=Status.RECEIVED,
        proposer=saga,
        proposer_name="Saga Lind",
        title="Fler bänkar längs Älvpromenaden",
        registration_number=NUMBER,
        submitted_at=timezone.now() - datetime.timedelta(days=40),
    )


def test_rebecka_refers_a_citizen_proposal_and_the_council_decides(page, second_page, hagby, saga, proposal):
    rebecka = person(hagby, Role.REGISTRAR, name="Rebecka Registrator", email="rebecka@hagby.example")
    logged_in(page, rebecka)
    page.goto("/hagby/")
    arrive(page)
    click_through(page, page.get_by_role("link", name=sv("Staff workspace")))
    click_through(page, page.locator(".staff-nav a", has_text=sv("Proposals")).first)
    click_through(page, page.locator("main table a", has_text=proposal.title))
    assert NUMBER in page.inner_text("main")
    click_through(page, page.locator(".at-a-glance form button"))  # start preparing
    assert status_on_staff(page) == sv(Status.IN_PREPARATION.label)

    refers_to_the_board(page)
    saga_reads_where_it_is(second_page, proposal, answered=False)
    records_the_answer_with_a_wrong_date_first(page)
    saga_reads_where_it_is(second_page, proposal, answered=True)
    records_the_councils_decision(page)

    proposal.refresh_from_db()
    assert proposal.status == Status.DECIDED and proposal.decision.number == NUMBER
    to_saga = [m for m in mail.outbox if m.to == [saga.email]]
    assert len(to_saga) == 2 and all(NUMBER in m.subject and NUMBER in m.body for m in to_saga)


def refers_to_the_board(page):
    click_through(page, page.locator("main a.button", has_text=sv("Refer to a board")))
    page.select_option("#id_body", label="Tekniska nämnden")
    page.fill("#id_sent_on", (TODAY - datetime.timedelta(days=10)).isoformat())
    page.fill("#id_due_on", (TODAY + datetime.timedelta(days=50)).isoformat())
    click_through(page, page.locator("main form button.button", has_text=sv("Refer to the board")))
    assert status_on_staff(page) == sv(Status.REFERRED.label)
    assert "Tekniska nämnden" in page.inner_text("main")


def records_the_answer_with_a_wrong_date_first(page):
    click_through(page, page.locator(".at-a-glance a.button"))
    page.fill("#id_answer", ANSWER)
    page.fill("#id_answered_on", (TODAY - datetime.timedelta(days=20)).isoformat())
    click_through(page, page.locator("main form button.button", has_text=sv("Record the answer")))
    assert page.title().startswith(sv("Error:"))
    assert "Svaret kan inte ha ett datum före det" in page.inner_text(".error-summary")
    assert page.input_value("#id_answer") == ANSWER  # what was typed is kept
    page.fill("#id_answered_on", (TODAY - datetime.timedelta(days=2)).isoformat())
    click_through(page, page.locator("main form button.button", has_text=sv("Record the answer")))
    assert status_on_staff(page) == sv(Status.IN_PREPARATION.label)
    assert Referral.objects.get().answer == ANSWER


def records_the_councils_decision(page):
    click_through(page, page.locator(".at-a-glance a.button"))  # record the decision
    assert page.input_value("#id_decision_number") == NUMBER  # the proposal's number, carried forward
    page.select_option("#id_decision_body", label="Kommunfullmäktige")
    page.fill("#id_decision_date", TODAY.isoformat())
    page.fill("#id_decision_minute_item", "§ 30")
    page.fill("#id_decision_number", "TN 2026/44")  # the board's number by mistake
    page.fill("#id_decision_text", DECISION)
    click_through(page, page.locator("main form button.button", has_text=sv("Record the decision")))
    assert "Beslutet har numret TN 2026/44, men ärendet har KS 2026/310" in page.inner_text(".error-summary")
    assert page.input_value("#id_decision_text") == DECISION
    page.fill("#id_decision_number", NUMBER)
    click_through(page, page.locator("main form button.button", has_text=sv("Record the decision")))
    assert page.locator("main h1").inner_text() == sv("Send the answer")


def saga_reads_where_it_is(page, proposal, *, answered):
    page.goto(proposal.get_absolute_url())
    arrive(page)
    timeline = page.inner_text("main .timeline")
    assert sv("Referred to %(body)s", body="Tekniska nämnden") in timeline
    assert NUMBER in page.inner_text("main")
    referral = page.inner_text("#referral-title + p + h3 + dl")
    if answered:
        assert ANSWER in referral
        assert sv("%(body)s has answered the referral", body="Tekniska nämnden") in timeline
    else:
        assert sv("Not answered yet.") in referral


def status_on_staff(page):
    return page.locator("main p.meta .tag").first.inner_text()
