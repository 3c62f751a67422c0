"""Map input at the desk ("Registrera inkommet", participation's desk mode): the manifest's desk_entry.

The desk shows `DeskMapInputForm` for the method's own fields (the place from the list, the category, the comment,
the name shown and the "about you" answers), adds the channel, the date received, the meeting and the table or
group itself, and calls `desk_save`; `desk_undo` takes an entry back within a few minutes.
"""

from django.utils.text import Truncator

from delaktig.participation.registry import DeskEntry, DeskItem

from . import services
from .forms import DeskMapInputForm

SUMMARY_WORDS = 12


def desk_save(module, data, /, *, actor, channel, received_on, occasion, group):
    """One map input from the desk: `data` is DeskMapInputForm's cleaned data (with "located", the checked place)."""
    item = services.input_enter_offline(
        module=module,
        entered_by=actor,
        channel=channel,
        located=data["located"],
        text=data["text"],
        category=data.get("category"),
        author_name=data.get("author_name", ""),
        received_on=received_on,
        age_band=data.get("age_band", ""),
        gender=data.get("gender", ""),
        area=data.get("area"),
        occasion_key=occasion.key if occasion else "",
        occasion_label=occasion.label if occasion else "",
        group=group,
    )
    summary = Truncator(f"{item.place_name}: {item.text}").words(SUMMARY_WORDS, truncate="…")
    return DeskItem(item_id=item.pk, reference=item.reference, summary=summary, created_at=item.created_at)


def desk_undo(module, item_id, /, *, actor):
    return services.input_desk_undo(module=module, item_id=item_id, actor=actor)


DESK_ENTRY = DeskEntry(form_class=DeskMapInputForm, save=desk_save, undo=desk_undo)
