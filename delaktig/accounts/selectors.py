"""Reads for My pages."""

import datetime

from delaktig.accounts import hookspecs as account_hooks
from delaktig.accounts.models import identity_level_text


def contributions_for(*, user):
    """What `user` has sent in, by method: [(method name, [item])], each item ready to show."""
    sections = []
    for hook in account_hooks.my_contributions.implementations():
        for name, rows in (hook(user) or {}).items():
            sections.append((str(name), [contribution_item(row) for row in rows]))
    return sections


SHOWN_PER_KIND = 20  # My pages shows the latest of each kind; a link shows the rest


def contribution_sections(*, user, full=None):
    """My pages' list of what `user` has sent in: one section per kind, newest first, each cut at SHOWN_PER_KIND
    unless its number is `full`. [{"number", "name", "items", "total"}]"""
    sections = []
    for number, (name, items) in enumerate(contributions_for(user=user), start=1):
        items = sorted(items, key=_newest_first)
        shown = items if str(number) == str(full) else items[:SHOWN_PER_KIND]
        sections.append({"number": number, "name": name, "items": shown, "total": len(items)})
    return sections


def _newest_first(item):
    created = item["created"]
    return (created is None, "" if created is None else _reversed(created.isoformat()))


def _reversed(text):
    """A key that sorts ISO dates newest first (every character's code turned around)."""
    return "".join(chr(0x10FFFF - ord(c)) for c in text)


def contribution_item(row):
    """A contribution as My pages shows it, whatever method it came from.

    Keys a row may have: title, text, dialogue, reference (or on), url, created (or created_at), status_text (what
    happened to it, in words), status_detail (more on that: the moderator's reason, the answer, the result), and
    identity_level (the IdentityLevel the person had when acting; None for rows from before it was kept). A row
    without identity_level is no action that counts (a draft, a follow): its level is shown as empty."""
    title = row.get("title") or ""
    text = row.get("text") or ""
    return {
        "title": title or _excerpt(text),
        "text": text if title else "",
        "dialogue": row.get("dialogue") or "",
        "reference": row.get("reference") or row.get("on") or "",
        "status": row.get("status_text") or "",
        "status_detail": row.get("status_detail") or "",
        "identity_level": row.get("identity_level"),
        "identity_level_text": identity_level_text(row.get("identity_level")) if "identity_level" in row else "",
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
