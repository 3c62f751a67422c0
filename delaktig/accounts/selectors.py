"""Reads for My pages."""

import datetime

from delaktig.accounts import hookspecs as account_hooks


def contributions_for(*, user):
    """What `user` has sent in, by method: [(method name, [item])], each item ready to show."""
    sections = []
    for hook in account_hooks.my_contributions.implementations():
        for name, rows in (hook(user) or {}).items():
            sections.append((str(name), [contribution_item(row) for row in rows]))
    return sections


def contribution_item(row):
    """A contribution as My pages shows it, whatever method it came from."""
    title = row.get("title") or ""
    text = row.get("text") or ""
    return {
        "title": title or _excerpt(text),
        "text": text if title else "",
        "dialogue": row.get("dialogue") or "",
        "reference": row.get("reference") or row.get("on") or "",
        "status": row.get("status_text") or "",
        "created": _as_datetime(row.get("created") or row.get("created_at")),
        "url": row.get("url") or "",
    }


def _excerpt(text, length=80):
    return text if len(text) <= length else text[: length - 1].rsplit(" ", 1)[0] + "…"


def _as_datetime(value):
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.datetime.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def users_with_two_factor(*, user_ids):
    """The ids among `user_ids` of people with two-step verification on."""
    from .models import TwoFactor

    return set(
        TwoFactor.objects.filter(user_id__in=user_ids, confirmed_at__isnull=False).values_list("user_id", flat=True)
    )
