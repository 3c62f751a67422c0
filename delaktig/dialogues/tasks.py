"""Background work for dialogues."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background import purposes

from . import notifying


@task()
def followers_notify(*, dialogue_id, event):
    """E-mail every follower once about `event`; safe to run again after a crash."""
    notifying.notifications_create(dialogue_id=dialogue_id, event=event)
    return notifying.notifications_send(dialogue_id=dialogue_id, event=event)


@purposes.describes(followers_notify)
def _followers_purpose(kwargs):
    from .models import Dialogue

    dialogue = Dialogue.objects.select_related("municipality").filter(pk=kwargs.get("dialogue_id")).first()
    if dialogue is None:
        return None
    return purposes.Purpose(
        municipality_id=dialogue.municipality_id,
        text=_("E-mail to the followers of “%(dialogue)s”") % {"dialogue": dialogue.title},
        url=reverse("dialogues:staff_detail", args=[dialogue.municipality.slug, dialogue.pk]),
    )
