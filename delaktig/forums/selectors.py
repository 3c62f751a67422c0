"""Reads of the standing forums. Every lookup goes through the municipality, so another municipality's id is 404."""

import datetime

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from delaktig.organisations.models import Municipality

from .models import Consultation, Forum, ForumMeeting, ForumMember, MemberRole, Statement


def forums_of(municipality: Municipality) -> QuerySet[Forum]:
    return Forum.objects.filter(municipality=municipality).select_related("body")


def forum_get(*, municipality: Municipality, pk: int) -> Forum:
    return get_object_or_404(forums_of(municipality).select_related("municipality"), pk=pk)


def member_get(*, forum: Forum, pk: int) -> ForumMember:
    return get_object_or_404(ForumMember, forum=forum, pk=pk)


def meeting_get(*, forum: Forum, pk: int) -> ForumMeeting:
    return get_object_or_404(ForumMeeting, forum=forum, pk=pk)


def consultation_get(*, forum: Forum, pk: int) -> Consultation:
    return get_object_or_404(Consultation.objects.select_related("deciding_body"), forum=forum, pk=pk)


def statement_get(*, consultation: Consultation, pk: int) -> Statement:
    return get_object_or_404(Statement, consultation=consultation, pk=pk)


def members_serving(forum: Forum, day: datetime.date) -> QuerySet[ForumMember]:
    """The members whose term covers `day`, chair first."""
    serving = forum.members.filter(Q(term_end__isnull=True) | Q(term_end__gte=day), term_start__lte=day)
    rank = Case(
        *(When(role=role, then=Value(index)) for index, role in enumerate(MemberRole.values)),
        output_field=IntegerField(),
    )
    return serving.order_by(rank, "name", "id")


def same_person(name: str) -> str:
    """Names compared as people read them: case and extra spaces do not make another person."""
    return " ".join(name.split()).casefold()


def overlapping_terms(
    forum: Forum, *, name: str, start: datetime.date, end: datetime.date | None, exclude_pk: int | None = None
) -> list[ForumMember]:
    """The same person's other appointments in the forum whose term overlaps start–end (None: open-ended)."""
    others = forum.members.filter(Q(term_end__isnull=True) | Q(term_end__gte=start))
    if end is not None:
        others = others.filter(term_start__lte=end)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    return [member for member in others if same_person(member.name) == same_person(name)]


def meetings_of(forum: Forum) -> QuerySet[ForumMeeting]:
    return forum.meetings.all()


def consultations_of(forum: Forum) -> QuerySet[Consultation]:
    """The matters, newest first, each with its statements and the meeting that adopted them."""
    statements = Prefetch("statements", queryset=Statement.objects.select_related("meeting"))
    return forum.consultations.select_related("deciding_body").prefetch_related(statements)


def statements_of(municipality: Municipality) -> QuerySet[Statement]:
    """Every statement of the municipality's forums, newest first (what a dialogue's module may pick from)."""
    found = Statement.objects.filter(consultation__forum__municipality=municipality)
    return found.select_related("consultation__forum").order_by("-given_on", "-id")
