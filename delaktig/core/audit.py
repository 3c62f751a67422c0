"""audit_record(): the one way to leave an audit event."""

from django.contrib.contenttypes.models import ContentType

from .models import AuditEvent


def audit_record(*, municipality, actor, action, target, data=None, public=False):
    """Record that `actor` did `action` to `target`; call inside the transaction that made the change."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEvent.objects.create(
        municipality=municipality,
        actor=actor,
        action=action,
        target_type=ContentType.objects.get_for_model(target),
        target_id=target.pk,
        data=data or {},
        public=public,
    )


def audit_events_for(target, *, public_only=False):
    events = AuditEvent.objects.filter(target_type=ContentType.objects.get_for_model(target), target_id=target.pk)
    return events.filter(public=True) if public_only else events
