"""Reads for dialogues. Query counts stay flat however many dialogues there are."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from delaktig.core.audit import audit_events_for

from .models import Dialogue, State


def dialogue_get(*, municipality, pk, public=False):
    """A dialogue of this municipality, or 404 (another municipality's dialogue is a 404 too)."""
    qs = Dialogue.objects.filter(municipality=municipality).select_related(
        "municipality",
        "proposed_by",
        "deciding_body",
        "matter_body",
        "department",
        "principles",
        "responsible_officer",
    )
    if public:
        qs = qs.public()
    return get_object_or_404(qs, pk=pk)


def dialogues_open_now(*, municipality):
    return list(
        Dialogue.objects.for_municipality(municipality)
        .filter(state=State.OPEN)
        .select_related("municipality", "proposed_by")
        .order_by("ends_on")
    )


def public_timeline(dialogue):
    """The steps the public sees: label, date and body; never officers' names."""
    return [
        {"label": e.data.get("label", ""), "at": e.created_at, "body": e.data.get("body"), "date": e.data.get("date")}
        for e in audit_events_for(dialogue, public_only=True)
    ]


def counts_by_state(*, municipality):
    rows = Dialogue.objects.for_municipality(municipality).values("state").annotate(n=Count("id"))
    return {row["state"]: row["n"] for row in rows}


def search_filter(qs, text):
    if not text:
        return qs
    return qs.filter(Q(title__icontains=text) | Q(question__icontains=text) | Q(purpose__icontains=text))
