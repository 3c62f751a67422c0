"""The e-mails one registration gets: the receipt, a place from the waiting list, the cancellation, the reminder, and
"already registered" when someone registers the address again (the page they see does not say so).

Every one holds the link to the person's registration, where they can cancel it. A receipt for a place (and the
mail that gives one from the waiting list) carries the meeting as a calendar file.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .calendar import ics_filename, meeting_ics, meeting_location
from .models import Registration, RegistrationStatus

SUBJECTS = {
    "receipt": lambda r: (
        _("You are registered: %(meeting)s (%(reference)s)")
        if r.status == RegistrationStatus.REGISTERED
        else _("You are on the waiting list: %(meeting)s (%(reference)s)")
    ),
    "promoted": lambda r: _("You have a place: %(meeting)s (%(reference)s)"),
    "cancelled": lambda r: (
        _("We have cancelled your registration: %(meeting)s (%(reference)s)")
        if r.cancelled_by_staff
        else _("Your registration is cancelled: %(meeting)s (%(reference)s)")
    ),
    "reminder": lambda r: _("Reminder: %(meeting)s tomorrow (%(reference)s)"),
    "already": lambda r: (
        _("You are already registered: %(meeting)s (%(reference)s)")
        if r.status == RegistrationStatus.REGISTERED
        else _("You are already on the waiting list: %(meeting)s (%(reference)s)")
    ),
}


def registration_get(registration_id):
    related = "meeting__module__dialogue__municipality"
    return Registration.objects.select_related(related).filter(pk=registration_id).first()


def registration_mail_send(*, registration_id, kind, language=None):
    """Send e-mail `kind` to the person registered; nothing when the registration is gone or no longer fits."""
    registration = registration_get(registration_id)
    if registration is None or kind not in SUBJECTS or not registration.email:
        return False
    if kind != "cancelled" and registration.status == RegistrationStatus.CANCELLED:
        return False
    deliver(registration, kind, language)
    return True


def deliver(registration, kind, language=None):
    meeting = registration.meeting
    site = settings.SITE_URL.rstrip("/")
    with translation.override(language or registration.language or settings.LANGUAGE_CODE):
        context = {
            "registration": registration,
            "meeting": meeting,
            "dialogue": meeting.module.dialogue,
            "municipality": meeting.module.dialogue.municipality,
            "location": meeting_location(meeting),
            "position": registration.waiting_position(),
            "registration_url": site + registration.get_absolute_url(),
            "meeting_url": site + meeting.get_absolute_url(),
            "calendar_url": site + meeting.calendar_url(),
        }
        subject = SUBJECTS[kind](registration) % {"meeting": meeting.title, "reference": registration.reference}
        body = render_to_string(f"dialogue_meetings/emails/{kind}.txt", context)
    message = EmailMessage(" ".join(subject.split()), body, None, [registration.email])
    if kind in ("receipt", "promoted") and registration.status == RegistrationStatus.REGISTERED:
        message.attach(ics_filename(meeting), meeting_ics(meeting), "text/calendar")
    message.send()
