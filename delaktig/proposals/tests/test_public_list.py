"""The public list: only public proposals, search, filters, sorting, pagination, and garbage that never breaks it."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from delaktig.organisations.models import Body
from delaktig.proposals.models import Status
from delaktig.proposals.tests.factories import CategoryFactory, ProposalFactory, SignatureFactory, collecting

pytestmark = pytest.mark.django_db


def list_url(municipality):
    return reverse("proposals:list", args=[municipality.slug])


def titles(client, municipality, **params):
    response = client.get(list_url(municipality), params)
    assert response.status_code == 200
    return [p.title for p in response.context["page"].object_list]


def public(municipality, title, *, signatures=0, days_left=30, **fields):
    proposal = collecting(ProposalFactory(municipality=municipality, title=title, **fields), days_left=days_left)
    for _ in range(signatures):
        SignatureFactory(proposal=proposal)
    return proposal


def test_only_public_proposals_of_this_municipality(client, municipality, other_municipality):
    public(municipality, "Synlig")
    for status in (Status.SUBMITTED, Status.UNDER_REVIEW, Status.REJECTED, Status.WITHDRAWN):
        ProposalFactory(municipality=municipality, status=status, title=f"Dold {status}")
    ProposalFactory(municipality=municipality, status=Status.DECIDED, title="Beslutad")
    public(other_municipality, "Annan kommun")
    assert sorted(titles(client, municipality)) == ["Beslutad", "Synlig"]


def test_search_finds_words_in_title_and_text(client, municipality):
    public(municipality, "Lekplats i Norrby", text="Barnen behöver något.")
    public(municipality, "Cykelväg", text="En cykelväg till lekplatsen vore bra")
    public(municipality, "Badhus", text="Simma året om.")
    assert sorted(titles(client, municipality, q="lekplats")) == ["Cykelväg", "Lekplats i Norrby"]
    assert titles(client, municipality, q="badhus") == ["Badhus"]
    assert titles(client, municipality, q="lekplats badhus") == []


def test_filters_by_status_category_and_body(client, municipality):
    culture = Body.objects.get(municipality=municipality, kind=Body.Kind.COMMITTEE)
    board = Body.objects.get(municipality=municipality, kind=Body.Kind.EXECUTIVE_BOARD)
    sport = CategoryFactory(municipality=municipality, name="Idrott", responsible_body=culture)
    public(municipality, "Idrottshall", category=sport)
    public(municipality, "Till styrelsen", routed_body=board)
    ProposalFactory(municipality=municipality, status=Status.DECIDED, title="Klar", routed_body=culture)
    assert titles(client, municipality, status="decided") == ["Klar"]
    assert titles(client, municipality, category=sport.pk) == ["Idrottshall"]
    assert sorted(titles(client, municipality, body=culture.pk)) == ["Idrottshall", "Klar"]
    assert titles(client, municipality, body=board.pk) == ["Till styrelsen"]


def test_sorting_most_signed_newest_and_ending_soon(client, municipality):
    few = public(municipality, "Få", signatures=1, days_left=5)
    many = public(municipality, "Många", signatures=3, days_left=50)
    SignatureFactory(proposal=few, status="pending")
    SignatureFactory(proposal=few, status="invalidated")
    none = public(municipality, "Inga", days_left=20)
    for offset, proposal in enumerate([many, none, few]):
        proposal.signing_starts_at = timezone.now() - datetime.timedelta(days=10 - offset)
        proposal.save()
    ProposalFactory(municipality=municipality, status=Status.DECIDED, title="Avgjord")
    assert titles(client, municipality, sort="signed")[:2] == ["Många", "Få"]
    assert titles(client, municipality, sort="ending") == ["Få", "Inga", "Många", "Avgjord"]
    newest = titles(client, municipality, sort="newest")
    assert newest.index("Få") < newest.index("Inga") < newest.index("Många")


def test_counts_are_exact_and_in_the_one_query(client, municipality):
    proposal = public(municipality, "Räknad", signatures=3)
    SignatureFactory(proposal=proposal, status="pending")
    response = client.get(list_url(municipality))
    [row] = response.context["page"].object_list
    assert row.valid_count == 3


def test_queries_do_not_grow_with_rows(client, municipality):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get(list_url(municipality), {"sort": "signed"})
        return len(captured)

    public(municipality, "En", signatures=2)
    queries()  # the first visit stores the municipality's default rules
    before = queries()
    for n in range(10):
        public(municipality, f"Fler {n}", signatures=2, category=CategoryFactory(municipality=municipality))
    assert queries() == before


def test_pagination_keeps_the_filters(client, municipality):
    for n in range(25):
        public(municipality, f"Lekplats {n:02d}")
    public(municipality, "Annat", text="Något helt annat.")
    response = client.get(list_url(municipality), {"q": "lekplats", "sort": "newest"})
    page = response.content.decode()
    assert response.context["page"].paginator.count == 25
    assert len(response.context["page"].object_list) == 20
    assert "q=lekplats" in page and "page=2" in page
    second = client.get(list_url(municipality), {"q": "lekplats", "sort": "newest", "page": 2})
    assert len(second.context["page"].object_list) == 5
    assert "25" in second.content.decode()


def test_empty_states(client, municipality):
    page = client.get(list_url(municipality)).content.decode()
    assert reverse("proposals:write", args=[municipality.slug]) in page
    public(municipality, "Något")
    response = client.get(list_url(municipality), {"q": "finnsinte"})
    assert response.context["page"].paginator.count == 0
    assert f'href="{list_url(municipality)}"' in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "999999999999999999999999"},
        {"page": "-1"},
        {"status": "rejected"},
        {"status": "<script>"},
        {"category": "x"},
        {"category": "99999999999999999999999"},
        {"body": "1.5"},
        {"sort": "DROP TABLE"},
        {"q": "x" * 5000},
        {"q": "'\" OR 1=1 -- & | ! ( ) :*"},
        {"q": "a\x00b"},
    ],
)
def test_garbage_parameters_never_break_the_list(client, municipality, params):
    public(municipality, "Synlig")
    response = client.get(list_url(municipality), params)
    assert response.status_code in (200, 400)
    if "status" in params:
        assert response.context["page"].paginator.count == 1  # a non-public status is ignored


def test_category_of_another_municipality_is_ignored(client, municipality, other_municipality):
    public(municipality, "Synlig")
    theirs = CategoryFactory(municipality=other_municipality)
    assert titles(client, municipality, category=theirs.pk) == ["Synlig"]


def test_the_feed_is_linked(client, municipality):
    page = client.get(list_url(municipality)).content.decode()
    assert reverse("proposals:feed", args=[municipality.slug]) in page


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Swedish stemming is PostgreSQL's")
def test_swedish_full_text_search_finds_other_forms_of_a_word(client, municipality):
    public(municipality, "Fler cykelvägar", text="Det behövs.")
    public(municipality, "Lekplatsen vid skolan", text="Den är trasig.")
    public(municipality, "Badhus", text="Simma året om.")
    assert titles(client, municipality, q="cykelväg") == ["Fler cykelvägar"]
    assert titles(client, municipality, q="lekplats") == ["Lekplatsen vid skolan"]


def _list_queries(client, municipality, **params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(list_url(municipality), params)
    assert response.status_code == 200
    return response, [query["sql"] for query in captured.captured_queries]


@pytest.mark.parametrize("sort", ["newest", "ending", "signed"])
def test_queries_are_the_same_with_3_and_with_30_epetitions(client, municipality, other_municipality, sort):
    for n in range(3):
        public(municipality, f"Först {n}", signatures=2)
    public(other_municipality, "Annan kommun", signatures=3)
    _list_queries(client, municipality, sort=sort)  # the first visit stores the municipality's default rules
    _response, few = _list_queries(client, municipality, sort=sort)
    for n in range(27):
        public(municipality, f"Sedan {n}", signatures=n % 3)
    _response, many = _list_queries(client, municipality, sort=sort)
    assert len(many) == len(few)


def test_only_the_shown_proposals_signatures_are_counted(client, municipality, other_municipality):
    for n in range(25):
        public(municipality, f"Förslag {n:02d}", signatures=1)
    public(other_municipality, "Annan kommun", signatures=3)
    _list_queries(client, municipality)
    response, queries = _list_queries(client, municipality)
    shown = {proposal.pk for proposal in response.context["page"].object_list}
    assert len(shown) == 20
    touching = [sql for sql in queries if "proposals_signature" in sql]
    assert len(touching) == 1  # the paginator's count is a plain count of proposals
    [sql] = touching
    listed = re.search(r'"proposal_id" IN \(([^)]*)\)', sql)
    assert listed is not None, sql
    assert {int(pk) for pk in listed.group(1).split(",")} == shown
    assert all(row.valid_count == 1 for row in response.context["page"].object_list)
