from django import template

from .. import selectors

register = template.Library()


@register.simple_tag
def map_input_summary(module):
    """{% map_input_summary module as summary %}: the active phase and the number of published inputs."""
    return selectors.INPUTS.module_summary(module)
