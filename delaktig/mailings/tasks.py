from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background import purposes

from .models import Mailing
from .sending import mailing_send

RETRY_SECONDS = 60


@task()
def mailing_send_task(*, mailing_id):
    return mailing_send(mailing_id=mailing_id, on_pause=_go_on_later)


def _go_on_later(mailing_id):
    """The mail server was away: the mailing goes on in a minute, where the backend can wait."""
    task = mailing_send_task.using(run_after=timezone.now() + timedelta(seconds=RETRY_SECONDS))
    if task.get_backend().supports_defer:
        task.enqueue(mailing_id=mailing_id)


@purposes.describes(mailing_send_task)
def _mailing_purpose(kwargs):
    mailing = Mailing.objects.select_related("municipality").filter(pk=kwargs.get("mailing_id")).first()
    if mailing is None:
        return None
    return purposes.Purpose(
        municipality_id=mailing.municipality_id,
        text=_("A mailing: “%(subject)s”") % {"subject": mailing.subject},
        url=reverse("mailings:detail", args=[mailing.municipality.slug, mailing.pk]),
    )
