"""The analysis runs in the background as votes arrive (at once in tests), is stored with its time and the votes it
saw, and the pages show the groups, or say that there are too few votes."""

import pytest

from delaktig.participation.models import ModerationStatus
from tests.e2e.support import sv

from ..models import Analysis, Choice
from ..services import vote_cast
from ..synthetic import planted_votes
from ..tasks import analysis_make, analysis_refresh
from .conftest import url
from .factories import statement, voters, votes_bulk

pytestmark = pytest.mark.django_db


@pytest.fixture
def voted(module):
    """40 people in two planted groups who voted on 10 statements."""
    statements = [statement(module, f"Påstående nummer {n}.") for n in range(10)]
    people = voters(40)
    who, which, choices, _planted = planted_votes(participants=40, statements=10, groups=2, density=1, seed=2)
    votes_bulk(
        module, [(people[p - 1], statements[s - 1], int(c)) for p, s, c in zip(who, which, choices, strict=True)]
    )
    return statements


def test_a_vote_asks_for_an_analysis_that_is_stored_with_its_time_and_votes(
    module, voted, resident, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # after the commit; the task runs at once in tests
        vote_cast(statement=voted[0], user=resident, choice=Choice.AGREE)
    analysis = Analysis.objects.get(module=module)
    assert analysis.ran_at and analysis.votes_seen == 401 and not analysis.refresh_waiting
    assert analysis.result["status"] == "groups" and len(analysis.result["groups"]) == 2


def test_a_refresh_already_waiting_is_not_asked_for_again(module, voted):
    Analysis.objects.create(module=module, refresh_waiting=True)
    assert analysis_refresh(module_id=module.pk) is False
    assert Analysis.objects.get(module=module).ran_at is None


def test_the_groups_page_shows_groups_map_and_table(client, module, voted):
    analysis_make(module_id=module.pk)
    page = client.get(url("groups", module))
    assert page.status_code == 200
    text = page.text
    assert "<svg" in text and 'class="points group-0"' in text and "<table" in text
    assert sv("Opinion groups") in text and sv("What sets each group apart") in text
    assert page.context["view"]["groups"][0]["representative"]


def test_a_removed_statement_leaves_the_groups_page_and_the_next_analysis(client, module, voted):
    analysis_make(module_id=module.pk)
    removed = voted[0]
    removed.status = ModerationStatus.REJECTED
    removed.save()
    assert removed.text not in client.get(url("groups", module)).text
    analysis = analysis_make(module_id=module.pk)
    assert analysis.votes_seen == 360


def test_too_few_votes_say_so_instead_of_groups(client, module, seeded, resident, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        vote_cast(statement=seeded[0], user=resident, choice=Choice.AGREE)
    assert Analysis.objects.get(module=module).result["status"] == "too_few"
    text = client.get(url("groups", module)).text
    assert sv("Too few votes to show opinion groups yet.") in text and "<svg" not in text


def test_before_any_analysis_the_page_says_so(client, module, seeded):
    text = client.get(url("groups", module)).text
    assert (
        sv("The votes have not been analysed yet. The opinion groups appear here once enough people have voted.")
        in text
    )
