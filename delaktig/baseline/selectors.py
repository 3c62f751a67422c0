"""Reads of the baseline: every participation activity of a year, on the platform or registered, counted once,
on the participation ladder per department and per body; and capacity, planned against held.

Counted once: a registered activity linked to a dialogue on the platform (`Activity.dialogue`) is never counted by
itself; the dialogue is. Platform dialogues count as the council's overview counts them (every kind, in the year
Dialogue.year gives, cancelled and declined left out); information activities are on the ladder's first step.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from delaktig.dialogues import selectors as dialogue_selectors
from delaktig.dialogues.models import Kind
from delaktig.organisations import ladders
from delaktig.organisations.models import Body, Department, Municipality

from .models import Activity, Capacity

PLATFORM, REGISTER = "platform", "register"
INFORMATION = "information"


@dataclass(frozen=True)
class Entry:
    """One activity of the baseline, whichever its source."""

    source: str  # PLATFORM or REGISTER
    pk: int
    name: str
    year: int
    level: str  # a ladder key, "" when not stated
    department_id: int | None
    department: str
    body_id: int | None
    body: str
    is_dialogue: bool  # False for information activities


@dataclass(frozen=True)
class LevelRow:
    key: str
    label: str
    counts: tuple[int, ...]  # one per year
    shares: tuple[float, ...]  # percent, one per year

    @property
    def pairs(self):
        """(count, share) per year, as the table shows them."""
        return tuple(zip(self.counts, self.shares, strict=True))


@dataclass(frozen=True)
class UnitRow:
    name: str
    counts: tuple[int, ...]  # one per ladder level (and "not stated" when shown)
    total: int


@dataclass(frozen=True)
class CapacityRow:
    capacity: Capacity
    name: str
    planned: int
    held: int
    staff_hours: int

    @property
    def gap(self) -> int:
        """Dialogues planned but not held; 0 when as many or more were held."""
        return max(self.planned - self.held, 0)


def activities_of(municipality: Municipality) -> QuerySet[Activity]:
    return Activity.objects.filter(municipality=municipality).select_related("department", "body", "dialogue")


def activity_get(*, municipality: Municipality, pk: int) -> Activity:
    found = activities_of(municipality).filter(pk=pk).first()
    if found is None:
        raise Http404("No such activity")
    return found


def capacity_get(*, municipality: Municipality, pk: int) -> Capacity:
    found = Capacity.objects.filter(municipality=municipality, pk=pk).first()
    if found is None:
        raise Http404("No such capacity")
    return found


def platform_entries(municipality: Municipality, years: tuple[int, ...]) -> list[Entry]:
    dialogues = (
        dialogue_selectors.staff_dialogues(municipality=municipality)
        .filter(activity_year__in=years)
        .exclude(state__in=dialogue_selectors.NOT_HELD)
        .order_by("title", "id")
    )
    return [
        Entry(
            source=PLATFORM,
            pk=dialogue.pk,
            name=dialogue.title,
            year=dialogue.activity_year,
            level=dialogue.ladder_level,
            department_id=dialogue.department_id,
            department=dialogue.department.name if dialogue.department_id else "",
            body_id=dialogue.responsible_body_id,
            body=dialogue.responsible_body_name or "",
            is_dialogue=dialogue.kind != Kind.INFORMATION,
        )
        for dialogue in dialogues
    ]


def register_entries(municipality: Municipality, years: tuple[int, ...]) -> list[Entry]:
    """Registered activities of the years that are not the same thing as a dialogue on the platform."""
    activities = (
        activities_of(municipality).filter(year__in=years, dialogue__isnull=True).select_related("department__body")
    )
    return [
        Entry(
            source=REGISTER,
            pk=activity.pk,
            name=activity.name,
            year=activity.year,
            level=activity.ladder_level,
            department_id=activity.department_id,
            department=activity.department.name,
            body_id=activity.responsible_body.pk if activity.responsible_body else None,
            body=activity.responsible_body.name if activity.responsible_body else "",
            is_dialogue=activity.ladder_level != INFORMATION,
        )
        for activity in activities.order_by("name", "id")
    ]


def baseline_entries(municipality: Municipality, years: tuple[int, ...]) -> list[Entry]:
    """Every activity of the years, each counted once."""
    return platform_entries(municipality, years) + register_entries(municipality, years)


def levels_shown(municipality: Municipality, entries: list[Entry]) -> list[tuple[str, str]]:
    """(key, label) of the municipality's ladder, then any other level found, then "not stated" when needed."""
    shown = [(level.key, str(level.label)) for level in ladders.levels_for(municipality.ladder_profile)]
    known = {key for key, _label in shown}
    for key in sorted({entry.level for entry in entries} - known - {""}):
        found = ladders.ALL_LEVELS.get(key)
        shown.append((key, str(found.label) if found else key))
    if any(not entry.level for entry in entries):
        shown.append(("", _("Level not stated")))
    return shown


def ladder_rows(municipality: Municipality, entries: list[Entry], years: tuple[int, ...]) -> list[LevelRow]:
    """The count and share (percent of the year's activities) at each level, per year."""
    per_year = {year: Counter(entry.level for entry in entries if entry.year == year) for year in years}
    totals = {year: sum(counter.values()) for year, counter in per_year.items()}
    rows = []
    for key, label in levels_shown(municipality, entries):
        counts = tuple(per_year[year][key] for year in years)
        shares = tuple(_share(count, totals[year]) for count, year in zip(counts, years, strict=True))
        rows.append(LevelRow(key, label, counts, shares))
    return rows


def _share(count: int, total: int) -> float:
    return round(100 * count / total, 1) if total else 0.0


def unit_rows(municipality: Municipality, entries: list[Entry], *, by: str) -> list[UnitRow]:
    """Counts per level for each department (`by="department"`) or body (`by="body"`), the ones with none left
    out, then activities with no body."""
    levels = [key for key, _label in levels_shown(municipality, entries)]
    grouped: dict[str, Counter] = {}
    for entry in entries:
        name = getattr(entry, by) or _("No body stated")
        grouped.setdefault(name, Counter())[entry.level] += 1
    return [
        UnitRow(name, tuple(counter[key] for key in levels), sum(counter.values()))
        for name, counter in sorted(grouped.items())
    ]


def years_with_activities(municipality: Municipality) -> list[str]:
    registered = set(Activity.objects.filter(municipality=municipality).values_list("year", flat=True))
    years = sorted(registered | set(dialogue_selectors.staff_years(municipality=municipality)), reverse=True)
    return [str(year) for year in years]  # as text for the pages


def baseline(municipality: Municipality, year: int) -> dict:
    """The baseline of `year` against the year before: ladder shares, per department, per body."""
    years = (year - 1, year)
    entries = baseline_entries(municipality, years)
    this_year = [entry for entry in entries if entry.year == year]
    return {
        "years": tuple(str(each) for each in years),  # as text: a page shows 2026, never "2 026"
        "year": str(year),
        "entries": this_year,
        "levels": levels_shown(municipality, entries),
        "ladder": ladder_rows(municipality, entries, years),
        "totals": tuple(sum(1 for entry in entries if entry.year == each) for each in years),
        "by_department": unit_rows(municipality, this_year, by="department"),
        "by_body": unit_rows(municipality, this_year, by="body"),
    }


def held_entries(municipality: Municipality, year: int) -> list[Entry]:
    """Dialogues held in `year`: platform dialogues opened that year (information left out) and registered
    activities of that year above the information step, none linked to a platform dialogue."""
    held = (
        dialogue_selectors.held_in_year(municipality=municipality, year=year)
        .select_related("department")
        .order_by("id")
    )
    platform = [
        Entry(
            PLATFORM,
            dialogue.pk,
            dialogue.title,
            year,
            dialogue.ladder_level,
            dialogue.department_id,
            dialogue.department.name if dialogue.department_id else "",
            dialogue.responsible_body_id,
            dialogue.responsible_body_name or "",
            True,
        )
        for dialogue in held
    ]
    registered = [entry for entry in register_entries(municipality, (year,)) if entry.is_dialogue]
    return platform + registered


def capacity_rows(municipality: Municipality, year: int) -> list[CapacityRow]:
    """Each department's and body's capacity in `year`: planned, held (as held_entries counts), staff hours."""
    held = held_entries(municipality, year)
    by_department = Counter(entry.department_id for entry in held)
    by_body = Counter(entry.body_id for entry in held)
    rows = []
    capacities = Capacity.objects.filter(municipality=municipality, year=year).select_related("department", "body")
    for capacity in capacities.order_by("department__name", "body__name", "id"):
        if capacity.department is not None:
            count, name = by_department[capacity.department_id], capacity.department.name
        else:
            count, name = by_body[capacity.body_id], str(capacity.body)
        rows.append(CapacityRow(capacity, name, capacity.planned, count, capacity.staff_hours))
    return rows


def departments_for(user, municipality: Municipality, *, everyone: bool) -> QuerySet[Department]:
    """The departments `user` may register activities for: all when `everyone`, else those of their memberships."""
    departments = Department.objects.filter(municipality=municipality).select_related("body")
    if everyone:
        return departments
    return departments.filter(memberships__user=user).distinct()


def bodies_of(municipality: Municipality) -> QuerySet[Body]:
    return Body.objects.filter(municipality=municipality)
