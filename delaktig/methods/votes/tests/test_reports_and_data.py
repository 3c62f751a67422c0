"""What the rest of the platform reads of a vote: nothing of the results before it closes (decision basis, yearly
report, open data), the count per alternative after; personal data and erasure keep the count."""

import pytest
from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory

from ..manifest import manifest
from ..models import Ballot
from ..opendata import RESULTS, VOTES
from .factories import cast, close

pytestmark = pytest.mark.django_db


def test_nothing_of_the_results_before_the_vote_closes_and_the_counts_after(module, vote, ids, municipality):
    for choice in (ids[0], ids[0], ids[1]):
        cast(vote, UserFactory(), [choice])
    tables = manifest.decision_basis_tables(module)
    assert len(tables) == 1 and tables[0].headers == ("Röster på webben", "Röster på papper")
    assert tables[0].rows == ((3, 0),)
    assert manifest.report_section(municipality, timezone.now().year) is None
    assert VOTES.rows(municipality, {}).count() == 0 and RESULTS.rows(municipality, {}).count() == 0
    close(module)
    module.refresh_from_db()
    (table,) = manifest.decision_basis_tables(module)
    assert table.rows[:2] == (("Ljusets bro", 2, "Ja"), ("Älvens röst", 1, ""))
    section = manifest.report_section(municipality, timezone.now().year)
    assert section.tables[0].rows[0][2:] == (3, 0)
    assert VOTES.to_row(VOTES.rows(municipality, {}).get())["ballots"] == 3
    rows = [RESULTS.to_row(alternative) for alternative in RESULTS.rows(municipality, {})]
    assert [(row["alternative"], row["count"], row["winner"]) for row in rows][:2] == [
        ("Ljusets bro", 2, True),
        ("Älvens röst", 1, False),
    ]


def test_personal_data_and_erasure_keep_the_ballot_counted(vote, ids, resident):
    cast(vote, resident, [ids[2]], age_band="30_44")
    (row,) = manifest.personal_data(resident)
    assert row["ballot"] == "Mötet" and row["reference"].startswith("OMR-")
    assert manifest.erase(resident) == 1
    assert manifest.personal_data(resident) == []
    ballot = Ballot.objects.get()
    assert ballot.voter is None and ballot.choices == [ids[2]]
