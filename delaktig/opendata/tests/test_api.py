"""The JSON API: index, pages, filters, detail, errors, read-only, headers."""

import pytest
from django.urls import reverse

from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.participation.registry import registry

from .support import detail_url, list_url, results_of

pytestmark = pytest.mark.django_db


def method_datasets():
    """The keys of the registered methods' datasets, in the index's order (they come after the central ones)."""
    offered = [dataset for manifest in registry for dataset in manifest.datasets]
    return [dataset.key for dataset in sorted(offered, key=lambda d: (d.order, d.key))]


def test_index_lists_every_dataset_with_links(client, data, municipality):
    response = client.get(reverse("opendata:api_index", args=[municipality.slug]))
    assert response.status_code == 200
    body = response.json()
    keys = [d["key"] for d in body["datasets"]]
    assert keys == [
        "dialogues",
        "phases",
        "results",
        "feedback",
        "evaluations",
        "evaluation-target-groups",
        "decision-bases",
        "e-petitions",
        "e-petition-statuses",
        "question-time",
        "forum-statements",
        "baseline-activities",
        "yearly-reports",
        *method_datasets(),
    ]
    assert "dummy-inputs" in keys
    first = body["datasets"][0]
    assert first["url"] == f"http://testserver/{municipality.slug}/api/v1/dialogues/"
    assert first["csv"] == f"http://testserver/{municipality.slug}/api/v1/dialogues.csv"
    assert first["detail"] == f"http://testserver/{municipality.slug}/api/v1/dialogues/{{id}}/"
    assert body["openapi"].endswith("/api/v1/openapi.json")
    assert body["catalogue"].endswith("/oppna-data/katalog.rdf")


def test_read_only_headers_and_no_cookies(client, data, municipality):
    response = client.get(list_url(municipality, "dialogues"))
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=60"
    assert not response.cookies


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_other_methods_are_405_in_json(client, data, municipality, method):
    for url in (list_url(municipality, "dialogues"), detail_url(municipality, "dialogues", data["planned"].pk)):
        response = getattr(client, method)(url)
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD"
        assert "error" in response.json()


def test_pagination_links_keep_the_filters(client, municipality):
    for _ in range(5):
        dialogue_in_state(State.OPEN, municipality=municipality)
    body = client.get(list_url(municipality, "dialogues", page_size=2, state="open")).json()
    assert body["count"] == 5 and len(body["results"]) == 2
    assert body["previous"] is None
    assert "page=2" in body["next"] and "state=open" in body["next"] and "page_size=2" in body["next"]
    last = client.get(list_url(municipality, "dialogues", page_size=2, state="open", page=3)).json()
    assert len(last["results"]) == 1 and last["next"] is None and "page=2" in last["previous"]


def test_page_beyond_the_end_is_empty(client, data, municipality):
    body = client.get(list_url(municipality, "dialogues", page=99)).json()
    assert body["results"] == [] and body["next"] is None
    assert "page=1" in body["previous"]


def test_ordering_is_by_id(client, data, municipality):
    ids = [row["id"] for row in results_of(client, municipality, "dialogues")]
    assert ids == sorted(ids)


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"page": "0"}, "page"),
        ({"page": "abc"}, "page"),
        ({"page": "-1"}, "page"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "501"}, "page_size"),
        ({"page_size": "abc"}, "page_size"),
        ({"year": "tjugo"}, "year"),
        ({"year": "99999"}, "year"),
        ({"state": "initiative"}, "state"),
        ({"kind": "nonsense"}, "kind"),
        ({"body": "x" * 201}, "body"),
        ({"body": "a%00b"}, "body"),
    ],
)
def test_bad_parameters_are_400_in_json(client, data, municipality, query, parameter):
    response = client.get(list_url(municipality, "dialogues", **query))
    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == parameter
    assert body["error"]


def test_error_messages_are_swedish(client, data, municipality):
    body = client.get(list_url(municipality, "dialogues", page_size="abc")).json()
    assert body["error"] == "page_size måste vara ett heltal."


def test_page_size_500_is_allowed(client, data, municipality):
    assert client.get(list_url(municipality, "dialogues", page_size=500)).status_code == 200


def test_detail_and_404s(client, data, municipality, other_municipality):
    planned = data["planned"]
    response = client.get(detail_url(municipality, "dialogues", planned.pk))
    assert response.status_code == 200 and response.json()["id"] == planned.pk
    foreign = dialogue_in_state(State.OPEN, municipality=other_municipality)
    for url in (
        detail_url(municipality, "dialogues", foreign.pk),
        detail_url(municipality, "dialogues", data["initiative"].pk),
        detail_url(municipality, "dialogues", 99999999999999999999),
        detail_url(municipality, "dialogues", "abc"),
        detail_url(municipality, "dialogues", "²"),
        detail_url(municipality, "dialogues", "0"),
        list_url(municipality, "no-such-dataset"),
        detail_url(municipality, "no-such-dataset", 1),
        f"/{municipality.slug}/api/v1/no/such/thing",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"] == "application/json"
        assert "error" in response.json()


def test_a_missing_slash_redirects(client, data, municipality):
    response = client.get(f"/{municipality.slug}/api/v1/dialogues")
    assert response.status_code == 301 and response["Location"].endswith("/api/v1/dialogues/")


def test_another_municipalitys_rows_never_appear(client, data, municipality, other_municipality):
    foreign = dialogue_in_state(State.OPEN, municipality=other_municipality)
    assert foreign.pk not in {row["id"] for row in results_of(client, municipality, "dialogues")}
    assert results_of(client, other_municipality, "dialogues") == [
        client.get(detail_url(other_municipality, "dialogues", foreign.pk)).json()
    ]
