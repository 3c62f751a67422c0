"""audit_record(): the one way to leave an audit event."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from delaktig.core import hookspecs as core_hooks

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


def action_label(action):
    """The action of an audit event in words, from the apps' labels (hook `audit_action_labels`); never the key."""
    for hook in core_hooks.audit_action_labels.implementations():
        label = (hook() or {}).get(action)
        if label:
            return label
    return _("Other change")
