"""Voting with an e-mail address and no account: the ballot waits for its link, counts once confirmed, can be changed
until the vote closes, one per address; every bad input and bad link gets a page in words, never an error."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from delaktig.accounts.tests.factories import UserFactory

from .. import by_email, selectors
from ..models import Ballot, PendingBallot
from .factories import close, vote_for

pytestmark = pytest.mark.django_db


def url(module, name, *args):
    return reverse(f"votes:{name}", args=[module.dialogue.municipality.slug, module.dialogue_id, module.pk, *args])


@pytest.fixture
def mail_vote(module):
    return vote_for(module, voting_by="email_link")


@pytest.fixture
def ids(mail_vote):
    return list(mail_vote.alternatives.values_list("pk", flat=True))


def cast(client, module, data):
    return client.post(url(module, "cast"), data)


def link_of(message):
    return next(line for line in message.body.splitlines() if "/bekrafta/" in line).strip().split("testserver")[-1]


def token_of(message):
    return link_of(message).rstrip("/").rsplit("/", 1)[-1]


def test_the_page_says_who_may_vote_and_asks_for_the_address(client, module, mail_vote):
    page = client.get(url(module, "index")).content.decode()
    assert "Alla med en e-postadress får rösta, utan konto." in page
    assert 'name="email"' in page and "Logga in för att rösta" not in page


def test_cast_waits_for_the_link_then_counts_and_the_link_works_once(client, module, mail_vote, ids, settings):
    settings.SITE_URL = "http://testserver"
    response = cast(client, module, {"choice": ids[0], "email": " Anna@Exempel.se ", "age": "34"})
    assert response.status_code == 302 and response["Location"] == url(module, "sent")
    assert "Bekräfta din röst i e-postmeddelandet" in client.get(response["Location"]).content.decode()
    pending = PendingBallot.objects.get(vote=mail_vote)
    assert pending.voter_key == by_email.email_key("anna@exempel.se") and "anna" not in pending.voter_key
    assert not Ballot.objects.filter(vote=mail_vote).exists()
    assert selectors.results_of(mail_vote).ballots == 0  # a waiting ballot does not count
    (message,) = mail.outbox
    assert message.to == ["Anna@Exempel.se"] and "Ljusets bro" in message.body  # the receipt of the ballot
    link = link_of(message)
    page = client.get(link).content.decode()
    assert "Bekräfta min röst" in page and not Ballot.objects.exists()
    page = client.post(link).content.decode()
    ballot = Ballot.objects.get(vote=mail_vote)
    assert "Din röst räknas" in page and ballot.reference in page
    assert ballot.choices == [ids[0]] and ballot.voter is None and ballot.age_band == "30_44"
    assert not PendingBallot.objects.exists()
    again = client.post(link)
    assert "Länken har redan använts. Din röst räknas." in again.content.decode()
    assert Ballot.objects.count() == 1
    assert selectors.results_of(mail_vote).ballots == 1


def test_casting_again_replaces_the_waiting_ballot_the_counted_one_stays_until_confirmed(
    client, module, mail_vote, ids
):
    cast(client, module, {"choice": ids[0], "email": "bo@exempel.se"})
    client.post(link_of(mail.outbox[0]))
    cast(client, module, {"choice": ids[1], "email": "BO@exempel.se"})
    cast(client, module, {"choice": ids[2], "email": "bo@exempel.se"})
    assert PendingBallot.objects.count() == 1 and Ballot.objects.get().choices == [ids[0]]
    older = client.post(link_of(mail.outbox[1])).content.decode()
    assert "Använd länken i det senaste" in older and Ballot.objects.get().choices == [ids[0]]
    client.post(link_of(mail.outbox[2]))
    ballot = Ballot.objects.get()
    assert ballot.choices == [ids[2]] and ballot.changes == 1 and not PendingBallot.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"choice": "FIRST"}, "Skriv din e-postadress."),
        ({"choice": "FIRST", "email": "inte-en-adress"}, "namn@exempel.se"),
        ({"choice": "FIRST", "email": "x@mailinator.com"}, "bara fungerar en kort tid"),
        ({"choice": "999999", "email": "c@exempel.se"}, "finns inte i den här omröstningen"),
        ({"email": "c@exempel.se"}, "Välj ett alternativ."),
        ({"choice": "FIRST", "email": "a" * 250 + "@exempel.se"}, "namn@exempel.se"),
    ],
)
def test_bad_input_is_refused_in_words_and_nothing_is_stored(client, module, mail_vote, ids, data, message):
    data = {key: (str(ids[0]) if value == "FIRST" else value) for key, value in data.items()}
    response = cast(client, module, data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not PendingBallot.objects.exists() and not mail.outbox


def test_more_alternatives_than_allowed_is_refused(client, module):
    vote = vote_for(module, voting_by="email_link", ballot_type="approval", max_choices=1)
    ids = list(vote.alternatives.values_list("pk", flat=True))
    response = cast(client, module, {"choice": ids[:2], "email": "d@exempel.se"})
    assert "Du får välja högst 1 alternativ" in response.content.decode() and not PendingBallot.objects.exists()


def test_bad_links_get_a_page_in_words(client, module, mail_vote, ids, settings):
    cast(client, module, {"choice": ids[0], "email": "e@exempel.se"})
    link = link_of(mail.outbox[0])
    assert client.get(url(module, "confirm", "skräp:inte-en-länk")).status_code == 404
    assert client.post(url(module, "confirm", token_of(mail.outbox[0])[:-3] + "abc")).status_code == 404
    settings.VOTES_EMAIL_CONFIRM_DAYS = -1
    response = client.post(link)
    assert response.status_code == 410 and "fungerar inte längre" in response.content.decode()
    settings.VOTES_EMAIL_CONFIRM_DAYS = 7
    close(module)
    response = client.post(link)
    assert response.status_code == 410 and "Omröstningen har stängt" in response.content.decode()
    assert not Ballot.objects.exists()


def test_a_closed_vote_takes_no_ballot(client, module, mail_vote, ids):
    close(module)
    response = cast(client, module, {"choice": ids[0], "email": "f@exempel.se"})
    assert "Omröstningen har stängt" in response.content.decode() and not PendingBallot.objects.exists()


def test_the_cast_reads_no_session_and_no_account(client, module, mail_vote, ids, resident):
    client.force_login(resident)
    cast(client, module, {"choice": ids[0], "email": "g@exempel.se"})  # the vote's window is read once
    with CaptureQueriesContext(connection) as queries:
        response = cast(client, module, {"choice": ids[1], "email": "h@exempel.se"})
    assert response.status_code == 302
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "django_session" not in sql and "accounts_user" not in sql


def test_casts_are_limited_per_address(client, module, mail_vote, ids, settings):
    settings.VOTES_EMAIL_RATE_PER_ADDRESS = 1
    cast(client, module, {"choice": ids[0], "email": "i@exempel.se"})
    response = cast(client, module, {"choice": ids[1], "email": "i@exempel.se"})
    assert response.status_code == 429 and "Vänta en stund" in response.content.decode()
    assert PendingBallot.objects.get().choices == [ids[0]]


def test_personal_data_and_erase_find_ballots_by_the_accounts_address(client, module, mail_vote, ids):
    person = UserFactory(email="j@exempel.se")
    cast(client, module, {"choice": ids[0], "email": "J@exempel.se"})
    client.post(link_of(mail.outbox[0]))
    cast(client, module, {"choice": ids[1], "email": "j@exempel.se"})
    (row,) = selectors.personal_data(person)
    assert row["ballot"] == "Ljusets bro"
    assert selectors.erase(person) == 1
    assert selectors.personal_data(person) == [] and not PendingBallot.objects.exists()
    assert selectors.results_of(mail_vote).ballots == 1  # still counted


def test_everything_that_reads_ballots_counts_confirmed_ones_and_not_waiting_ones(client, module, mail_vote, ids):
    cast(client, module, {"choice": ids[0], "email": "k@exempel.se", "age": "70"})
    client.post(link_of(mail.outbox[0]))
    cast(client, module, {"choice": ids[1], "email": "l@exempel.se"})  # waits
    assert selectors.stats(module)["ballots"] == 1
    assert len(selectors.export_rows(module)) == 1
    assert selectors.participant_ids(module) == set()  # no account
    results = selectors.results_of(mail_vote)
    assert results.ballots == results.online == 1 and [w.pk for w in results.winners] == [ids[0]]
    rows = selectors.ballot_file_rows(mail_vote)
    assert len(rows) == 2 and rows[1][1] == "online"
    close(module)
    page = client.get(url(module, "results")).content.decode()
    assert "Röster med e-postadress har åldersgrupp och område bara om" in page
