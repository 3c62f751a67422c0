"""The deadline: until the end of the day (Stockholm) deadline_days before the meeting's local date."""

import datetime

import pytest

from delaktig.council.models import QuestionTimeSettings
from delaktig.council.selectors import last_day_for_questions, open_for_questions, questions_close_at

from .factories import MeetingFactory, local

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def rules(days=10):
    return QuestionTimeSettings(deadline_days=days)


def test_questions_are_taken_until_midnight_ten_days_before(municipality):
    meeting = MeetingFactory(municipality=municipality, starts_at=local(2026, 6, 15, 18, 0))
    assert last_day_for_questions(meeting, rules()) == datetime.date(2026, 6, 5)
    assert questions_close_at(meeting, rules()) == local(2026, 6, 6, 0, 0)
    assert open_for_questions(meeting, rules(), now=local(2026, 6, 5, 23, 59, 59))
    assert not open_for_questions(meeting, rules(), now=local(2026, 6, 6, 0, 0))


def test_a_meeting_at_0230_on_the_last_sunday_of_october(municipality):
    """02:30 happens twice that night; either way the meeting's local date is 25 October."""
    first = local(2026, 10, 25, 2, 30)  # fold=0: summer time, 00:30 UTC
    second = first.replace(fold=1)  # winter time, 01:30 UTC
    for starts_at in (first, second):
        meeting = MeetingFactory(municipality=municipality, starts_at=starts_at)
        assert meeting.local_date() == datetime.date(2026, 10, 25)
        closes = questions_close_at(meeting, rules())
        assert closes.astimezone(UTC) == datetime.datetime(2026, 10, 15, 22, 0, tzinfo=UTC)  # summer time then
        assert open_for_questions(meeting, rules(), now=datetime.datetime(2026, 10, 15, 21, 59, tzinfo=UTC))
        assert not open_for_questions(meeting, rules(), now=datetime.datetime(2026, 10, 15, 22, 0, tzinfo=UTC))
    assert second.astimezone(UTC) - first.astimezone(UTC) == datetime.timedelta(hours=1)


def test_a_last_day_that_has_25_hours(municipality):
    """The last day is the day the clocks go back: it lasts until midnight winter time, 23:00 UTC."""
    meeting = MeetingFactory(municipality=municipality, starts_at=local(2026, 11, 4, 18, 0))
    closes = questions_close_at(meeting, rules())
    assert closes.astimezone(UTC) == datetime.datetime(2026, 10, 25, 23, 0, tzinfo=UTC)
    assert open_for_questions(meeting, rules(), now=datetime.datetime(2026, 10, 25, 22, 30, tzinfo=UTC))


def test_a_last_day_that_has_23_hours(municipality):
    """The day the clocks go forward (29 March 2026) ends at midnight summer time, 22:00 UTC."""
    meeting = MeetingFactory(municipality=municipality, starts_at=local(2026, 4, 8, 18, 0))
    closes = questions_close_at(meeting, rules())
    assert closes.astimezone(UTC) == datetime.datetime(2026, 3, 29, 22, 0, tzinfo=UTC)
    assert not open_for_questions(meeting, rules(), now=datetime.datetime(2026, 3, 29, 22, 0, tzinfo=UTC))


def test_a_meeting_late_in_the_evening_counts_by_its_local_date(municipality):
    """23:30 on 10 December Stockholm time is 22:30 UTC the same day; at 00:30 it would be the 11th locally."""
    meeting = MeetingFactory(municipality=municipality, starts_at=local(2026, 12, 11, 0, 30))
    assert meeting.local_date() == datetime.date(2026, 12, 11)
    assert last_day_for_questions(meeting, rules(0)) == datetime.date(2026, 12, 11)
    assert not open_for_questions(meeting, rules(0), now=local(2026, 12, 11, 0, 30))


def test_no_question_time_or_cancelled_means_closed(municipality):
    meeting = MeetingFactory(municipality=municipality, has_question_time=False)
    assert not open_for_questions(meeting, rules(), now=local(2026, 10, 1, 12, 0))
    meeting.has_question_time, meeting.cancelled_at = True, local(2026, 9, 1, 12, 0)
    assert not open_for_questions(meeting, rules(), now=local(2026, 10, 1, 12, 0))
