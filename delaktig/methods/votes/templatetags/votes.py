from django import template

from ..models import Vote
from ..selectors import closes_at, is_closed

register = template.Library()


@register.simple_tag
def votes_summary(module):
    """The vote of `module` (or None), when it closes and whether it has: for the dialogue page (two queries)."""
    return {
        "vote": Vote.objects.filter(module=module).first(),
        "closes_at": closes_at(module),
        "closed": is_closed(module),
    }
