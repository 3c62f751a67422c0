"""The figures of a constructed year: dialogues in several states, years and bodies; information kept apart."""

import datetime

import pytest
import time_machine

from delaktig.core import hookspecs as core_hooks
from delaktig.core.contributions import ReportSection
from delaktig.reports import selectors

from .support import NOW, YEAR, as_dict, constructed_year, method_registered, section, table

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def midsummer():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def method():
    with method_registered() as manifest:
        yield manifest


@pytest.fixture
def report(municipality, other_municipality, method):
    constructed_year(municipality, other_municipality)
    return selectors.yearly_report(municipality, YEAR)


def test_core_sections_come_first_in_their_order(report):
    keys = [s.key for s in report.sections]
    assert keys[:8] == [
        "summary", "resolution", "body-kind", "ladder", "planned-held", "participation", "feedback", "principles",
    ]  # fmt: skip
    assert keys[-1] == "action-points"  # the democracy officer's action points close the report
    assert keys.index("proposals") < keys.index("report_test_method")  # contributed: by order (60, 70)


def test_dialogues_by_body_and_kind_leave_out_cancelled_other_years_and_other_municipalities(report):
    rows = as_dict(table(section(report, "body-kind"), "body-kind"))
    assert rows == {
        "Kommunfullmäktige": (2, 0, 1),
        "Kommunstyrelsen": (0, 1, 0),
        "Kultur- och fritidsnämnden": (2, 0, 0),
    }


def test_information_activities_are_a_separate_line_never_counted_as_dialogues(report):
    kinds = table(section(report, "body-kind"), "kind").rows
    assert kinds[2][1] == 5  # dialogues in total: 4 citizen + 1 user
    assert kinds[3][1] == 1 and "information" in kinds[3][0].lower()
    summary = as_dict(table(section(report, "summary"), "summary"))
    assert summary["Dialoger"] == (5,)


def test_ladder_levels_use_the_profile_wording(report):
    rows = as_dict(table(section(report, "ladder"), "ladder"))
    assert rows["Dialog"] == (5, 0)
    assert rows["Information"] == (0, 1)


def test_planned_and_held_per_board(report):
    rows = as_dict(table(section(report, "planned-held"), "planned-held"))
    assert rows == {"Kommunfullmäktige": (2, 2), "Kommunstyrelsen": (1, 1), "Kultur- och fritidsnämnden": (2, 1)}
    assert section(report, "planned-held").paragraphs[1] == "Totalt planerades 5 och genomfördes 4."


def test_participation_per_dialogue_and_in_total(report):
    participation = section(report, "participation")
    per_dialogue = {row[0]: row[1:] for row in table(participation, "participation").rows}
    assert per_dialogue["Parken"] == (3, 7, 5, 12, None)
    assert per_dialogue["Skolmaten"] == (2, 4, 0, 4, 30)
    assert "Förra" not in per_dialogue and "Någon annanstans" not in per_dialogue
    totals = [row[1] for row in table(participation, "participation-total").rows]
    assert totals == [4, 11, 5]  # person 3 took part in two dialogues and counts once


def test_feedback_on_time_late_and_still_overdue(report):
    feedback = section(report, "feedback")
    assert [row[1] for row in table(feedback, "feedback").rows] == [1, 1, 1, 0]
    overdue = table(feedback, "feedback-overdue")
    assert overdue.rows == (("Badet", datetime.date(YEAR, 5, 1), 45),)
    assert overdue.tone == "warning"


def test_the_summary_says_it_in_words(report):
    words = " ".join(section(report, "summary").paragraphs)
    assert "5 dialoger" in words and "1 informationsinsats" in words


def test_a_year_without_anything_still_gives_every_core_section(municipality):
    report = selectors.yearly_report(municipality, 1999)
    assert [s.key for s in report.sections][:8] == [
        "summary", "resolution", "body-kind", "ladder", "planned-held", "participation", "feedback", "principles",
    ]  # fmt: skip
    assert report.sections[-1].key == "action-points"


def test_contributed_sections_from_hooks_and_registry_sorted_by_order_then_title(municipality, method):
    def early(municipality, year):
        return [ReportSection(key="b", title="Bbb", order=60), ReportSection(key="a", title="Ööö", order=200)]

    with core_hooks.yearly_report_sections.temporarily(early):
        keys = [s.key for s in selectors.contributed_sections(municipality, YEAR)]
    assert keys.index("b") < keys.index("report_test_method") < keys.index("a")


def test_a_broken_contribution_leaves_a_note_instead_of_breaking_the_report(municipality):
    def broken(municipality, year):
        raise RuntimeError("boom")

    with core_hooks.yearly_report_sections.temporarily(broken):
        report = selectors.yearly_report(municipality, YEAR)
    assert any(s.key == "failed" for s in report.sections)


def test_years_to_choose_are_those_with_data_plus_last_and_this_year(municipality, other_municipality, method):
    constructed_year(municipality, other_municipality)
    assert selectors.report_years(municipality) == [YEAR, YEAR - 1]
    assert selectors.default_year() == YEAR - 1


def test_inputs_per_channel_come_from_the_methods_counts_when_it_gives_them():
    from delaktig.participation.registry import InputRecord
    from delaktig.participation.tests.dummy_method import dummy_manifest
    from delaktig.reports.figures import module_channels

    def records(module):
        raise AssertionError("the records are not read when the method counts per channel")

    counted = dummy_manifest(input_channels=lambda module: {"online": 7, "paper": 2, "phone": 0}, inputs=records)
    assert module_channels(counted, None) == {"På webben": 7, "På papper": 2}
    listed = dummy_manifest(inputs=lambda module: [InputRecord("d:1", 1, "d", "T", "", "paper", None)])
    assert module_channels(listed, None) == {"På papper": 1}
