"""Mail to panel members, sent in the background after the change that asked for it is committed."""

from django.utils import translation
from django_tasks import task

from .emails import member_message
from .models import PanelMember


@task()
def member_email_send(*, member_id, kind, language="sv"):
    member = PanelMember.objects.filter(pk=member_id).exclude(email="").select_related("municipality").first()
    if member is None:  # left or erased meanwhile: nothing to send, and nowhere to send it
        return
    with translation.override(language):
        member_message(member, kind).send()
