"""Writes of the baseline: registering, changing and removing activities, importing a spreadsheet (all rows or
none, in one transaction), and saving capacity. Each change leaves an audit event."""

from django.db import transaction

from delaktig.core.audit import audit_record
from delaktig.core.csv_import import CsvError

from .importing import ActivityFile, activities_read
from .models import Activity, Capacity

ACTIVITY_FIELDS = (
    "year",
    "name",
    "department",
    "body",
    "ladder_level",
    "target_groups",
    "channels",
    "frequency",
    "contact",
    "dialogue",
)


class ImportRefused(Exception):
    """The file changed meaning between preview and confirmation (someone registered one of its activities)."""

    def __init__(self, parsed):
        super().__init__("import refused")
        self.parsed = parsed


def activity_save(*, activity: Activity, actor) -> Activity:
    """Create or change a registered activity (the form has checked it)."""
    created = activity.pk is None
    if created:
        activity.created_by = actor if getattr(actor, "is_authenticated", False) else None
    with transaction.atomic():
        activity.save()
        audit_record(
            municipality=activity.municipality,
            actor=actor,
            action="baseline_activity.create" if created else "baseline_activity.update",
            target=activity,
            data={"name": activity.name, "year": activity.year},
        )
    return activity


def activity_delete(*, activity: Activity, actor) -> None:
    with transaction.atomic():
        audit_record(
            municipality=activity.municipality,
            actor=actor,
            action="baseline_activity.delete",
            target=activity,
            data={"name": activity.name, "year": activity.year},
        )
        activity.delete()


def activities_check(*, municipality, text, year, departments, bodies) -> ActivityFile:
    return activities_read(text, municipality, year=year, departments=departments, bodies=bodies)


def activities_import(*, municipality, text, year, departments, bodies, actor) -> ActivityFile:
    """Import every row of the file or none: read again and checked inside the transaction; ImportRefused when a
    row has an error now, CsvError when the text cannot be read."""
    with transaction.atomic():
        parsed = activities_read(text, municipality, year=year, departments=departments, bodies=bodies)
        if not parsed.importable:
            raise ImportRefused(parsed)
        created = Activity.objects.bulk_create(
            [
                Activity(
                    municipality=municipality,
                    created_by=actor,
                    **{key: row[key] for key in ACTIVITY_FIELDS if key in row},
                )
                for row in parsed.new
            ]
        )
        audit_record(
            municipality=municipality,
            actor=actor,
            action="baseline_activity.import",
            target=municipality,
            data={"count": len(created), "years": sorted({row["year"] for row in parsed.new})},
        )
    return parsed


def capacity_save(*, capacity: Capacity, actor) -> Capacity:
    created = capacity.pk is None
    with transaction.atomic():
        capacity.save()
        audit_record(
            municipality=capacity.municipality,
            actor=actor,
            action="baseline_capacity.create" if created else "baseline_capacity.update",
            target=capacity,
            data={"year": capacity.year, "planned": capacity.planned, "staff_hours": capacity.staff_hours},
        )
    return capacity


def capacity_delete(*, capacity: Capacity, actor) -> None:
    with transaction.atomic():
        audit_record(
            municipality=capacity.municipality,
            actor=actor,
            action="baseline_capacity.delete",
            target=capacity,
            data={"year": capacity.year},
        )
        capacity.delete()


__all__ = ["CsvError", "ImportRefused"]
