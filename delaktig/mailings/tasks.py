from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background import purposes

from .services import mailing_send


@task()
def mailing_send_task(*, mailing_id):
    return mailing_send(mailing_id=mailing_id)


@purposes.describes(mailing_send_task)
def _mailing_purpose(kwargs):
    from .models import Mailing

    mailing = Mailing.objects.select_related("municipality").filter(pk=kwargs.get("mailing_id")).first()
    if mailing is None:
        return None
    return purposes.Purpose(
        municipality_id=mailing.municipality_id,
        text=_("A mailing: “%(subject)s”") % {"subject": mailing.subject},
        url=reverse("mailings:detail", args=[mailing.municipality.slug, mailing.pk]),
    )
