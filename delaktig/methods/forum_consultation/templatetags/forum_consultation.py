from django import template

from .. import selectors

register = template.Library()


@register.simple_tag
def forum_consultation_summary(module):
    """The module's forum with `statement_count`, or None before a forum is chosen (one query)."""
    return selectors.summary_of(module)
