"""Rut votes on the statements about the town centre, one at a time with the three buttons, changes one vote, and
then sees the opinion groups: the analysis runs in the background after her votes (at once in tests, as every task
does here). Every page passes axe."""

import pytest

from delaktig.organisations.tests.factories import MunicipalityFactory
from tests.e2e.support import arrive, click_through, logged_in, person, sv

from ...models import Analysis, Choice, Vote
from ...synthetic import planted_votes
from ..conftest import url
from ..factories import statement, statements_module, voters, votes_bulk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXTS = [
    "Torget ska bli bilfritt.",
    "Centrum behöver fler träd.",
    "Butikerna ska ha öppet längre på kvällarna.",
    "Det ska finnas fler bänkar längs gågatan.",
    "Parkeringen vid torget ska vara gratis.",
    "Biblioteket ska flytta till centrum.",
    "Fler evenemang på torget på sommaren.",
    "Cykelparkeringen vid stationen ska byggas ut.",
]


@pytest.fixture
def centre():
    hagby = MunicipalityFactory(name="Hagby kommun", slug="hagby")
    module = statements_module(municipality=hagby)
    statements = [statement(module, text) for text in TEXTS]
    people = voters(30)
    who, which, choices, _planted = planted_votes(participants=30, statements=8, groups=2, density=1, seed=4)
    votes_bulk(
        module, [(people[p - 1], statements[s - 1], int(c)) for p, s, c in zip(who, which, choices, strict=True)]
    )
    return module


def test_rut_votes_on_statements_and_sees_the_groups(page, centre):
    module = centre
    rut = person(name="Rut Resident", email="rut@example.se")
    logged_in(page, rut)
    page.goto(url("groups", module))
    arrive(page)
    assert (
        sv("The votes have not been analysed yet. The opinion groups appear here once enough people have voted.")
        in page.locator("main").inner_text()
    )

    click_through(page, page.get_by_role("link", name=sv("Back to “%(name)s”", name=module.name)))
    first = page.locator("#statement-text").inner_text()
    click_through(page, page.get_by_role("button", name=sv("Agree"), exact=True))
    assert sv("Your vote is saved: %(choice)s.", choice=sv("Agree")) in page.locator("main").inner_text()
    second = page.locator("#statement-text").inner_text()
    assert second != first  # the next statement follows
    click_through(page, page.get_by_role("button", name=sv("Disagree"), exact=True))
    click_through(page, page.get_by_role("button", name=sv("Pass / unsure"), exact=True))
    assert Vote.objects.filter(user=rut).count() == 3

    your_votes = page.locator(f"a[href='{url('my_votes', module)}']")
    assert "(3)" in your_votes.inner_text()
    click_through(page, your_votes)
    card = page.locator("li.card", has_text=first)
    click_through(page, card.get_by_role("button", name=sv("Disagree"), exact=True))
    assert Vote.objects.get(user=rut, statement__text=first).choice == Choice.DISAGREE

    page.goto(url("index", module))
    arrive(page)
    click_through(page, page.get_by_role("link", name=sv("See the opinion groups")))
    analysis = Analysis.objects.get(module=module)
    assert analysis.votes_seen == 30 * 8 + 3 and analysis.result["status"] == "groups"
    main = page.locator("main")
    assert page.locator("svg.statement-map").count() == 1
    assert main.get_by_role("table").filter(has_text=sv("Group %(letter)s", letter="A")).count() == 1
    assert sv("What sets each group apart") in main.inner_text()
