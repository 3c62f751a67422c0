"""Voting, one statement at a time: the order favours statements with few votes, a vote is a POST and the next
statement follows, one vote per person and statement (in the database), a vote can be changed, and every bad
request gets a message in Swedish with nothing stored."""

import pytest
from django.db import IntegrityError, transaction

from delaktig.dialogues.models import State
from delaktig.participation.models import ModerationStatus
from tests.e2e.support import sv

from ..models import Choice, Statement, Vote
from ..selectors import statement_next
from .conftest import url
from .factories import statement, statements_module, voters, votes_bulk

pytestmark = pytest.mark.django_db


def test_the_next_statement_is_the_one_with_fewest_votes(module, seeded, resident):
    many, few, none = seeded
    people = voters(3)
    votes_bulk(module, [(p, many, Choice.AGREE) for p in people] + [(people[0], few, Choice.DISAGREE)])
    assert statement_next(module, resident) == none
    votes_bulk(module, [(resident, none, Choice.PASS)])
    assert statement_next(module, resident) == few  # one vote before three
    votes_bulk(module, [(resident, few, Choice.PASS), (resident, many, Choice.PASS)])
    assert statement_next(module, resident) is None


def test_removed_and_waiting_statements_are_never_shown(module, resident):
    statement(module, "Borttaget.", status=ModerationStatus.REJECTED)
    statement(module, "Väntar.", status=ModerationStatus.PENDING)
    assert statement_next(module, resident) is None


def test_a_resident_votes_and_the_next_statement_follows(client, module, seeded, resident):
    client.force_login(resident)
    page = client.get(url("index", module))
    first = page.context["statement"]
    assert first.text in page.text and page.context["remaining"] == 3
    response = client.post(url("vote", module), {"statement": first.pk, "choice": Choice.AGREE}, follow=True)
    assert Vote.objects.get(user=resident).choice == Choice.AGREE
    assert response.context["statement"] != first and response.context["remaining"] == 2
    assert sv("Your vote is saved: %(choice)s.", choice=sv("Agree")) in response.text


def test_one_vote_per_person_and_statement_and_a_vote_can_be_changed(client, module, seeded, resident):
    client.force_login(resident)
    target = seeded[0]
    client.post(url("vote", module), {"statement": target.pk, "choice": Choice.AGREE})
    client.post(url("vote", module), {"statement": target.pk, "choice": Choice.AGREE})  # sent twice
    next_url = url("my_votes", module)
    response = client.post(url("vote", module), {"statement": target.pk, "choice": Choice.DISAGREE, "next": next_url})
    assert response.url == next_url
    assert list(Vote.objects.values_list("choice", flat=True)) == [Choice.DISAGREE]
    page = client.get(next_url)
    assert target.text in page.text and sv("Disagree") in page.text
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(module=module, statement=target, user=resident, choice=Choice.PASS)


def refused(client, module, data):
    """Post a vote, follow to the page that explains; nothing must be stored."""
    response = client.post(url("vote", module), data, follow=True)
    assert response.status_code == 200 and not Vote.objects.exists()
    return " ".join(str(message) for message in response.context["messages"])


@pytest.mark.parametrize("status", [ModerationStatus.REJECTED, ModerationStatus.PENDING])
def test_a_vote_on_a_removed_or_waiting_statement_is_refused_in_words(client, module, resident, status):
    client.force_login(resident)
    hidden = statement(module, "Borttaget påstående.", status=status)
    said = refused(client, module, {"statement": hidden.pk, "choice": Choice.AGREE})
    assert said == sv("This statement has been removed, so it cannot be voted on. Here is another one.")


def test_a_tampered_statement_id_or_choice_is_refused_in_words(client, module, municipality, seeded, resident):
    client.force_login(resident)
    elsewhere = statement(statements_module(municipality=municipality), "I en annan modul.")
    not_found = sv("We could not find that statement. Vote on this one instead.")
    assert refused(client, module, {"statement": elsewhere.pk, "choice": Choice.AGREE}) == not_found
    assert refused(client, module, {"statement": "12x", "choice": Choice.AGREE}) == not_found
    assert refused(client, module, {"choice": Choice.AGREE}) == not_found
    choose = sv("Choose agree, disagree or pass.")
    assert refused(client, module, {"statement": seeded[0].pk, "choice": "7"}) == choose
    assert refused(client, module, {"statement": seeded[0].pk, "choice": "ja"}) == choose


def test_a_vote_after_closing_is_refused_in_words(client, municipality, resident):
    closed = statements_module(municipality=municipality, state=State.CLOSED)
    target = statement(closed)
    client.force_login(resident)
    response = client.post(url("vote", closed), {"statement": target.pk, "choice": Choice.AGREE})
    assert response.status_code == 403 and not Vote.objects.exists()
    assert response.context["reason"]


def test_voting_needs_logging_in(client, module, seeded):
    response = client.post(url("vote", module), {"statement": seeded[0].pk, "choice": Choice.AGREE})
    assert response.status_code == 302 and "/konto/logga-in/" in response.url
    assert sv("Log in to vote") in client.get(url("index", module)).text


def test_a_resident_writes_a_statement_and_gets_a_reference(client, module, resident):
    client.force_login(resident)
    response = client.post(url("create", module), {"text": "  Fler  bänkar vid älven. "}, follow=True)
    written = Statement.objects.get()
    assert written.text == "Fler bänkar vid älven." and written.author == resident and not written.seeded
    assert written.reference in response.text
    assert statement_next(module, resident) == written  # published at once in a post-moderated dialogue


def test_an_over_long_statement_is_refused_in_words_and_kept(client, module, resident):
    client.force_login(resident)
    text = "Ett påstående som är alldeles för långt. " * 5
    response = client.post(url("create", module), {"text": text})
    assert response.status_code == 200 and not Statement.objects.exists()
    assert (
        sv(
            "Write at most %(limit_value)d characters. Now there are %(show_value)d.",
            limit_value=140,
            show_value=len(text.strip()),
        )
        in response.text
    )
    assert "error-summary" in response.text and text.strip()[:40] in response.text


def test_a_statement_in_a_premoderated_dialogue_waits(client, municipality, resident):
    premoderated = statements_module(municipality=municipality, moderation="pre")
    client.force_login(resident)
    client.post(url("create", premoderated), {"text": "Fler bänkar vid älven."})
    assert Statement.objects.get().status == ModerationStatus.PENDING
    assert statement_next(premoderated, resident) is None


def test_the_receipt_page_is_only_for_the_writer(client, module, seeded, resident):
    response = client.get(url("create_done", module, seeded[0].pk))
    assert response.status_code == 302 and response.url == url("index", module)
