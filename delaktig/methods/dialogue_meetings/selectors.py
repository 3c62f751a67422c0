"""Reads for dialogue meetings: the manifest's callables and the lists the pages show, with no query per row."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, Max, Q, QuerySet, Sum, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from delaktig.core.templatetags.delaktig import human_datetime
from delaktig.mailings.models import Mailing
from delaktig.participation.demographics import AgeBand, Gender, suppress_counts
from delaktig.participation.models import Phase
from delaktig.participation.registry import InputRecord

from .about import METHOD_KEY
from .models import ACTIVE, LINE_ORDER, Meeting, MeetingStatus, Registration, RegistrationStatus, Statement
from .services import confirmed_address, registration_cancel

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from delaktig.accounts.models import User
    from delaktig.participation.models import Module

EXPORT_COLUMNS = ["id", "meeting", "meeting_date", "group", "title", "text", "channel", "received_on", "created"]


def with_counts(qs: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Meetings with registered_count, waiting_count and statement_count, in the same query."""
    return qs.annotate(
        registered_count=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED), distinct=True
        ),
        waiting_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING), distinct=True),
        statement_count=Count("statements", distinct=True),
    )


def meetings_of(module: Module) -> list[Meeting]:
    meetings = list(with_counts(Meeting.objects.filter(module=module)).order_by("starts_at", "id"))
    for meeting in meetings:
        meeting.module = module
    return meetings


def meetings_split(module: Module, now: Any = None) -> tuple[list[Meeting], list[Meeting]]:
    """(coming, past): coming in time order, past with the latest first."""
    now = now or timezone.now()
    meetings = meetings_of(module)
    coming = [meeting for meeting in meetings if meeting.ends_at > now]
    past = [meeting for meeting in reversed(meetings) if meeting.ends_at <= now]
    return coming, past


def meeting_get(module: Module, pk: int) -> Meeting | None:
    meeting = with_counts(Meeting.objects.filter(module=module, pk=pk)).first()
    if meeting is not None:
        meeting.module = module
    return meeting


def dialogue_closes(module: Module) -> datetime.datetime | None:
    """When the dialogue's last phase ends (of any of its ways to take part): a meeting must be over by then. Before
    any phase is planned, 23.59 on the dialogue's closing day (as the loader plans phases); None when neither is
    known."""
    last = Phase.objects.filter(module__dialogue_id=module.dialogue_id).aggregate(last=Max("ends_at"))["last"]
    if last is not None:
        return last
    closing_day = module.dialogue.ends_on
    if closing_day is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(closing_day, datetime.time(23, 59)))


def places_left(meeting: Meeting) -> int | None:
    """None when the meeting has no limit; reads registered_count when annotated."""
    if meeting.capacity is None:
        return None
    taken = getattr(meeting, "registered_count", None)
    if taken is None:
        taken = meeting.registrations.filter(status=RegistrationStatus.REGISTERED).count()
    return max(meeting.capacity - taken, 0)


def meeting_mailings(meeting: Meeting) -> list[Mailing]:
    """The e-mails to everyone registered about a move or a cancellation, newest first."""
    kind = ContentType.objects.get_for_model(Meeting)
    return list(Mailing.objects.filter(target_type=kind, target_id=meeting.pk).order_by("-created_at", "-id"))


def recipients_count(meeting: Meeting) -> int:
    """How many are registered or waiting: the people a move or a cancellation is mailed to."""
    return meeting.registrations.filter(status__in=ACTIVE).count()


def attendance(meeting: Meeting) -> dict[str, list[Registration]]:
    """The attendance list: registered, waiting (in line order) and cancelled."""
    groups: dict[str, list[Registration]] = {status: [] for status in RegistrationStatus.values}
    for registration in meeting.registrations.select_related("user").order_by(*LINE_ORDER):
        groups[registration.status].append(registration)
    return groups


def present_breakdown(meeting: Meeting) -> dict[str, list[tuple[str, Any]]]:
    """The people counted in the room by age and by gender, with small groups hidden as in every figure of people
    (participation.demographics); only what staff counted."""
    shown: dict[str, list[tuple[str, Any]]] = {}
    present = meeting.present_count or 0
    for key, choices, counted in (
        ("age", AgeBand.choices, meeting.present_by_age),
        ("gender", Gender.choices, meeting.present_by_gender),
    ):
        if not counted or not present:
            continue
        counts = [int(counted.get(value, 0)) for value, _label in choices]
        labels = [str(label) for _value, label in choices] + [gettext("Not counted")]
        cells = suppress_counts([*counts, max(present - sum(counts), 0)])
        shown[key] = [(label, cell.shown()) for label, cell in zip(labels, cells, strict=True)]
    return shown


def needs_counted(registered: list[Registration]) -> dict[str, int]:
    """How many of those with a place asked for an interpreter, special food or other help: what to arrange."""
    return {
        "interpretation": sum(1 for r in registered if r.interpretation),
        "diet": sum(1 for r in registered if r.diet),
        "assistance": sum(1 for r in registered if r.assistance),
    }


def statements_of(meeting: Meeting) -> list[Statement]:
    return list(meeting.statements.select_related("entered_by").order_by("group", "created_at", "id"))


def module_summary(module: Module) -> dict[str, Any]:
    """The running phase and the next meetings, for the dialogue page (at most two queries)."""
    now = timezone.now()
    coming = Meeting.objects.filter(module=module, ends_at__gt=now, status=MeetingStatus.SCHEDULED)
    return {"phase": module.active_phase(), "coming": list(coming.order_by("starts_at", "id")[:3])}


# The manifest's callables


def stats(module: Module) -> dict[str, int]:
    meetings = Meeting.objects.filter(module=module)
    registrations = Registration.objects.filter(meeting__module=module)
    return {
        "meetings": meetings.exclude(status=MeetingStatus.CANCELLED).count(),
        "registered": registrations.filter(status=RegistrationStatus.REGISTERED).count(),
        "waiting": registrations.filter(status=RegistrationStatus.WAITING).count(),
        "present": meetings.aggregate(n=Sum("present_count"))["n"] or 0,
        "statements": Statement.objects.filter(module=module).count(),
    }


def people_counted(module: Module) -> int:
    """The people staff counted in the room at the module's meetings."""
    return Meeting.objects.filter(module=module).aggregate(n=Sum("present_count"))["n"] or 0


def participant_ids(module: Module) -> set[int]:
    """People with an account who registered (and did not cancel)."""
    rows = Registration.objects.filter(meeting__module=module, status__in=ACTIVE, user__isnull=False)
    return set(rows.values_list("user_id", flat=True))


def export_rows(module: Module) -> list[dict[str, Any]]:
    """One row per statement. No names: what was said is what counts."""
    statements = Statement.objects.filter(module=module).select_related("meeting").order_by("created_at", "id")
    return [
        {
            "id": statement.pk,
            "meeting": statement.meeting.title if statement.meeting else statement.occasion_label,
            "meeting_date": timezone.localdate(statement.meeting.starts_at).isoformat() if statement.meeting else "",
            "group": statement.group,
            "title": statement.title,
            "text": statement.text,
            "channel": statement.channel,
            "received_on": statement.received_on.isoformat() if statement.received_on else "",
            "created": timezone.localtime(statement.created_at).isoformat(timespec="seconds"),
        }
        for statement in statements
    ]


def _of_person(user: User) -> Q:
    """Registrations made with the account, or without an account but with its address once the account has shown
    the address is its own (confirmed): an account anyone can open with someone else's address sees nothing of
    theirs."""
    mine = Q(user=user)
    if address := confirmed_address(user):
        mine |= Q(user__isnull=True, email_key=address)
    return mine


def own_registration(meeting: Meeting, user: User | AnonymousUser) -> Registration | None:
    """The logged-in person's registration for `meeting` (with a place or waiting), or None."""
    if not user.is_authenticated:
        return None
    registration = meeting.registrations.filter(_of_person(user), status__in=ACTIVE).order_by(*LINE_ORDER).first()
    if registration is not None:
        registration.meeting = meeting
    return registration


def personal_data(user: User) -> list[dict[str, Any]]:
    """The person's registrations (with an account, or made with the account's address), for "my data"."""
    rows = Registration.objects.filter(_of_person(user)).select_related("meeting__module__dialogue__municipality")
    return [
        {
            "type": "dialogue_meetings.registration",
            "reference": registration.reference,
            "title": f"{registration.meeting.title}, {human_datetime(registration.meeting.starts_at)}",
            "status_text": str(RegistrationStatus(registration.status).label),
            "url": registration.get_absolute_url(),
            "dialogue": registration.meeting.module.dialogue.title,
            "meeting": registration.meeting.title,
            "starts": registration.meeting.starts_at.isoformat(),
            "name_given": registration.name,
            "email_given": registration.email,
            "interpretation": registration.interpretation,
            "diet": registration.diet,
            "assistance": registration.assistance,
            "wants_updates": registration.wants_updates,
            "status": registration.status,
            "created": registration.created_at.isoformat(),
        }
        for registration in rows.order_by("created_at", "id")
    ]


def erase(user: User) -> int:
    """Remove the person from their registrations. A place at a coming meeting is given up (and goes to the first
    on the waiting list); the rows stay, without anything about the person, so the counts stay true."""
    mine = Registration.objects.filter(_of_person(user))
    coming = mine.filter(status__in=ACTIVE, meeting__starts_at__gt=timezone.now())
    for registration in coming.select_related("meeting"):
        registration_cancel(registration=registration)
    return Registration.objects.filter(pk__in=list(mine.values_list("pk", flat=True))).update(
        user=None,
        name="",
        email="",
        email_key=Concat(Value("erased-"), Cast("id", CharField())),
        interpretation="",
        diet="",
        assistance="",
        cancel_reason="",
        wants_updates=False,
    )


def input_rows(module: Module) -> QuerySet[Statement]:
    """The same inputs as `inputs`, for the results workspace to filter, count and page in the database."""
    return Statement.objects.filter(module=module)


def inputs(module: Module, ids: Any = None) -> list[InputRecord]:
    """Every statement of the module (with `ids`, only those), as inputs beside the ones given online."""
    qs = input_rows(module).select_related("meeting").order_by("created_at", "id")
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    slug = module.dialogue.municipality.slug
    return [_record(slug, module, statement) for statement in qs]


def _record(slug: str, module: Module, statement: Statement) -> InputRecord:
    if statement.meeting_id:
        args = [slug, module.dialogue_id, module.pk, statement.meeting_id, statement.pk]
        staff_url = reverse("dialogue_meetings_staff:statement", args=args)
    else:
        staff_url = reverse("dialogue_meetings_staff:index", args=[slug, module.dialogue_id, module.pk])
    text = f"{statement.group}: {statement.text}" if statement.group else statement.text
    return InputRecord(
        ref=f"{METHOD_KEY}:{statement.pk}",
        module_id=module.pk,
        method=METHOD_KEY,
        title=statement.title,
        text=text,
        channel=statement.channel,
        created_at=statement.created_at,
        author_shown=statement.speaker_name,
        staff_url=staff_url,
        received_on=received_on(statement),
    )


def received_on(statement: Statement) -> datetime.date | None:
    """The day it came in: the date entered, else the day of its meeting (what was said there came in then)."""
    if statement.received_on is not None:
        return statement.received_on
    return timezone.localdate(statement.meeting.starts_at) if statement.meeting is not None else None


def input_channels(module: Module) -> dict[str, int]:
    rows = Statement.objects.filter(module=module).order_by().values_list("channel").annotate(n=Count("id"))
    return dict(rows)


def update_recipients(module: Module) -> list[tuple[str, str]]:
    """(email, name) of everyone registered who asked to hear what happens, each address once."""
    rows = Registration.objects.filter(meeting__module=module, wants_updates=True).exclude(
        status=RegistrationStatus.CANCELLED
    )
    seen: set[str] = set()
    result = []
    for email, name in rows.order_by("created_at", "id").values_list("email", "name"):
        if email and email.lower() not in seen:
            seen.add(email.lower())
            result.append((email, name))
    return result


def participant_addresses(module: Module) -> list[tuple[str, str]]:
    """(email, name) of everyone who registered for a meeting of the module and did not cancel (waiting list
    included), each address once; a meeting that was cancelled had no participants. Statements keep no address, and
    erasure empties the address of a registration."""
    rows = (
        Registration.objects.filter(meeting__module=module)
        .exclude(status=RegistrationStatus.CANCELLED)
        .exclude(meeting__status=MeetingStatus.CANCELLED)
        .exclude(email="")
    )
    seen: set[str] = set()
    result = []
    for email, name in rows.order_by("created_at", "id").values_list("email", "name"):
        if email.lower() not in seen:
            seen.add(email.lower())
            result.append((email, name))
    return result


def public_names_hide(module: Module) -> int:
    """The dialogue's setting became stricter: what was said is shown without a name."""
    return Statement.objects.filter(module=module).exclude(speaker_name="").update(speaker_name="")
