from django import template

from .. import selectors

register = template.Library()


@register.simple_tag
def dialogue_meetings_summary(module):
    """{% dialogue_meetings_summary module as summary %}: the running phase and the next meetings."""
    return selectors.module_summary(module)
