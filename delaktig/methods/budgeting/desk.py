"""Proposals at the desk ("Registrera inkommet", participation's desk mode): the manifest's desk_entry, for
proposals that came on paper or at a meeting. Ballots are cast online only: a paper ballot cannot be tied to one
person per budget."""

from django.utils.text import Truncator

from delaktig.participation.registry import DeskEntry, DeskItem

from . import services
from .forms import DeskProposalForm

SUMMARY_WORDS = 12


def desk_save(module, data, /, *, actor, channel, received_on, occasion, group):
    item = services.project_enter_offline(
        module=module,
        entered_by=actor,
        channel=channel,
        budget=data["budget"],
        title=data["title"],
        text=data["text"],
        where=data["where"],
        author_name=data.get("author_name", ""),
        received_on=received_on,
        occasion=occasion,
        group=group,
    )
    summary = Truncator(f"{item.title}: {item.text}").words(SUMMARY_WORDS, truncate="…")
    return DeskItem(item_id=item.pk, reference=item.reference, summary=summary, created_at=item.created_at)


def desk_undo(module, item_id, /, *, actor):
    return services.project_desk_undo(module=module, item_id=item_id, actor=actor)


DESK_ENTRY = DeskEntry(form_class=DeskProposalForm, save=desk_save, undo=desk_undo)
