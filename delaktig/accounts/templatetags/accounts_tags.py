from django import template

from ..links import account_url as _account_url

register = template.Library()


@register.simple_tag(takes_context=True)
def account_url(context, name, *args):
    """{% account_url "accounts:my_pages" %}: the account page under the page's municipality, if any."""
    return _account_url(name, context.get("municipality"), args)
