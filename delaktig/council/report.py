"""Question time in figures, per body and year: the yearly report's section (hook `yearly_report_sections`) and
the council's yearly overview (hook `council_overview_sections` of dialogues).

What counts in a year: the questions sent in that year (Stockholm time). Of those: how many the presidium approved
(approved or answered now), refused, the asker withdrew, and how many are answered. Days to answer run from the
day the question was sent to the day it was answered (the meeting's day, as recorded).
"""

import statistics

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from delaktig.core import hookspecs as core_hooks
from delaktig.core.contributions import ReportSection, Table
from delaktig.dialogues import hookspecs as dialogue_hooks

from .models import Question, Status

ORDER = 65
APPROVED = (Status.APPROVED, Status.ANSWERED)


def figures(municipality, year):
    """[(body name, asked, approved, refused, withdrawn, closed as the meeting was cancelled, answered, median days,
    mean days)], one row per body with questions that year, then the total."""
    questions = (
        Question.objects.filter(municipality=municipality, submitted_at__year=year)
        .select_related("meeting__body")
        .order_by("meeting__body__name", "id")
    )
    by_body = {}
    for question in questions:
        by_body.setdefault(question.meeting.body.name, []).append(question)
    rows = [_row(name, asked) for name, asked in by_body.items()]
    if len(rows) != 1:
        rows.append(
            _row(pgettext("council", "All bodies"), [question for asked in by_body.values() for question in asked])
        )
    return rows


def _row(name, asked):
    statuses = [question.status for question in asked]
    days = [days for days in map(days_to_answer, asked) if days is not None]
    return (
        name,
        len(asked),
        sum(status in APPROVED for status in statuses),
        statuses.count(Status.REFUSED),
        statuses.count(Status.WITHDRAWN),
        statuses.count(Status.MEETING_CANCELLED),
        statuses.count(Status.ANSWERED),
        statistics.median(days) if days else None,
        round(statistics.mean(days), 1) if days else None,
    )


def days_to_answer(question):
    """Days from the day it was sent (Stockholm) to the day it was answered; None if not answered."""
    if question.status != Status.ANSWERED or question.answered_on is None:
        return None
    days = (question.answered_on - timezone.localdate(question.submitted_at)).days
    return days if days >= 0 else None


def figures_table(municipality, year):
    headers = (
        _("Body"),
        _("Questions asked"),
        pgettext("questions", "Approved"),
        pgettext("questions", "Not approved"),
        pgettext("questions", "Withdrawn"),
        pgettext("questions", "Meeting cancelled"),
        pgettext("questions", "Answered"),
        _("Median number of days to answer"),
        _("Mean number of days to answer"),
    )
    caption = _("Public question time %(year)s") % {"year": year}
    return Table(caption, headers, tuple(figures(municipality, year)), "question-time")


def question_time_section(municipality, year):
    return ReportSection(
        key="question_time",
        title=_("Public question time"),
        order=ORDER,
        paragraphs=(
            _(
                "Questions residents sent in during the year for the public question time of a political body. "
                "Approved: the presidium let the question be asked and it is still to be answered or answered. "
                "Meeting cancelled: the meeting was cancelled before the question was answered. Days to answer count "
                "from the day the question was sent to the day it was answered at the meeting."
            ),
        ),
        tables=(figures_table(municipality, year),),
    )


@core_hooks.yearly_report_sections.register
def question_time_report_sections(municipality, year):
    return [question_time_section(municipality, year)]


@dialogue_hooks.council_overview_sections.register
def question_time_overview_sections(municipality, year):
    return [question_time_section(municipality, year)]
