"""The public count as JSON: derived, cached for a short while, no session, no database once cached."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from delaktig.core import memo
from delaktig.proposals.models import SignatureStatus, Status
from delaktig.proposals.tests.factories import ProposalFactory, SignatureFactory, collecting


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def proposal(municipality):
    return collecting(ProposalFactory(municipality=municipality), threshold=50)


def count_url(proposal, slug=None):
    return reverse("proposals:count", args=[slug or proposal.municipality.slug, proposal.pk])


def test_count_json(client, proposal):
    SignatureFactory.create_batch(3, proposal=proposal)
    SignatureFactory(proposal=proposal, status=SignatureStatus.PENDING)
    response = client.get(count_url(proposal))
    assert response.status_code == 200
    assert response.json() == {"count": 3, "threshold": 50, "status": "collecting"}
    assert "max-age=" in response["Cache-Control"] and "public" in response["Cache-Control"]
    assert "sessionid" not in response.cookies and "Cookie" not in response.get("Vary", "")


def test_cached_count_needs_no_query(client, proposal):
    client.get(count_url(proposal))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(count_url(proposal))
    assert response.json()["count"] == 0
    assert len(queries) == 0  # the count and the municipality both come from the cache


def test_count_lags_at_most_the_cache_interval(client, proposal):
    assert client.get(count_url(proposal)).json()["count"] == 0
    SignatureFactory(proposal=proposal)
    assert client.get(count_url(proposal)).json()["count"] == 0  # cached
    cache.clear()  # the interval has passed: the shared copy is gone …
    assert client.get(count_url(proposal)).json()["count"] == 0  # … but this process keeps its own a moment
    memo.clear_all()  # … and so is this process's
    assert client.get(count_url(proposal)).json()["count"] == 1


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.REJECTED, Status.WITHDRAWN])
def test_unpublished_proposals_have_no_count(client, proposal, status):
    proposal.status = status
    proposal.save()
    assert client.get(count_url(proposal)).status_code == 404


def test_cached_count_is_not_served_to_another_municipality(client, proposal, other_municipality):
    client.get(count_url(proposal))
    assert client.get(count_url(proposal, other_municipality.slug)).status_code == 404


def test_wrong_method_and_huge_id(client, proposal):
    assert client.post(count_url(proposal)).status_code == 405
    url = count_url(proposal).replace(f"/{proposal.pk}/", "/99999999999999999999999/")
    assert client.get(url).status_code in (400, 404)
