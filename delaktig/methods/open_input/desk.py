"""Open input at the desk ("Registrera inkommet", participation's desk mode): the manifest's desk_entry."""

from django.utils.text import Truncator

from delaktig.participation.registry import DeskEntry, DeskItem

from . import services
from .forms import DeskInputForm

SUMMARY_WORDS = 12


def desk_save(module, data, /, *, actor, channel, received_on, occasion, group):
    """One input from the desk: `data` is DeskInputForm's cleaned data."""
    item = services.input_enter_offline(
        module=module,
        entered_by=actor,
        channel=channel,
        title=data["title"],
        text=data["text"],
        author_name=data.get("author_name", ""),
        category=data.get("category", ""),
        received_on=received_on,
        age_band=data.get("age_band", ""),
        gender=data.get("gender", ""),
        area=data.get("area"),
        occasion_key=occasion.key if occasion else "",
        occasion_label=occasion.label if occasion else "",
        group=group,
    )
    summary = Truncator(f"{item.title}: {item.text}").words(SUMMARY_WORDS, truncate="…")
    return DeskItem(item_id=item.pk, reference=item.reference, summary=summary, created_at=item.created_at)


def desk_undo(module, item_id, /, *, actor):
    return services.input_desk_undo(module=module, item_id=item_id, actor=actor)


DESK_ENTRY = DeskEntry(form_class=DeskInputForm, save=desk_save, undo=desk_undo)
