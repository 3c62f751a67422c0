"""The open dataset of the forums' statements: the matter, the statement and what was decided, no member's name."""

import datetime

import pytest

from delaktig.opendata.selectors import datasets

from .factories import ConsultationFactory, ForumFactory, ForumMemberFactory, StatementFactory

pytestmark = pytest.mark.django_db


def rows(client, municipality, **query):
    response = client.get(f"/{municipality.slug}/api/v1/forum-statements/", query)
    assert response.status_code == 200
    return response.json()["results"]


def test_statements_are_open_data_with_what_was_decided(client, municipality, other_municipality):
    youth = ForumFactory(municipality=municipality, name="Ungdomsrådet", kind="youth")
    ForumMemberFactory(forum=youth, name="Wilma Björk")
    matter = ConsultationFactory(
        forum=youth, response="Kåken har öppet längre.", responded_on=datetime.date(2026, 5, 1)
    )
    statement = StatementFactory(consultation=matter)
    StatementFactory(consultation=ConsultationFactory(forum=ForumFactory(municipality=other_municipality)))
    StatementFactory(consultation=ConsultationFactory(forum=ForumFactory(municipality=municipality, kind="diversity")))
    found = rows(client, municipality, kind="youth")
    dataset = next(d for d in datasets() if d.key == "forum-statements")
    assert [row["id"] for row in found] == [statement.pk]
    assert list(found[0]) == [field.name for field in dataset.fields]
    assert found[0]["response"] == "Kåken har öppet längre." and found[0]["decided_on"] == "2026-05-01"
    assert "Wilma" not in str(rows(client, municipality))
    assert len(rows(client, municipality)) == 2
