"""Template helpers available in every template (registered as a builtin)."""

from django import template
from django.conf import settings
from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def human_date(value):
    """'23 november 2026' in the active language."""
    if not value:
        return ""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value)
    return formats.date_format(value, "j F Y")


@register.filter
def human_datetime(value):
    """'23 november 2026 kl. 18.00'."""
    if not value:
        return ""
    value = timezone.localtime(value)
    return _("%(date)s at %(time)s") % {"date": formats.date_format(value, "j F Y"), "time": value.strftime("%H.%M")}


@register.filter
def number(value):
    """12 345 with a (non-breaking) space as thousands separator, 12,5 for a share with one decimal, nothing for
    a missing value."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.1f}".replace(",", "\u00a0").replace(".", ",")
    try:
        return f"{int(value):,}".replace(",", "\u00a0")
    except (TypeError, ValueError):
        return value


CSS_PLAIN = frozenset(" ,.:()–_")


@register.filter
def css_string(value):
    """Text for a CSS string in a <style> block (a PDF's running footer): every sign that could end the string or
    the block is written as a CSS escape, so "Barn- och bildningsnämnden" prints as it is written."""
    text = "".join(ch if ch.isalnum() or ch in CSS_PLAIN else f"\\{ord(ch):x} " for ch in str(value))
    return mark_safe(text)  # noqa: S308 - nothing in it can end the string or the style block


@register.filter
def has_role(user_roles, roles):
    return bool(set(user_roles) & set(roles.split(",")))


@register.simple_tag
def content_lang():
    """` lang="sv"` on an element holding what staff wrote (in the site's content language, Swedish) when the
    page is in another language; nothing when the page is in Swedish already."""
    content = settings.LANGUAGE_CODE
    if (get_language() or content).split("-")[0] == content.split("-")[0]:
        return ""
    return mark_safe(f' lang="{content}"')  # noqa: S308 - a language code from settings


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs):
    """The current query string with some parameters replaced (for pagination links)."""
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        query[key] = value
    return query.urlencode()


@register.inclusion_tag("includes/ladder.html")
def ladder(dialogue):
    current = dialogue.ladder
    return {"steps": dialogue.ladder_steps, "current": current}
