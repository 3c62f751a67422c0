from django import template

from ..identity import contact_hidden, display_name
from ..links import account_url as _account_url
from ..models import identity_level_text as _identity_level_text

register = template.Library()


@register.simple_tag(takes_context=True)
def account_url(context, name, *args):
    """{% account_url "accounts:my_pages" %}: the account page under the page's municipality, if any."""
    return _account_url(name, context.get("municipality"), args)


@register.filter
def shown_name(person, viewer=None):
    """{{ person|shown_name:request.user }}: the person's name, or "Protected identity" for anyone else."""
    return display_name(person, viewer)


@register.simple_tag
def shown_as(person, name, viewer=None):
    """{% shown_as row.user row.name request.user %}: a name copied onto a row, hidden as the person's would be."""
    return display_name(person, viewer, name=name)


@register.filter
def contact_for(person, viewer=None):
    """{% if person|contact_for:request.user %}: whether the person's contact details may be shown."""
    return not contact_hidden(person, viewer)


@register.filter
def identity_level_text(level):
    """{{ question.identity_level|identity_level_text }}: the level an action used, in words ("Not recorded")."""
    return _identity_level_text(level)
