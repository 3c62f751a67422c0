"""The lifecycles of a meeting and of a registration, as tables (core/workflow.py takes the steps).

A registration is cancelled by the person (through the link in their e-mail: the pseudo-actor REGISTRANT) or by
staff; a place that frees up goes to the first on the waiting list, a step the system takes.
"""

from operator import attrgetter

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from delaktig.core.workflow import SYSTEM, Lifecycle, Step

from .models import MeetingStatus, RegistrationStatus
from .rules import MANAGERS

REGISTRANT = "registrant"  # whoever holds the registration's link; the audit event names nobody


def reason_given(meeting, note):
    return [] if note.strip() else [_("Write why the meeting is cancelled. Everyone registered reads it.")]


def not_begun(meeting, note):
    return [_("The meeting has already begun or taken place.")] if meeting.has_begun() else []


def keep_reason(meeting, move):
    meeting.change_reason = move.note.strip()


MEETING_TRANSITIONS = {
    (MeetingStatus.SCHEDULED, MeetingStatus.CANCELLED): Step(
        name="cancel",
        label=_("Cancel the meeting"),
        actors=MANAGERS,
        guards=(reason_given, not_begun),
        effects=(keep_reason,),
    ),
}

MEETING = Lifecycle(
    table=MEETING_TRANSITIONS,
    action_prefix="dialogue_meetings.meeting",
    state_field="status",
    not_possible=_("This is not possible when the meeting is “%(status)s”."),
    role_refused=_("Your role does not allow this step."),
    municipality=attrgetter("municipality"),
)


def stamp_cancelled(registration, move):
    registration.cancelled_at = timezone.now()


def stamp_promoted(registration, move):
    registration.promoted_at = timezone.now()


CANCEL = Step(
    name="cancel",
    label=_("Cancel the registration"),
    actors=frozenset({REGISTRANT, *MANAGERS}),
    effects=(stamp_cancelled,),
)

REGISTRATION_TRANSITIONS = {
    (RegistrationStatus.REGISTERED, RegistrationStatus.CANCELLED): CANCEL,
    (RegistrationStatus.WAITING, RegistrationStatus.CANCELLED): CANCEL,
    (RegistrationStatus.WAITING, RegistrationStatus.REGISTERED): Step(
        name="promote",
        label=_("Give the place to the first on the waiting list"),
        actors=frozenset({SYSTEM}),
        effects=(stamp_promoted,),
    ),
}

REGISTRATION = Lifecycle(
    table=REGISTRATION_TRANSITIONS,
    action_prefix="dialogue_meetings.registration",
    state_field="status",
    not_possible=_("This is not possible when the registration is “%(status)s”."),
    role_refused=_("Only the person registered or staff can cancel a registration."),
    municipality=attrgetter("municipality"),
    pseudo_actors={REGISTRANT: lambda who, registration: who == REGISTRANT},
)
