"""The dummy method at the desk ("Registrera inkommet"): a title and a text, stored with what the desk adds."""

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator

from delaktig.core.audit import audit_record
from delaktig.core.forms import Form
from delaktig.participation.registry import DeskEntry, DeskEntryRefused, DeskItem, Occasion, desk_undo_window
from delaktig.participation.services import initial_status

from .models import REFERENCE_PREFIX, DummyInput

REFUSED_TITLE = "Refused while storing"


class DummyDeskForm(Form):
    title = forms.CharField(label="Title", max_length=150)
    text = forms.CharField(label="Text", widget=forms.Textarea(attrs={"rows": 3}))


def desk_save(module, data, /, *, actor, channel, received_on, occasion, group):
    item = DummyInput.objects.create(
        module=module,
        municipality=module.municipality,
        title=data["title"],
        text=data["text"],
        channel=channel,
        entered_by=actor,
        received_on=received_on,
        occasion_key=occasion.key if occasion else "",
        occasion_label=occasion.label if occasion else "",
        group=group,
        status=initial_status(module.dialogue, entered_by_staff=True),
    )
    audit_record(municipality=item.municipality, actor=actor, action="dummy_method.enter", target=item)
    if item.title == REFUSED_TITLE:  # as a method finds, while storing, that it cannot take the input
        raise DeskEntryRefused("Someone entered this a moment ago. Nothing was saved.")
    summary = Truncator(item.text).words(8, truncate="…")
    return DeskItem(item.pk, f"{REFERENCE_PREFIX}-{item.pk}", summary, item.created_at)


@transaction.atomic
def desk_undo(module, item_id, /, *, actor):
    item = DummyInput.objects.select_for_update().filter(module=module, pk=item_id).first()
    window = desk_undo_window()
    if item is None or item.entered_by_id != actor.pk or timezone.now() - item.created_at > window:
        return False
    audit_record(municipality=item.municipality, actor=actor, action="dummy_method.desk_undo", target=item)
    item.delete()
    return True


def desk_occasions(module, /):
    """Each module of the dummy method offers one meeting, so central tests can name an occasion."""
    return [Occasion(key=f"dummy_method:{module.pk}", label=f"Möte om {module.name}")]


DESK_ENTRY = DeskEntry(form_class=DummyDeskForm, save=desk_save, undo=desk_undo, occasions=desk_occasions)
