"""The evaluations as open data: each evaluated dialogue with its answers and counts, and each target group."""

import datetime

import pytest

from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state, evaluate
from delaktig.followup.models import Answer, Evaluation, Reach
from delaktig.opendata.selectors import datasets
from delaktig.opendata.tests.support import csv_rows, csv_url, detail_url, list_url, results_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def evaluated(municipality, other_municipality):
    council = municipality.get_deciding_body()
    dialogue = dialogue_in_state(State.EVALUATED, municipality=municipality, title="Parken", proposed_by=council)
    dialogue.starts_on = datetime.date(2026, 3, 1)
    dialogue.save()
    dialogue.target_groups.set(municipality.target_groups.order_by("name"))  # Alla invånare, Unga
    evaluate(dialogue, methods=Answer.PARTLY, participants_summary="Bra möten.")
    young = dialogue.target_groups.get(name="Unga")
    Evaluation.of(dialogue).reaches.filter(target_group=young).update(reached=Reach.NOT_REACHED, comment="Få kom.")
    waiting = dialogue_in_state(State.FEEDBACK_PUBLISHED, municipality=municipality, title="Torget")
    evaluate(waiting)  # written, not yet published: the dialogue is not evaluated
    theirs = dialogue_in_state(State.EVALUATED, municipality=other_municipality, title="Deras")
    return {"dialogue": dialogue, "waiting": waiting, "theirs": theirs}


def fields_of(key):
    return [field.name for field in next(d for d in datasets() if d.key == key).fields]


def test_an_evaluated_dialogue_is_a_row_with_its_answers_and_counts(client, municipality, evaluated):
    rows = results_of(client, municipality, "evaluations")
    assert [row["title"] for row in rows] == ["Parken"]
    (row,) = rows
    assert list(row) == fields_of("evaluations")
    assert row["id"] == row["dialogue_id"] == evaluated["dialogue"].pk
    assert (row["purpose_achieved"], row["methods_right"]) == ("yes", "partly")
    assert row["methods_comment"] == "Fel tid på dygnet." and row["participants_summary"] == "Bra möten."
    assert (row["target_groups_reached"], row["target_groups_partly_reached"], row["target_groups_not_reached"]) == (
        1,
        0,
        1,
    )
    assert row["year"] == 2026 and row["body"] == "Kommunfullmäktige"
    assert row["lessons"] == "Dialogen nådde många unga."
    assert row["url"] == f"http://testserver{evaluated['dialogue'].get_absolute_url()}"
    assert client.get(detail_url(municipality, "evaluations", row["id"])).json() == row


def test_each_target_group_is_a_row(client, municipality, evaluated):
    rows = results_of(client, municipality, "evaluation-target-groups")
    assert [(row["target_group"], row["reached"], row["comment"]) for row in rows] == [
        ("Alla invånare", "reached", ""),
        ("Unga", "not_reached", "Få kom."),
    ]
    assert all(list(row) == fields_of("evaluation-target-groups") for row in rows)
    assert {row["dialogue_id"] for row in rows} == {evaluated["dialogue"].pk}
    filtered = results_of(client, municipality, "evaluation-target-groups", reached="not_reached")
    assert [row["target_group"] for row in filtered] == ["Unga"]


def test_filters(client, municipality, evaluated):
    pk = evaluated["dialogue"].pk
    assert len(results_of(client, municipality, "evaluations", year=2026)) == 1
    assert results_of(client, municipality, "evaluations", year=2025) == []
    assert results_of(client, municipality, "evaluations", purpose_achieved="no") == []
    assert len(results_of(client, municipality, "evaluations", dialogue=pk)) == 1
    assert client.get(list_url(municipality, "evaluations", purpose_achieved="kanske")).status_code == 400


def test_not_evaluated_and_other_municipalities_are_left_out(client, municipality, evaluated):
    for key in ("evaluations", "evaluation-target-groups"):
        ids = {row["dialogue_id"] for row in results_of(client, municipality, key)}
        assert evaluated["waiting"].pk not in ids and evaluated["theirs"].pk not in ids
    assert client.get(detail_url(municipality, "evaluations", evaluated["theirs"].pk)).status_code == 404
    assert client.get(detail_url(municipality, "evaluations", evaluated["waiting"].pk)).status_code == 404


def test_csv_matches_json(client, municipality, evaluated):
    for key in ("evaluations", "evaluation-target-groups"):
        header, *rows = csv_rows(client.get(csv_url(municipality, key)))
        assert header == fields_of(key)
        assert len(rows) == len(results_of(client, municipality, key))
