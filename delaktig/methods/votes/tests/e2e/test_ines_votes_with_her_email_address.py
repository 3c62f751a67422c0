"""Ines has no account: she votes with her e-mail address, first with a mistake (no address), then finds the link in
the e-mail and confirms; her ballot then counts. Every page passes axe."""

from urllib.parse import urlsplit

import pytest
from django.core import mail

from delaktig.organisations.tests.factories import MunicipalityFactory
from tests.e2e.support import arrive, click_through, sv

from ...models import Ballot, PendingBallot
from ..factories import vote_for, vote_module

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def module():
    hagby = MunicipalityFactory(name="Hagby kommun", slug="hagby")
    module = vote_module(municipality=hagby)
    vote_for(module, ballot_type="single", alternatives=3, voting_by="email_link")
    return module


def test_ines_votes_with_her_address_and_confirms_from_the_email(page, module):
    page.goto(module.get_absolute_url())
    arrive(page)
    page.get_by_label("Mötet").check()
    click_through(page, page.get_by_role("button", name=sv("Cast my ballot")))
    assert page.locator(".error-summary").count() == 1
    assert not PendingBallot.objects.exists()

    page.fill("#id_email", "ines@example.se")
    click_through(page, page.get_by_role("button", name=sv("Cast my ballot")))
    assert sv("Confirm your ballot in the e-mail") in page.locator("main").inner_text()
    assert not Ballot.objects.exists()

    (message,) = [m for m in mail.outbox if m.to == ["ines@example.se"]]
    link = next(line.strip() for line in message.body.splitlines() if "/bekrafta/" in line)
    page.goto(urlsplit(link).path)
    arrive(page)
    click_through(page, page.get_by_role("button", name=sv("Confirm my ballot")))
    assert sv("Your ballot counts") in page.locator("main").inner_text()
    ballot = Ballot.objects.get()
    assert ballot.choices == [module.vote.alternatives.get(title="Mötet").pk]
