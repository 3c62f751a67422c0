from django import template

from ..selectors import module_summary

register = template.Library()


@register.simple_tag
def statements_summary(module):
    return module_summary(module)


@register.filter
def percent(share):
    """0.824 -> "82 %"."""
    try:
        return f"{round(100 * float(share))} %"
    except (TypeError, ValueError):
        return ""
