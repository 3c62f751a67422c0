"""The e-petitions and citizen proposals section of the yearly report: what counts in which year."""

import datetime

import pytest
import time_machine

from delaktig.core import hookspecs as core_hooks
from delaktig.core.audit import audit_record
from delaktig.organisations.tests.factories import DecisionFactory
from delaktig.proposals.models import RejectionReason, Route, Status
from delaktig.proposals.report import proposals_report_sections
from delaktig.proposals.tests.factories import ProposalCaseFactory, ProposalFactory

pytestmark = pytest.mark.django_db
YEAR = 2026


def at(month, day, year=YEAR):
    return datetime.datetime(year, month, day, 12, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def autumn():
    with time_machine.travel(at(10, 1), tick=False):
        yield


def epetition(municipality, status, *, sent=None, changed=None, **kwargs):
    return ProposalFactory(
        municipality=municipality,
        route=Route.EPETITION,
        status=status,
        submitted_at=sent or at(2, 1),
        status_changed_at=changed or sent or at(2, 1),
        **kwargs,
    )


def decided_on(municipality, date):
    return DecisionFactory(municipality=municipality, date=date, text="Förslaget bifalls.")


def citizen(municipality, status, *, sent, deadline, **kwargs):
    return ProposalFactory(
        municipality=municipality,
        route=Route.CITIZEN_PROPOSAL,
        status=status,
        submitted_at=sent,
        status_changed_at=sent,
        answer_deadline=deadline,
        **kwargs,
    )


def figures(section, key):
    table = next(t for t in section.tables if t.key == key)
    return [row[1:] if len(row) > 2 else row[1] for row in table.rows]


@pytest.fixture
def section(municipality, other_municipality):
    m = municipality
    reached = epetition(m, Status.RECEIVED)
    audit_record(municipality=m, actor=None, action="proposal.reach_threshold", target=reached)
    decided = epetition(m, Status.DECIDED, decision=decided_on(m, datetime.date(YEAR, 5, 1)))
    ProposalCaseFactory(proposal=decided)
    decided.case.__class__.objects.filter(pk=decided.case.pk).update(created_at=at(3, 1))
    epetition(m, Status.DECIDED, sent=at(1, 5), decision=decided_on(m, datetime.date(YEAR, 2, 4)))  # no case: 30 days
    epetition(m, Status.CLOSED_BELOW_THRESHOLD, changed=at(5, 1))
    epetition(m, Status.WITHDRAWN, changed=at(3, 3))
    epetition(m, Status.REJECTED, rejection_reason=RejectionReason.COMPLAINT)
    epetition(m, Status.REJECTED, rejection_reason=RejectionReason.COMPLAINT)
    epetition(m, Status.REJECTED, rejection_reason=RejectionReason.UNLAWFUL)
    epetition(m, Status.REJECTED, sent=at(6, 1, YEAR - 1), rejection_reason=RejectionReason.UNLAWFUL)  # last year
    epetition(other_municipality, Status.REJECTED, rejection_reason=RejectionReason.UNLAWFUL)
    # Citizen proposals: one answered, one overdue, one not due yet, one overdue but rejected.
    citizen(
        m,
        Status.DECIDED,
        sent=at(1, 10),
        deadline=datetime.date(YEAR + 1, 1, 10),
        decision=decided_on(m, datetime.date(YEAR, 4, 10)),
    )
    citizen(m, Status.IN_PREPARATION, sent=at(3, 1, YEAR - 1), deadline=datetime.date(YEAR, 3, 1))
    citizen(m, Status.RECEIVED, sent=at(3, 1), deadline=datetime.date(YEAR + 1, 3, 1))
    citizen(
        m,
        Status.REJECTED,
        sent=at(1, 1, YEAR - 1),
        deadline=datetime.date(YEAR, 1, 1),
        rejection_reason=RejectionReason.DUPLICATE,
    )
    (section,) = proposals_report_sections(municipality, YEAR)
    return section


def test_e_petitions_of_the_year(section):
    received, reached, answered, closed, withdrawn, rejected = figures(section, "epetitions")
    assert (received, reached, answered, closed, withdrawn, rejected) == (8, 1, 2, 1, 1, 3)


def test_rejections_by_reason(section):
    table = next(t for t in section.tables if t.key == "proposals-rejected")
    by_reason = {row[0]: row[1:] for row in table.rows}
    assert by_reason[str(RejectionReason.COMPLAINT.label)] == (2, 0)
    assert by_reason[str(RejectionReason.UNLAWFUL.label)] == (1, 0)
    assert str(RejectionReason.DUPLICATE.label) not in by_reason  # rejected last year


def test_citizen_proposals_received_answered_and_unfinished_past_the_deadline(section):
    assert figures(section, "citizen") == [2, 1, 1]


def test_median_days_to_answer_from_the_case_else_from_sending(section):
    epetitions, citizens = figures(section, "proposals-days")
    assert epetitions == (2, 45.5)  # 61 days from the case (1 March to 1 May) and 30 days without a case
    assert citizens == (1, 90)


def test_registered_on_the_hook(municipality):
    sections = [s for hook in core_hooks.yearly_report_sections.implementations() for s in hook(municipality, YEAR)]
    assert any(s.key == "proposals" for s in sections)


def test_no_personal_data(section):
    cells = [str(cell) for table in section.tables for row in table.rows for cell in row]
    assert not any("Rut Resident" in cell or "@" in cell for cell in cells)


def test_a_decision_dated_before_the_case_is_left_out_of_the_median(municipality):
    wrong = epetition(municipality, Status.DECIDED, decision=decided_on(municipality, datetime.date(YEAR, 1, 15)))
    ProposalCaseFactory(proposal=wrong)  # the case is created today, after the decision date
    (section,) = proposals_report_sections(municipality, YEAR)
    assert figures(section, "proposals-days")[0] == (1, None)


def test_says_when_a_channel_is_not_offered(municipality):
    from delaktig.proposals.selectors import settings_for

    (section,) = proposals_report_sections(municipality, YEAR)
    assert any("medborgarförslag" in p for p in section.paragraphs[2:])  # citizen proposals are off by default
    rules = settings_for(municipality)
    rules.citizen_proposals_enabled = True
    rules.save()
    (section,) = proposals_report_sections(municipality, YEAR)
    assert section.paragraphs[2:] == ()
