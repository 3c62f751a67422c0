"""Reading coming matters: the staff list with its filters, the public list of coming decisions with dialogue, and
the year's counts for the council's overview and the yearly report."""

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from .models import Matter, Planned

ANSWER_FILTERS = ("unanswered", "yes", "no")


def matters_list(municipality, *, query="", answer="", body=None, coming_only=False):
    found = Matter.objects.filter(municipality=municipality).select_related("body", "department", "dialogue")
    if query:
        found = found.filter(Q(case_number__icontains=query) | Q(title__icontains=query))
    if answer == "unanswered":
        found = found.filter(planned=Planned.NOT_ANSWERED)
    elif answer in (Planned.YES, Planned.NO):
        found = found.filter(planned=answer)
    if body is not None:
        found = found.filter(body=body)
    if coming_only:
        found = found.filter(decided_on__isnull=True)
    return found.order_by("expected_decision_on", "id")


def matter_get(*, municipality, pk):
    try:
        return Matter.objects.select_related("body", "department", "dialogue", "answered_by").get(
            municipality=municipality, pk=pk
        )
    except (Matter.DoesNotExist, ValueError, TypeError):
        raise Http404("No such matter") from None


def coming_with_dialogue(municipality, *, today=None):
    """The public list: matters not yet decided, whose decision is expected today or later, where a dialogue is
    planned; soonest first."""
    today = today or timezone.localdate()
    return (
        Matter.objects.filter(
            municipality=municipality, planned=Planned.YES, decided_on__isnull=True, expected_decision_on__gte=today
        )
        .select_related("body", "dialogue")
        .order_by("expected_decision_on", "id")
    )


def year_counts(municipality, year):
    """Matters whose decision was expected in `year` (or decided in it): how many, with a dialogue planned, without,
    not answered, with their dialogue linked. Each matter counts once."""
    matters = Matter.objects.filter(municipality=municipality).filter(
        Q(expected_decision_on__year=year) | Q(decided_on__year=year)
    )
    rows = list(matters.values_list("planned", "dialogue_id"))
    return {
        "total": len(rows),
        "yes": sum(1 for planned, _dialogue in rows if planned == Planned.YES),
        "no": sum(1 for planned, _dialogue in rows if planned == Planned.NO),
        "unanswered": sum(1 for planned, _dialogue in rows if planned == Planned.NOT_ANSWERED),
        "linked": sum(1 for _planned, dialogue in rows if dialogue is not None),
    }


def year_counts_by_body(municipality, year):
    """[(body name, counts)] for the bodies with matters that year, by name."""
    matters = (
        Matter.objects.filter(municipality=municipality)
        .filter(Q(expected_decision_on__year=year) | Q(decided_on__year=year))
        .select_related("body")
    )
    by_body: dict[str, dict[str, int]] = {}
    for matter in matters:
        counts = by_body.setdefault(matter.body.name, {"total": 0, "yes": 0, "no": 0, "unanswered": 0, "linked": 0})
        counts["total"] += 1
        counts[matter.planned or "unanswered"] += 1
        counts["linked"] += matter.dialogue_id is not None
    return sorted(by_body.items())
