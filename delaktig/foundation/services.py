"""Writes for principles, toolbox and handbook. Each leaves an audit event in the same transaction."""

from django.db import transaction

from delaktig.core.audit import audit_record

from .models import PrinciplesDocument
from .selectors import principles_next_version


@transaction.atomic
def principles_create(*, municipality, actor, **fields):
    """Adopt a new version of the principles: its number is one more than the last (unique per municipality)."""
    document = PrinciplesDocument.objects.create(
        municipality=municipality, version=principles_next_version(municipality=municipality), **fields
    )
    audit_record(
        municipality=municipality,
        actor=actor,
        action="principles.create",
        target=document,
        data={"version": document.version, "adopted_on": document.adopted_on.isoformat()},
        public=True,
    )
    return document


@transaction.atomic
def toolbox_method_save(*, method, actor, target_groups=None):
    """Create or update a toolbox method (a bound, unsaved ModelForm instance is fine)."""
    created = method.pk is None
    method.save()
    if target_groups is not None:
        method.target_groups.set(target_groups)
    audit_record(
        municipality=method.municipality,
        actor=actor,
        action="toolbox.create" if created else "toolbox.update",
        target=method,
        data={"name": method.name},
        public=True,
    )
    return method


@transaction.atomic
def handbook_page_save(*, page, actor):
    created = page.pk is None
    page.save()
    audit_record(
        municipality=page.municipality,
        actor=actor,
        action="handbook.create" if created else "handbook.update",
        target=page,
        data={"title": page.title},
    )
    return page
