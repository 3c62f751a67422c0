"""Reads of archive exports, and whether a dialogue's matter is closed enough to archive."""

from django.shortcuts import get_object_or_404

from delaktig.dialogues.models import Dialogue, State

from .models import ArchiveExport

# The matter is decided (or later): its records are complete enough for the case and archive system.
ARCHIVE_STATES = frozenset({State.MATTER_DECIDED, State.FEEDBACK_PUBLISHED, State.EVALUATED})


def may_archive(dialogue: Dialogue) -> bool:
    return dialogue.state in ARCHIVE_STATES


def exports_for(dialogue: Dialogue):
    """Every export of the dialogue, newest first."""
    return ArchiveExport.objects.filter(dialogue=dialogue).select_related("created_by").order_by("-created_at", "-id")


def export_get(*, dialogue: Dialogue, export_id: int) -> ArchiveExport:
    """One export of this dialogue, or 404 (the dialogue is already the municipality's)."""
    return get_object_or_404(
        ArchiveExport.objects.select_related("dialogue__municipality"), dialogue=dialogue, pk=export_id
    )
