"""Registering for a meeting, the waiting list and cancelling. Each write leaves an audit event in its transaction.

Places are counted with the meeting's row locked (select_for_update), so two people registering at the same moment
never both take the last place on PostgreSQL; the unique constraint on (meeting, address) stops a double
registration on any database.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from delaktig.accounts.models import IdentityLevel
from delaktig.core.audit import audit_record
from delaktig.core.workflow import SYSTEM

from . import workflow
from .models import ACTIVE, LINE_ORDER, Meeting, Registration, RegistrationStatus
from .tasks import registration_mail_task

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from delaktig.accounts.models import User

# The e-mails a registration gets (mail.py); ALREADY answers a second registration with the same address
RECEIPT, PROMOTED, CANCELLED, ALREADY = "receipt", "promoted", "cancelled", "already"


class RegistrationRefused(Exception):
    """Registering is not possible (deadline passed, meeting over or cancelled); the message is for the person."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class AlreadyRegistered(Exception):
    def __init__(self, registration: Registration) -> None:
        self.registration = registration
        super().__init__(registration.reference)


class AlreadyCancelled(Exception):
    pass


def email_key(email: str) -> str:
    return email.strip().lower()


def confirmed_address(user: User | AnonymousUser | None) -> str:
    """The account's address (lower case) once the person has confirmed it, else "". Only then does a registration
    with that address belong to the account: anyone can open an account with someone else's address."""
    if user is None or not user.is_authenticated or not user.email or user.identity_level < IdentityLevel.EMAIL:
        return ""
    return email_key(user.email)


def registration_refusal(meeting: Meeting, now: datetime.datetime | None = None) -> str:
    """Why nobody can register for `meeting` now, in words; "" when they can."""
    now = now or timezone.now()
    if meeting.is_cancelled:
        return _("The meeting is cancelled, so you cannot register for it.")
    if meeting.has_started(now):
        return _("The meeting has already taken place, so you cannot register for it.")
    if now >= meeting.deadline():
        return _("The last day to register has passed. You are still welcome to come if there is room.")
    return ""


def places_taken(meeting: Meeting) -> int:
    return meeting.registrations.filter(status=RegistrationStatus.REGISTERED).count()


def is_full(meeting: Meeting) -> bool:
    return meeting.capacity is not None and places_taken(meeting) >= meeting.capacity


def meeting_register(
    *,
    meeting: Meeting,
    name: str,
    email: str,
    user: User | None = None,
    interpretation: str = "",
    diet: str = "",
    assistance: str = "",
    wants_updates: bool = False,
    now: datetime.datetime | None = None,
) -> Registration:
    """Register for `meeting`: a place if there is one, else a place on the waiting list.

    The registration belongs to `user` only when it is made with the account's confirmed address; with another
    address it is that address's, as if made without logging in. Raises RegistrationRefused (with the reason in
    words) or AlreadyRegistered (with the registration that holds the address). The receipt with the cancellation
    link goes out after commit.
    """
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        refusal = registration_refusal(locked, now)
        if refusal:
            raise RegistrationRefused(refusal)
        key = email_key(email)
        _refuse_twice(locked, key)
        status = RegistrationStatus.WAITING if is_full(locked) else RegistrationStatus.REGISTERED
        values: dict[str, Any] = {
            "interpretation": interpretation.strip(),
            "diet": diet.strip(),
            "assistance": assistance.strip(),
            "wants_updates": wants_updates,
        }
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    meeting=locked,
                    municipality_id=locked.municipality_id,
                    user=user if key and key == confirmed_address(user) else None,
                    name=" ".join(name.split()),
                    email=email.strip(),
                    email_key=key,
                    status=status,
                    language=translation.get_language() or "",
                    **values,
                )
        except IntegrityError:
            _refuse_twice(locked, key)
            raise
        audit_record(
            municipality=locked.municipality,
            actor=registration.user,
            action="dialogue_meetings.register",
            target=registration,
            data={"status": status},
        )
        mail_after_commit(registration, RECEIPT)
    return registration


def _refuse_twice(meeting: Meeting, key: str) -> None:
    existing = meeting.registrations.filter(email_key=key, status__in=ACTIVE).first()
    if existing is not None:
        raise AlreadyRegistered(existing)


def mail_after_commit(registration: Registration, kind: str) -> None:
    registration_id, language = registration.pk, registration.language or translation.get_language()
    transaction.on_commit(
        lambda: registration_mail_task.enqueue(registration_id=registration_id, kind=kind, language=language)
    )


def registration_cancel(
    *, registration: Registration, actor: Any = workflow.REGISTRANT, reason: str = ""
) -> list[Registration]:
    """Cancel a registration (the person through their link, or staff, who may say why: the person's e-mail says the
    municipality cancelled it, with the reason). A place that frees up goes to the first on the waiting list, who is
    told by e-mail. Returns the registrations promoted. Raises AlreadyCancelled."""
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=registration.meeting_id)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == RegistrationStatus.CANCELLED:
            raise AlreadyCancelled()
        held_a_place = current.status == RegistrationStatus.REGISTERED
        current.cancelled_by_staff = actor != workflow.REGISTRANT
        current.cancel_reason = reason.strip() if current.cancelled_by_staff else ""
        workflow.REGISTRATION.transition(current, "cancel", actor=actor, note=current.cancel_reason)
        registration.status, registration.cancelled_at = current.status, current.cancelled_at
        registration.cancelled_by_staff, registration.cancel_reason = current.cancelled_by_staff, current.cancel_reason
        mail_after_commit(current, CANCELLED)
        return waiting_list_promote(meeting) if held_a_place else []


def waiting_list_promote(meeting: Meeting) -> list[Registration]:
    """Give free places to the first on the waiting list, while the meeting has not started. Call with the
    meeting's row locked (inside the transaction that freed the place)."""
    if meeting.is_cancelled or meeting.has_started():
        return []
    free = None if meeting.capacity is None else meeting.capacity - places_taken(meeting)
    waiting = meeting.registrations.filter(status=RegistrationStatus.WAITING).order_by(*LINE_ORDER)
    promoted = list(waiting if free is None else waiting[: max(free, 0)])
    for registration in promoted:
        workflow.REGISTRATION.transition(registration, "promote", actor=SYSTEM)
        mail_after_commit(registration, PROMOTED)
    return promoted


def receipt_send_again(*, meeting: Meeting, email: str) -> bool:
    """Mail the link again to an address registered for `meeting` (the page never says whether it is)."""
    registration = meeting.registrations.filter(email_key=email_key(email), status__in=ACTIVE).first()
    if registration is None:
        return False
    mail_after_commit(registration, RECEIPT)
    return True
