"""Rut reads the rules of the public-art vote, logs in, ranks two sketches with a mistake (the same place twice), is
told what is wrong with nothing stored, corrects it, gets her receipt, and later changes her ballot; the results page
says when the results come. Every page passes axe.
"""

import re

import pytest

from delaktig.organisations.tests.factories import MunicipalityFactory
from tests.e2e.support import arrive, click_through, logged_in, person, sv

from ...models import Ballot
from ..factories import vote_for, vote_module

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def module():
    hagby = MunicipalityFactory(name="Hagby kommun", slug="hagby")
    module = vote_module(municipality=hagby)
    vote_for(module, ballot_type="ranking", max_choices=3, alternatives=4)
    return module


def test_rut_votes_corrects_a_mistake_and_changes_her_ballot(page, module):
    page.goto(module.dialogue.get_absolute_url())
    arrive(page)
    click_through(page, page.get_by_role("link", name=re.compile(sv("See the alternatives and vote"))))
    main = page.locator("main").inner_text()
    assert sv("The rules of the vote") in main and sv("How the votes are counted") in main
    logged_in(page, person(name="Rut Resident", email="rut@example.se"))

    page.select_option("#rank-" + str(_pk(module, "Mötet")), "1")
    page.select_option("#rank-" + str(_pk(module, "Ljusets bro")), "1")
    click_through(page, page.get_by_role("button", name=sv("Cast my ballot")))
    assert (
        sv("Two alternatives have the same place. Give each place only once.")
        in page.locator(".error-summary").inner_text()
    )
    assert not Ballot.objects.exists()

    page.select_option("#rank-" + str(_pk(module, "Ljusets bro")), "2")
    click_through(page, page.get_by_role("button", name=sv("Cast my ballot")))
    assert sv("Your ballot is saved") in page.locator("h1").inner_text()
    ballot = Ballot.objects.get()
    assert ballot.choices == [_pk(module, "Mötet"), _pk(module, "Ljusets bro")]

    click_through(page, page.get_by_role("link", name=sv("Change my ballot")))
    page.select_option("#rank-" + str(_pk(module, "Mötet")), "")
    page.select_option("#rank-" + str(_pk(module, "Ljusets bro")), "1")
    click_through(page, page.get_by_role("button", name=sv("Change my ballot")))
    assert sv("Your ballot is changed") in page.locator("h1").inner_text()
    assert Ballot.objects.get().choices == [_pk(module, "Ljusets bro")]

    page.goto(page.url.split("din-rost/")[0] + "resultat/")
    arrive(page)
    assert "Ljusets bro" not in page.locator("main table").all_inner_texts().__str__()


def _pk(module, title):
    return module.vote.alternatives.get(title=title).pk
