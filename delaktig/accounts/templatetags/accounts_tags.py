from django import template

from ..links import account_url as _account_url
from ..models import identity_level_text as _identity_level_text

register = template.Library()


@register.simple_tag(takes_context=True)
def account_url(context, name, *args):
    """{% account_url "accounts:my_pages" %}: the account page under the page's municipality, if any."""
    return _account_url(name, context.get("municipality"), args)


@register.filter
def identity_level_text(level):
    """{{ question.identity_level|identity_level_text }}: the level an action used, in words ("Not recorded")."""
    return _identity_level_text(level)
