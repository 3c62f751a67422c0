"""The fault test's accounting, without a server: what counts as lost, doubled, or a 500 for a stored signature."""

from bench.faults import Tally, failures, figures_of
from bench.load import Signers


def tallied(acknowledged=(), got_500=(), tried=(0, 1, 2, 3)):
    tally = Tally()
    tally.tried.update(tried)
    tally.acknowledged.update(acknowledged)
    tally.got_500.update(got_500)
    tally.seconds = 1.0
    return tally


def figures(tally, stored, cases=0):
    signers = Signers("p-", 0.0)
    return figures_of(tally, signers, stored, 0, cases, [], "", None)


def test_every_acknowledged_signature_stored_once_passes():
    found = figures(tallied(acknowledged=(0, 1)), {"p-0@d0.bench.example": 1, "p-1@d1.bench.example": 1})
    assert (found["acknowledged"], found["stored"], found["lost"], found["duplicates"]) == (2, 2, 0, 0)
    assert failures(found, identified=False) == []


def test_a_missing_a_doubled_and_a_500_for_a_stored_signature_fail():
    stored = {"p-1@d1.bench.example": 2, "p-2@d2.bench.example": 1}
    found = figures(tallied(acknowledged=(0, 1), got_500=(2, 3)), stored)
    assert (found["lost"], found["duplicates"], found["500_for_a_stored_signature"]) == (1, 1, 1)
    assert found["stored_not_acknowledged"] == 1
    assert len(failures(found, identified=False)) == 3


def test_logged_in_runs_need_exactly_one_case():
    found = figures(tallied(), {}, cases=0)
    assert failures(found, identified=True) == ["0 cases instead of 1"]
