"""The registered activities as open data: exactly the dataset's fields, never the contact."""

import pytest

from delaktig.opendata.selectors import datasets

from .factories import ActivityFactory

pytestmark = pytest.mark.django_db


def test_registered_activities_are_open_data_without_the_contact(client, municipality, other_municipality):
    dataset = next(d for d in datasets() if d.key == "baseline-activities")
    ActivityFactory(municipality=municipality, year=2025, name="Ungdomsrådet", contact="Lisa Lund, 070-123 45 67")
    ActivityFactory(municipality=municipality, year=2026, ladder_level="influence")
    ActivityFactory(municipality=other_municipality, year=2026)
    body = client.get(f"/{municipality.slug}/api/v1/baseline-activities/").json()
    rows = body["results"]
    assert len(rows) == 2 and all(list(row) == [field.name for field in dataset.fields] for row in rows)
    assert rows[0]["name"] == "Ungdomsrådet" and rows[0]["body"] is None and "Lisa Lund" not in str(body)
    filtered = client.get(f"/{municipality.slug}/api/v1/baseline-activities/?year=2026&ladder_level=influence")
    assert [row["year"] for row in filtered.json()["results"]] == [2026]
    detail = client.get(f"/{municipality.slug}/api/v1/baseline-activities/{rows[0]['id']}/").json()
    assert detail == rows[0]
