"""Reads for dialogues. Query counts stay flat however many dialogues there are."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Q, prefetch_related_objects
from django.db.models.functions import Coalesce, ExtractYear, TruncDate
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from delaktig.core.audit import audit_events_for
from delaktig.core.models import AuditEvent
from delaktig.core.search import search

from . import hookspecs as dialogue_hooks
from .models import PUBLIC_STATES, Dialogue, Follower, Kind, State


def dialogue_get(*, municipality, pk, public=False):
    """A dialogue of this municipality, or 404 (another municipality's dialogue is a 404 too)."""
    qs = Dialogue.objects.filter(municipality=municipality).select_related(
        "municipality",
        "proposed_by",
        "decision_to_hold__body",
        "decision_in_matter__body",
        "department",
        "principles",
        "responsible_officer",
    )
    if public:
        qs = qs.public()
    return get_object_or_404(qs, pk=pk)


def dialogues_open_now(*, municipality):
    """Dialogues residents can take part in now (information activities are not dialogues: see information_now)."""
    return list(_open_now(municipality).dialogues_only())


def information_now(*, municipality):
    return list(_open_now(municipality).filter(kind=Kind.INFORMATION))


def _open_now(municipality):
    return (
        Dialogue.objects.for_municipality(municipality)
        .filter(state=State.OPEN)
        .select_related("municipality", "proposed_by", "decision_to_hold__body")
        .order_by("ends_on", "id")
    )


def public_timeline(dialogue):
    """The steps the public sees: label, date and body; never officers' names."""
    return [
        {
            "label": e.data.get("label", ""),
            "at": e.created_at,
            "body": e.data.get("body"),
            "date": e.data.get("date"),
            "from": e.data.get("from"),
            "to": e.data.get("to"),
        }
        for e in audit_events_for(dialogue, public_only=True)
    ]


def afterwards(dialogue):
    """What outer apps keep about the dialogue's later stages (hook `dialogue_afterwards`), by name: the summary of
    results, the offline count, how the input mattered, the feedback, the evaluation."""
    found = {}
    for hook in dialogue_hooks.dialogue_afterwards.implementations():
        found.update(hook(dialogue) or {})
    return found


def search_filter(qs, text):
    return search(qs, text, fields=("title", "question", "purpose"))


# --- Public site -----------------------------------------------------------------------------

# How residents think about a dialogue's state: coming, open, or over.
STATE_GROUPS = {
    "open": frozenset({State.OPEN}),
    "coming": frozenset({State.PLANNED}),
    "finished": PUBLIC_STATES - {State.OPEN, State.PLANNED},
}
RESULTS_STATES = frozenset({State.RESULTS_COMPILED, State.MATTER_DECIDED, State.FEEDBACK_PUBLISHED, State.EVALUATED})
DECISION_STATES = frozenset({State.MATTER_DECIDED, State.FEEDBACK_PUBLISHED, State.EVALUATED})
FEEDBACK_STATES = frozenset({State.FEEDBACK_PUBLISHED, State.EVALUATED})


def public_dialogues(*, municipality, state="", body=None, ladder_level="", year=None, text="", sort="newest"):
    """Public dialogues of a municipality, filtered; every argument that is empty is ignored."""
    qs = Dialogue.objects.for_municipality(municipality).public()
    if state in STATE_GROUPS:
        qs = qs.filter(state__in=STATE_GROUPS[state])
    if body:
        qs = qs.filter(Q(proposed_by_id=body) | Q(decision_to_hold__body_id=body))
    if ladder_level:
        qs = qs.filter(ladder_level=ladder_level)
    if year:
        qs = qs.filter(_year_q(year))
    qs = search_filter(qs, text)
    return qs.select_related("municipality", "proposed_by", "decision_to_hold__body").order_by(*_ordering(sort))


def _year_q(year):
    """The same year Dialogue.year gives: opening date, else decision date, else creation."""
    return (
        Q(starts_on__year=year)
        | Q(starts_on__isnull=True, decision_to_hold__date__year=year)
        | Q(starts_on__isnull=True, decision_to_hold__date__isnull=True, created_at__year=year)
    )


def _ordering(sort):
    if sort == "closing":
        return [F("ends_on").asc(nulls_last=True), "-created_at", "-id"]
    return [F("starts_on").desc(nulls_last=True), "-created_at", "-id"]


def public_years(*, municipality):
    """The years residents can filter on, newest first."""
    qs = Dialogue.objects.for_municipality(municipality).public()
    years = {d.year for d in qs.dates("starts_on", "year")}
    years |= {d.year for d in qs.filter(starts_on__isnull=True).dates("created_at", "year")}
    return sorted(years, reverse=True)


def public_bodies(*, municipality):
    """Bodies that proposed or decided on some public dialogue."""
    public = Dialogue.objects.for_municipality(municipality).public()
    return list(
        municipality.bodies.filter(Q(proposed_dialogues__in=public) | Q(decisions__held_dialogue__in=public)).distinct()
    )


def content_languages(dialogue):
    """The languages the dialogue's texts really exist in: what staff write is Swedish, and easy-to-read Swedish
    when there is an easy-to-read summary. (The plan's free-text "languages" is a wish, not a version.)"""
    languages = [_("Swedish")]
    if dialogue.easy_read_summary:
        languages.append(_("Easy-to-read Swedish"))
    return languages


def public_dialogue_get(*, municipality, pk):
    """A public dialogue with everything its page shows, in a fixed number of queries."""
    dialogue = dialogue_get(municipality=municipality, pk=pk, public=True)
    prefetch_related_objects(
        [dialogue],
        "target_groups",
        "toolbox_methods",
        "modules__phases",  # ordered by Phase.Meta.ordering
    )
    return dialogue


def timeline_entries(dialogue):
    """public_timeline() with labels in the reader's language and decision dates as dates."""
    from .workflow import TRANSITIONS

    entries = []
    for entry in public_timeline(dialogue):
        spec = TRANSITIONS.get((entry["from"], entry["to"]))
        label = spec.timeline if spec and spec.timeline else entry["label"]
        entries.append({**entry, "label": label, "date": _parse_date(entry["date"])})
    return entries


def _parse_date(value):
    try:
        return datetime.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def is_following(*, user, dialogue):
    return user.is_authenticated and Follower.objects.filter(dialogue=dialogue, user=user).exists()


def followed_dialogues(*, user):
    """The public dialogues `user` follows, in any municipality, most recently followed first."""
    return list(
        Dialogue.objects.public()
        .filter(followers__user=user)
        .select_related("municipality")
        .order_by("-followers__created_at")
    )


# --- Staff workspace -------------------------------------------------------------------------

# Never held: left out of the yearly picture of activities.
NOT_HELD = frozenset({State.CANCELLED, State.DECLINED})
FINISHED = frozenset({State.EVALUATED, State.CANCELLED, State.DECLINED})
STAFF_SORTS = {
    "title": "title",
    "kind": "kind",
    "state": "state",
    "year": "activity_year",
    "body": "responsible_body_name",
    "updated": "updated_at",
}


def staff_dialogues(*, municipality):
    """Every dialogue of the municipality with its responsible body and the year it belongs to.

    The body is the one that proposed it, else the one behind its department; the year is the same
    as Dialogue.year (opening date, else decision date, else the day it was created).
    """
    return (
        Dialogue.objects.for_municipality(municipality)
        .annotate(
            responsible_body_id=Coalesce("proposed_by_id", "department__body_id"),
            responsible_body_name=Coalesce("proposed_by__name", "department__body__name"),
            activity_year=ExtractYear(Coalesce("starts_on", "decision_to_hold__date", TruncDate("created_at"))),
        )
        .select_related("municipality", "proposed_by", "department", "responsible_officer", "decision_to_hold")
    )


def staff_filter(qs, *, text="", state="", kind="", body=None, year=None):
    """Narrow staff_dialogues(); every empty argument is ignored."""
    if state:
        qs = qs.filter(state=state)
    if kind:
        qs = qs.filter(kind=kind)
    if body:
        qs = qs.filter(responsible_body_id=body)
    if year:
        qs = qs.filter(activity_year=year)
    return search_filter(qs, text)


def staff_sort(qs, sort):
    """Order by a whitelisted column; a leading '-' sorts descending, anything unknown sorts by last change."""
    key = (sort or "").lstrip("-")
    if key not in STAFF_SORTS:
        return qs.order_by("-updated_at", "-id")
    field = F(STAFF_SORTS[key])
    return qs.order_by(field.desc(nulls_last=True) if sort.startswith("-") else field.asc(nulls_last=True), "-id")


def staff_years(*, municipality):
    years = staff_dialogues(municipality=municipality).values_list("activity_year", flat=True).distinct()
    return sorted({year for year in years if year}, reverse=True)


def staff_dashboard(*, municipality, user, filters):
    """Counts and lists by state, the overdue feedback and the user's own dialogues."""
    rows = list(staff_filter(staff_dialogues(municipality=municipality), **filters).order_by("-updated_at", "-id"))
    by_state: dict[str, list[Dialogue]] = {state: [] for state in State.values}
    for dialogue in rows:
        by_state[dialogue.state].append(dialogue)
    mine = [d for d in rows if d.responsible_officer_id == user.pk and d.state not in FINISHED]
    return {
        "total": len(rows),
        "by_state": [(State(state), dialogues) for state, dialogues in by_state.items()],
        "mine": mine,
        "overdue": feedback_overdue_list(municipality=municipality),
    }


def feedback_overdue_list(*, municipality):
    return list(
        Dialogue.objects.for_municipality(municipality)
        .feedback_overdue()
        .select_related("municipality", "proposed_by", "responsible_officer")
        .order_by("feedback_due_on", "id")
    )


def staff_dialogue_get(*, municipality, pk):
    """A dialogue with what its staff page shows: checklist answers, target groups, methods, modules and phases."""
    dialogue = dialogue_get(municipality=municipality, pk=pk)
    prefetch_related_objects(
        [dialogue], "checklist_answers__question", "target_groups", "toolbox_methods", "modules__phases"
    )
    return dialogue


def dialogue_audit_trail(dialogue):
    """Audit events of the dialogue and of its modules and phases, oldest first, with who did it."""
    module_model = dialogue.modules.model
    phase_model = module_model._meta.get_field("phases").related_model
    module_ids = list(dialogue.modules.values_list("pk", flat=True))
    phase_ids = list(phase_model.objects.filter(module__dialogue=dialogue).values_list("pk", flat=True))
    types = ContentType.objects.get_for_models(Dialogue, module_model, phase_model)
    wanted = (
        Q(target_type=types[Dialogue], target_id=dialogue.pk)
        | Q(target_type=types[module_model], target_id__in=module_ids)
        | Q(target_type=types[phase_model], target_id__in=phase_ids)
    )
    return list(AuditEvent.objects.filter(wanted, municipality=dialogue.municipality).select_related("actor"))


def council_overview(*, municipality, year):
    """The Karlstad picture for a year: every activity on the ladder, counts, planned versus held, overdue feedback."""
    activities = staff_dialogues(municipality=municipality).filter(activity_year=year).exclude(state__in=NOT_HELD)
    rows = list(activities.order_by("title", "id"))
    bodies = {body.pk: body for body in municipality.bodies.all()}
    return {
        "rows": rows,
        "bodies": bodies,
        "by_kind": _count_by(activities, "kind"),
        "by_body": _count_by(activities, "responsible_body_id"),
        "by_level": _count_by(activities, "ladder_level"),
        "planned": _count_by(planned_in_year(municipality=municipality, year=year), "responsible_body_id"),
        "held": _count_by(held_in_year(municipality=municipality, year=year), "responsible_body_id"),
        "overdue": feedback_overdue_list(municipality=municipality),
    }


def _count_by(qs, field):
    """{value: {"dialogues": n, "information": m}}: information activities are counted on their own."""
    rows = (
        qs.order_by()
        .values(field)
        .annotate(
            dialogues=Count("id", filter=~Q(kind=Kind.INFORMATION)),
            information=Count("id", filter=Q(kind=Kind.INFORMATION)),
        )
    )
    return {row[field]: {"dialogues": row["dialogues"], "information": row["information"]} for row in rows}


def planned_in_year(*, municipality, year):
    """Dialogues decided (or, with no decision, planned to start) in `year`, whatever happened later."""
    not_yet = {State.INITIATIVE, State.ASSESSED, State.DECLINED}
    return (
        staff_dialogues(municipality=municipality)
        .dialogues_only()
        .exclude(state__in=not_yet)
        .annotate(planned_year=ExtractYear(Coalesce("decision_to_hold__date", "starts_on")))
        .filter(planned_year=year)
    )


def held_in_year(*, municipality, year):
    return staff_dialogues(municipality=municipality).dialogues_only().filter(opened_at__year=year)
