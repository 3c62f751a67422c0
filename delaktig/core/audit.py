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


AUDIT_FIELDS = ("municipality", "actor", "action", "target_type", "target_id", "data", "public")


def audit_tail(*, municipality, actor, action, target_model, data=None, public=False):
    """The audit event of a row stored with core.inserts.insert_chain, as one of its tails: its target is the
    chain's first row, of `target_model`."""
    from .inserts import HEAD

    actor_id = actor.pk if actor is not None and getattr(actor, "is_authenticated", False) else None
    kind = ContentType.objects.get_for_model(target_model).pk
    return AuditEvent, AUDIT_FIELDS, [(municipality.pk, actor_id, action, kind, HEAD, data or {}, public)]


def audit_events_for(target, *, public_only=False):
    events = AuditEvent.objects.filter(target_type=ContentType.objects.get_for_model(target), target_id=target.pk)
    return events.filter(public=True) if public_only else events


def action_label(action):
    """The action of an audit event in words, from the apps' labels (hook `audit_action_labels`); never the key."""
    return _known_label(action) or _("Other change")


def event_label(event):
    """What an audit event says was done: the action's label, else the label a lifecycle step stored with it
    (core.workflow records each step's words in `data["label"]`), never the key."""
    return _known_label(event.action) or (event.data or {}).get("label") or _("Other change")


def _known_label(action):
    for hook in core_hooks.audit_action_labels.implementations():
        label = (hook() or {}).get(action)
        if label:
            return label
    return None
