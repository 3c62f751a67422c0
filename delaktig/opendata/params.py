"""Query parameters of the API, parsed by the type their DatasetField gives; bad input is a BadParameter.

The same limits are written into the OpenAPI document (openapi.py), so what the document promises is what
the API accepts.
"""

import datetime
import re

from django.utils.translation import gettext as _

PAGE_SIZE_DEFAULT = 50
PAGE_SIZE_MAX = 500
PAGE_MAX = 1_000_000
INTEGER_BOUNDS = (0, 2**31 - 1)
STRING_MAX = 200
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
BOOLEANS = {"true": True, "false": False}


class BadParameter(ValueError):
    def __init__(self, name, message):
        super().__init__(message)
        self.name = name
        self.message = message


def integer_bounds(dataset, name):
    return tuple(dataset.extra.get("bounds", {}).get(name, INTEGER_BOUNDS))


def choices(dataset, name):
    return dataset.extra.get("choices", {}).get(name)


def parse_integer(name, raw, low, high):
    if not re.fullmatch(r"-?\d{1,12}", raw.strip()):
        raise BadParameter(name, _("%(name)s must be a whole number.") % {"name": name})
    value = int(raw)
    if not low <= value <= high:
        raise BadParameter(
            name, _("%(name)s must be between %(low)s and %(high)s.") % {"name": name, "low": low, "high": high}
        )
    return value


def parse_string(name, raw, allowed=None):
    if len(raw) > STRING_MAX or CONTROL.search(raw):
        raise BadParameter(name, _("%(name)s is too long or has characters that are not allowed.") % {"name": name})
    if allowed is not None and raw not in allowed:
        values = ", ".join(allowed)
        raise BadParameter(name, _("%(name)s must be one of: %(values)s.") % {"name": name, "values": values})
    return raw


def parse_date(name, raw, kind):
    try:
        if kind == "date":
            return datetime.date.fromisoformat(raw)
        return datetime.datetime.fromisoformat(raw)
    except ValueError:
        raise BadParameter(name, _("%(name)s must be a date written as YYYY-MM-DD.") % {"name": name}) from None


def parse_value(dataset, field, raw):
    name = field.name
    if field.type == "integer":
        return parse_integer(name, raw, *integer_bounds(dataset, name))
    if field.type == "boolean":
        if raw.lower() not in BOOLEANS:
            raise BadParameter(name, _("%(name)s must be true or false.") % {"name": name})
        return BOOLEANS[raw.lower()]
    if field.type in ("date", "date-time"):
        return parse_date(name, raw, field.type)
    if field.type == "number":
        try:
            return float(raw)
        except ValueError:
            raise BadParameter(name, _("%(name)s must be a number.") % {"name": name}) from None
    return parse_string(name, raw, choices(dataset, name))


def parse_filters(dataset, query):
    """{parameter: parsed value} for the dataset's filters present (and not empty) in the query."""
    parsed = {}
    for field in dataset.filters:
        raw = query.get(field.name, "")
        if raw != "":
            parsed[field.name] = parse_value(dataset, field, raw)
    return parsed


def parse_page(query):
    """(page, page_size) from ?page=&page_size=, with their defaults."""
    page = parse_integer("page", query.get("page") or "1", 1, PAGE_MAX)
    size = parse_integer("page_size", query.get("page_size") or str(PAGE_SIZE_DEFAULT), 1, PAGE_SIZE_MAX)
    return page, size
