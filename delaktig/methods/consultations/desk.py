"""Comments that came by letter or e-mail, entered at the desk ("Registrera inkommet"): what part of the document
they concern, whom they represent and the sender, who is kept for the case and never shown publicly."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator

from delaktig.participation.registry import DeskEntry, DeskItem, desk_undo_window

from . import services
from .forms import DeskCommentForm
from .models import Remark
from .selectors import document_of, published_version
from .selectors_places import place_get


class NotPublished(ValueError):
    pass


def desk_save(module, data, /, *, actor, channel, received_on, occasion, group):
    document = document_of(module)
    version = published_version(document)
    place = place_get(document, version, data.get("place") or "hela") if version else None
    if place is None:
        raise NotPublished("The document is not published")
    remark = services.remark_create(
        module=module,
        version=version,
        target=place.target,
        text=data["text"],
        represents=data["represents"],
        organisation=data.get("organisation", ""),
        channel=channel,
        entered_by=actor,
        received_on=received_on,
        sender_name=data.get("sender_name", ""),
        sender_address=data.get("sender_address", ""),
    )
    summary = Truncator(remark.comment.text).words(8, truncate="…")
    return DeskItem(remark.comment_id, remark.reference, summary, remark.comment.created_at)


@transaction.atomic
def desk_undo(module, item_id, /, *, actor):
    remark = Remark.objects.select_related("comment").filter(module=module, comment_id=item_id).first()
    if remark is None or remark.entered_by_id != actor.pk:
        return False
    if timezone.now() - remark.comment.created_at > desk_undo_window():
        return False
    services.remark_undo(remark=remark, actor=actor)
    return True


DESK_ENTRY = DeskEntry(form_class=DeskCommentForm, save=desk_save, undo=desk_undo)
