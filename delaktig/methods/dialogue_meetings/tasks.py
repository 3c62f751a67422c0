"""Background work: the e-mails one registration gets (the work itself is in mail.py)."""

from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background import purposes

from .mail import registration_mail_send
from .models import Registration


@task()
def registration_mail_task(*, registration_id, kind, language=None):
    registration_mail_send(registration_id=registration_id, kind=kind, language=language)


@purposes.describes(registration_mail_task)
def _mail_purpose(kwargs):
    registration = Registration.objects.select_related("meeting").filter(pk=kwargs.get("registration_id")).first()
    if registration is None:
        return None
    return purposes.Purpose(
        municipality_id=registration.municipality_id,
        text=_("An e-mail about registration %(reference)s for “%(meeting)s”")
        % {"reference": registration.reference, "meeting": registration.meeting.title},
    )
