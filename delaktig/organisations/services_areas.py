"""Writes for the municipality's areas (used only for voluntary demographics and figures)."""

from django.db import transaction

from delaktig.core.audit import audit_record


@transaction.atomic
def area_save(*, area, actor):
    created = area.pk is None
    area.save()
    audit_record(
        municipality=area.municipality,
        actor=actor,
        action="area.create" if created else "area.update",
        target=area,
        data={"name": area.name, "order": area.order, "population": area.population},
    )
    return area


@transaction.atomic
def area_delete(*, area, actor):
    """Delete an area; inputs that named it keep their other answers and count as "not told" for area."""
    data = {"name": area.name}
    audit_record(municipality=area.municipality, actor=actor, action="area.delete", target=area, data=data)
    area.delete()
