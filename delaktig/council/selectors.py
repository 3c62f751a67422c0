"""Reading council meetings and questions: the deadline rule, the limits, what is public.

The deadline: questions for a meeting are taken until the end of the day, Stockholm time, `deadline_days` days
before the meeting's local date. The first moment they are refused is midnight that starts the next day, so a
deadline day 25 hours long (the last Sunday of October) or 23 hours long (the last Sunday of March) is a whole
day either way.
"""

from __future__ import annotations

import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from delaktig.core.search import search
from delaktig.core.templatetags.delaktig import human_date
from delaktig.organisations.models import Body, Membership, Role

from .models import COUNTED_STATUSES, PUBLIC_STATUSES, Meeting, Question, QuestionTimeSettings, Status


def zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def settings_for(body: Body) -> QuestionTimeSettings:
    """The body's question-time settings; the defaults (unsaved) until someone saves them."""
    found = QuestionTimeSettings.objects.filter(body=body).first()
    return found if found is not None else QuestionTimeSettings(body=body)


def last_day_for_questions(meeting: Meeting, rules: QuestionTimeSettings) -> datetime.date:
    return meeting.local_date() - datetime.timedelta(days=rules.deadline_days)


def questions_close_at(meeting: Meeting, rules: QuestionTimeSettings) -> datetime.datetime:
    """The first moment a question for `meeting` is refused: midnight after the last day, Stockholm time."""
    after = last_day_for_questions(meeting, rules) + datetime.timedelta(days=1)
    return datetime.datetime.combine(after, datetime.time(0), tzinfo=zone())


def open_for_questions(meeting: Meeting, rules: QuestionTimeSettings, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    return (
        meeting.has_question_time
        and not meeting.is_cancelled
        and meeting.starts_at > now
        and now < questions_close_at(meeting, rules)
    )


def open_meetings(body: Body, now: datetime.datetime | None = None) -> list[Meeting]:
    """The body's coming meetings that still take questions, soonest first."""
    now = now or timezone.now()
    rules = settings_for(body)
    candidates = Meeting.objects.filter(
        body=body, has_question_time=True, cancelled_at__isnull=True, starts_at__gt=now
    ).select_related("body", "municipality")
    return [
        meeting for meeting in candidates if open_for_questions(meeting, rules, now) and not is_full(meeting, rules)
    ]


def is_full(meeting: Meeting, rules: QuestionTimeSettings) -> bool:
    """The meeting has as many questions as it takes (the refused and withdrawn ones do not count)."""
    return counted_questions(meeting).count() >= rules.max_per_meeting


def next_open_meeting(body: Body, now: datetime.datetime | None = None) -> Meeting | None:
    meetings = open_meetings(body, now)
    return meetings[0] if meetings else None


def counted_questions(meeting: Meeting) -> QuerySet[Question]:
    """Questions that count toward the limits: all but the ones not approved."""
    return Question.objects.filter(meeting=meeting, status__in=COUNTED_STATUSES)


def limits_reached(meeting: Meeting, rules: QuestionTimeSettings, asker: Any) -> list[str]:
    """Which limits a new question by `asker` would pass: "meeting", "person" (empty: none)."""
    counted = counted_questions(meeting)
    reached = []
    if counted.count() >= rules.max_per_meeting:
        reached.append("meeting")
    if counted.filter(asker=asker).count() >= rules.max_per_person:
        reached.append("person")
    return reached


def deadline_message(meeting: Meeting, rules: QuestionTimeSettings) -> str:
    if meeting.is_cancelled:
        return pgettext("council", "The meeting is cancelled.")
    if not meeting.has_question_time:
        return _("The meeting has no public question time.")
    return _("Questions for the meeting on %(meeting)s were taken until %(last_day)s.") % {
        "meeting": human_date(meeting.local_date()),
        "last_day": human_date(last_day_for_questions(meeting, rules)),
    }


def question_refusal(
    meeting: Meeting,
    rules: QuestionTimeSettings,
    asker: Any,
    addressee: Membership | None = None,
    now: datetime.datetime | None = None,
) -> tuple[str, str] | None:
    """Why a question by `asker` to `meeting` cannot be taken now: (the form field it concerns, the reason in
    words); None when it can. Past the deadline, a full meeting, the asker's own limit, someone not on the body."""
    if not open_for_questions(meeting, rules, now):
        return "meeting", deadline_message(meeting, rules)
    if addressee is not None and addressee.body_id != meeting.body_id:
        return "addressee", _("Choose someone who sits on the body.")
    reached = limits_reached(meeting, rules, asker)
    if "meeting" in reached:
        message = _("The meeting already has the most questions it takes (%(max)s).")
        return "meeting", message % {"max": rules.max_per_meeting}
    if "person" in reached:
        message = _(
            "You have already asked %(max)s question(s) for this meeting, which is the most one person may ask."
        )
        return "meeting", message % {"max": rules.max_per_person}
    return None


def addressees(body: Body) -> QuerySet[Membership]:
    """The elected officials of the body (and its presidium) a question may be addressed to by name."""
    return (
        Membership.objects.filter(body=body, role__in=(Role.ELECTED_OFFICIAL, Role.PRESIDIUM))
        .select_related("user")
        .order_by("user__name", "id")
    )


def addressee_label(membership: Membership) -> str:
    title = f", {membership.title}" if membership.title else ""
    return f"{membership.user.get_full_name()}{title}"


def bodies_of(municipality: Any) -> QuerySet[Body]:
    return Body.objects.filter(municipality=municipality).order_by("kind", "name")


def body_get(*, municipality: Any, pk: int) -> Body:
    return get_object_or_404(Body, municipality=municipality, pk=pk)


def meeting_get(*, municipality: Any, pk: int, body_id: int | None = None) -> Meeting:
    """The municipality's meeting (of the body, when named); else 404."""
    found = Meeting.objects.select_related("body", "municipality").filter(municipality=municipality)
    return get_object_or_404(found if body_id is None else found.filter(body_id=body_id), pk=pk)


def question_get(*, municipality: Any, pk: int) -> Question:
    return get_object_or_404(
        Question.objects.select_related("meeting__body", "municipality", "asker", "addressee__user"),
        municipality=municipality,
        pk=pk,
    )


def meetings_coming(municipality: Any, body: Body | None = None) -> QuerySet[Meeting]:
    qs = Meeting.objects.filter(municipality=municipality, ends_at__gte=timezone.now())
    if body is not None:
        qs = qs.filter(body=body)
    return qs.select_related("body", "municipality").order_by("starts_at", "id")


def meetings_past(municipality: Any, body: Body | None = None) -> QuerySet[Meeting]:
    qs = Meeting.objects.filter(municipality=municipality, ends_at__lt=timezone.now())
    if body is not None:
        qs = qs.filter(body=body)
    return qs.select_related("body", "municipality").order_by("-starts_at", "-id")


def meetings_for_calendar(body: Body) -> QuerySet[Meeting]:
    """A body's feed: meetings from a year back and every coming one."""
    since = timezone.now() - datetime.timedelta(days=366)
    return Meeting.objects.filter(body=body, starts_at__gte=since).select_related("body", "municipality")


def public_questions(meeting: Meeting) -> QuerySet[Question]:
    return Question.objects.filter(meeting=meeting, status__in=PUBLIC_STATUSES).order_by("submitted_at", "id")


def archive_meetings(municipality: Any) -> QuerySet[Meeting]:
    """Meetings with answered questions, newest first, for the archive's meeting filter."""
    answered = Question.objects.filter(municipality=municipality, status=Status.ANSWERED).values("meeting_id")
    return Meeting.objects.filter(pk__in=answered).select_related("body").order_by("-starts_at", "id")


def archive(
    municipality: Any,
    *,
    query: str = "",
    body: Body | None = None,
    meeting: Meeting | None = None,
    topic: str = "",
) -> QuerySet[Question]:
    """Answered questions, newest meeting first; searched in the question, the answer and who it was to."""
    qs = Question.objects.filter(municipality=municipality, status=Status.ANSWERED).select_related(
        "meeting__body", "municipality"
    )
    if body is not None:
        qs = qs.filter(meeting__body=body)
    if meeting is not None:
        qs = qs.filter(meeting=meeting)
    if topic:
        qs = qs.filter(topic=topic)
    if query.strip():
        qs = search(qs, query, fields=["text", "answer", "addressee_name", "answered_by"], codes=["number"])
    return qs.order_by("-meeting__starts_at", "meeting_id", "submitted_at", "id")


def review_queue(municipality: Any, bodies: QuerySet[Body] | None = None) -> QuerySet[Question]:
    qs = Question.objects.filter(municipality=municipality, status=Status.SUBMITTED)
    if bodies is not None:
        qs = qs.filter(meeting__body__in=bodies)
    return qs.select_related("meeting__body", "municipality").order_by("meeting__starts_at", "submitted_at", "id")


def to_answer(municipality: Any, bodies: QuerySet[Body] | None = None) -> QuerySet[Question]:
    qs = Question.objects.filter(
        municipality=municipality, status=Status.APPROVED, meeting__starts_at__lt=timezone.now()
    )
    if bodies is not None:
        qs = qs.filter(meeting__body__in=bodies)
    return qs.select_related("meeting__body", "municipality").order_by("meeting__starts_at", "submitted_at", "id")


def approved_coming(municipality: Any, bodies: QuerySet[Body] | None = None) -> QuerySet[Question]:
    """Approved questions of meetings that have not begun: the agenda appendix of the coming meetings."""
    qs = Question.objects.filter(
        municipality=municipality, status=Status.APPROVED, meeting__starts_at__gte=timezone.now()
    )
    if bodies is not None:
        qs = qs.filter(meeting__body__in=bodies)
    return qs.select_related("meeting__body", "municipality").order_by("meeting__starts_at", "submitted_at", "id")


def answered_recently(municipality: Any, bodies: QuerySet[Body] | None = None, limit: int = 20) -> list[Question]:
    """The latest answered questions, newest answer first, so an answer can be found again and corrected."""
    qs = Question.objects.filter(municipality=municipality, status=Status.ANSWERED)
    if bodies is not None:
        qs = qs.filter(meeting__body__in=bodies)
    qs = qs.select_related("meeting__body", "municipality").order_by("-answered_on", "-status_changed_at", "-id")
    return list(qs[:limit])


def question_sent_with(user: Any, municipality: Any, submission_key: str) -> Question | None:
    """The question this person already sent with the form that carried `submission_key`, if any."""
    return Question.objects.filter(asker=user, municipality=municipality, submission_key=submission_key).first()


def questions_of(user: Any, municipality: Any) -> QuerySet[Question]:
    return (
        Question.objects.filter(asker=user, municipality=municipality)
        .select_related("meeting__body", "municipality")
        .order_by("-submitted_at", "-id")
    )


def question_counts(meeting_ids: list[int]) -> dict[int, int]:
    rows = (
        Question.objects.filter(meeting_id__in=meeting_ids, status__in=PUBLIC_STATUSES)
        .values("meeting_id")
        .annotate(n=Count("id"))
    )
    return {row["meeting_id"]: row["n"] for row in rows}


def presidium_bodies(user: Any, municipality: Any) -> QuerySet[Body]:
    """The bodies whose presidium `user` sits in."""
    return Body.objects.filter(
        municipality=municipality, memberships__user=user, memberships__role=Role.PRESIDIUM
    ).distinct()


def in_presidium_of(user: Any, body: Body) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Membership.objects.filter(Q(body=body), user=user, role=Role.PRESIDIUM).exists()
