"""Each dataset: exactly its fields, only what is public, its filters."""

import pytest

from delaktig.followup.models import Outcome
from delaktig.opendata.selectors import datasets
from delaktig.proposals.models import Status
from delaktig.results.selectors import theme_counts

from .support import build, detail_url, results_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("key", ["dialogues", "phases", "results", "feedback", "e-petitions", "dummy-inputs"])
def test_rows_have_exactly_the_fields(client, data, municipality, key):
    dataset = next(d for d in datasets() if d.key == key)
    rows = results_of(client, municipality, key)
    assert rows, f"{key} has no rows in the test data"
    for row in rows:
        assert list(row) == [field.name for field in dataset.fields]
    detail = client.get(detail_url(municipality, key, rows[0]["id"])).json()
    assert detail == rows[0]


PERSONAL = ("email", "e_mail", "author", "user", "signer", "proposer", "person", "ip_address")


def test_every_dataset_declares_its_filters_and_fields(db):
    for dataset in datasets():
        names = [field.name for field in dataset.fields]
        assert len(names) == len(set(names)) and "id" in names, dataset.key
        assert all(f.type in {"string", "integer", "number", "boolean", "date", "date-time"} for f in dataset.fields)
        assert not [n for n in names if any(word in n for word in PERSONAL)], f"{dataset.key} looks personal"


def test_every_registered_dataset_gives_rows_with_exactly_its_fields(client, data, municipality):
    for dataset in datasets():
        body = client.get(f"/{municipality.slug}/api/v1/{dataset.key}/").json()
        for row in body["results"]:
            assert list(row) == [field.name for field in dataset.fields], dataset.key


def test_dialogues_only_public_ones(client, data, municipality):
    ids = {row["id"] for row in results_of(client, municipality, "dialogues")}
    assert data["initiative"].pk not in ids
    assert {data["planned"].pk, data["open"].pk, data["feedback"].pk, data["results"].pk} <= ids


def test_dialogue_row(client, data, municipality):
    planned = data["planned"]
    row = client.get(detail_url(municipality, "dialogues", planned.pk)).json()
    assert row["state"] == "planned" and row["kind"] == "citizen_dialogue"
    assert row["ladder_level"] == "dialogue" and row["deciding_body"] == "Kommunfullmäktige"
    assert row["starts_on"] == planned.starts_on.isoformat() and row["year"] == planned.starts_on.year
    assert row["url"] == f"http://testserver{planned.get_absolute_url()}"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"state": "planned"}, {"planned"}),
        ({"state": "feedback_published"}, {"feedback"}),
        ({"kind": "user_dialogue"}, set()),
        ({"body": "kf"}, {"planned", "feedback", "open", "results"}),
        ({"body": "Kommunstyrelsen"}, set()),
    ],
)
def test_dialogue_filters(client, data, municipality, query, expected):
    ids = {row["id"] for row in results_of(client, municipality, "dialogues", **query)}
    assert ids == {data[name].pk for name in expected}


def test_dialogue_year_filter(client, data, municipality):
    year = data["planned"].starts_on.year
    assert len(results_of(client, municipality, "dialogues", year=year)) == 4
    assert results_of(client, municipality, "dialogues", year=year - 5) == []


def test_phases_of_public_dialogues_filtered_by_dialogue(client, data, municipality):
    rows = results_of(client, municipality, "phases", dialogue=data["open"].pk)
    assert [row["module_id"] for row in rows] == [data["module"].pk]
    assert rows[0]["method"] == "dummy_method" and rows[0]["phase_type"] == "collect"


def test_results_only_when_compiled_with_counts(client, data, municipality):
    rows = results_of(client, municipality, "results")
    assert {row["dialogue_id"] for row in rows} == {data["results"].pk}
    counts = theme_counts(data["results"])
    assert {row["theme"]: row["inputs"] for row in rows} == {"Lek": counts[data["theme"].pk], "Natur": 0}
    assert counts[data["theme"].pk] == 1
    assert results_of(client, municipality, "results", dialogue=data["open"].pk) == []


def test_feedback_only_when_published(client, data, municipality):
    rows = results_of(client, municipality, "feedback")
    assert [row["dialogue_id"] for row in rows] == [data["feedback"].pk]
    assert rows[0]["feedback"] == Outcome.of(data["feedback"]).feedback != ""
    assert rows[0]["matter_decision"] == data["feedback"].decision_in_matter.text
    assert rows[0]["matter_body"] == "Kommunfullmäktige"


def test_epetitions_public_only_exact_count_no_names(client, data, municipality):
    rows = {row["id"]: row for row in results_of(client, municipality, "e-petitions")}
    assert set(rows) == {data["signing"].pk, data["decided"].pk}
    signing = rows[data["signing"].pk]
    assert signing["signatures"] == 2 and signing["threshold"] == 3 and signing["category"] == "Lek och fritid"
    assert rows[data["decided"].pk]["answer"] == "Vi bygger lekplatsen."
    assert rows[data["decided"].pk]["body"] == "Kommunfullmäktige"
    text = str(rows)
    assert "Rut Resident" not in text and "@" not in text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "collecting"}, {"signing"}),
        ({"status": "decided"}, {"decided"}),
        ({"category": "lek och fritid"}, {"signing"}),
        ({"route": "citizen_proposal"}, set()),
    ],
)
def test_epetition_filters(client, data, municipality, query, expected):
    ids = {row["id"] for row in results_of(client, municipality, "e-petitions", **query)}
    assert ids == {data[name].pk for name in expected}


def test_unpublished_proposals_are_not_found(client, data, municipality):
    for name in ("submitted", "rejected"):
        assert client.get(detail_url(municipality, "e-petitions", data[name].pk)).status_code == 404
    assert client.get(f"/{municipality.slug}/api/v1/e-petitions/?status={Status.SUBMITTED}").status_code == 400


def test_status_history_of_public_proposals(client, data, municipality):
    from delaktig.core.audit import audit_record

    proposal = data["signing"]
    step = {"from": "collecting", "to": "threshold_reached"}
    audit_record(municipality=municipality, actor=None, action="proposal.x", target=proposal, data=step, public=True)
    audit_record(municipality=municipality, actor=None, action="proposal.note", target=proposal, data={})
    hidden = data["submitted"]
    audit_record(municipality=municipality, actor=None, action="proposal.y", target=hidden, data=step, public=True)
    rows = results_of(client, municipality, "e-petition-statuses", proposal=proposal.pk)
    assert [(r["from_status"], r["to_status"]) for r in rows] == [("collecting", "threshold_reached")]
    every = results_of(client, municipality, "e-petition-statuses")
    assert hidden.pk not in {row["proposal_id"] for row in every}


def test_a_methods_dataset_is_published_input_without_names(client, data, municipality):
    rows = {row["id"]: row for row in results_of(client, municipality, "dummy-inputs")}
    assert data["hidden_input"].pk not in rows
    assert rows[data["input"].pk]["channel"] == "online"
    assert rows[data["offline"].pk]["channel"] == "paper"
    assert "Ada Författare" not in str(rows)


def test_a_methods_dataset_takes_its_filters(client, data, municipality):
    rows = results_of(client, municipality, "dummy-inputs", dialogue=data["open"].pk, channel="paper")
    assert [row["id"] for row in rows] == [data["offline"].pk]


@pytest.mark.parametrize(
    "key", ["dialogues", "phases", "feedback", "e-petitions", "e-petition-statuses", "dummy-inputs"]
)
def test_a_page_costs_the_same_queries_however_many_rows(
    client, data, municipality, key, django_assert_max_num_queries
):
    results_of(client, municipality, key)  # warm the content-type cache
    with django_assert_max_num_queries(6):
        results_of(client, municipality, key)
    build(municipality)
    with django_assert_max_num_queries(6):
        results_of(client, municipality, key)


def test_year_filters_of_proposals_and_feedback(client, data, municipality):
    year = data["signing"].submitted_at.year
    assert len(results_of(client, municipality, "e-petitions", year=year)) == 2
    assert results_of(client, municipality, "e-petitions", year=year - 1) == []
    published = data["feedback"].feedback_published_at.year
    assert len(results_of(client, municipality, "feedback", year=published)) == 1
    assert results_of(client, municipality, "feedback", year=published + 1) == []


def test_head_is_allowed(client, data, municipality):
    from .support import list_url

    assert client.head(list_url(municipality, "dialogues")).status_code == 200


def test_pages_of_one_row_add_up_to_the_whole_list_for_every_dataset(client, data, municipality):
    for dataset in datasets():
        whole = results_of(client, municipality, dataset.key)
        pieced, url = [], f"/{municipality.slug}/api/v1/{dataset.key}/?page_size=1"
        while url:
            body = client.get(url).json()
            assert body["count"] == len(whole), dataset.key
            pieced += body["results"]
            url = body["next"]
        assert pieced == whole, dataset.key
