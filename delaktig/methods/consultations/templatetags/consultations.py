from django import template

from delaktig.dialogues.models import State

from ..models import Version
from ..phases import COMMENTING

register = template.Library()


@register.simple_tag
def consultation_summary(module):
    """The published version and the consultation period, in at most two queries (the dialogue page's limit)."""
    version = Version.objects.filter(document__module=module).exclude(published_at=None).order_by("-number").first()
    period = next((p for p in module.phases.all() if p.phase_type == COMMENTING.key), None)
    running = period is not None and period.is_active() and module.dialogue.state == State.OPEN
    return {"version": version, "period": period, "open": running}


@register.filter
def count_of(mapping, key):
    """len(mapping[key]) or mapping[key] for a Counter; 0 when missing."""
    value = mapping.get(key, 0) if hasattr(mapping, "get") else 0
    return value if isinstance(value, int) else len(value)


@register.filter
def items_of(mapping, key):
    return mapping.get(key, []) if hasattr(mapping, "get") else []


@register.filter
def cells(line):
    """The cells of one row of a table paragraph ("Plats | Skick")."""
    return [cell.strip() for cell in str(line).split(" | ")]
