"""Retention (gallring): how long each kind of personal data is kept, and what removing it means.

Every app that holds personal data offers its kinds through the hook `retention_kinds` (methods too, so central code
names none of them). Each app keeps its rows in one readable table, a `RETENTION = (RetentionKind(...), ...)` in its
`retention.py`; the privacy app shows them all on one page, lets an administrator change a municipality's periods,
and applies them once a day (`privacy.services.retention_apply`). `docs/privacy.md` lists them in prose.

A kind's `apply(municipality, cutoff)` removes what became older than `cutoff` (a datetime): it must be idempotent
(a second run removes nothing more), work in batches and return how many rows it removed. What must be kept as a
public record (allmän handling: the count of a petition, the decision, the registry entry) stays: such kinds
`STRIP` the personal fields and keep the row.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

DELETE = "delete"  # the row goes
STRIP = "strip"  # the personal fields are emptied, the record stays
REMOVAL_LABELS = {DELETE: _("Deleted"), STRIP: _("Personal details removed, the record stays")}
DAYS, MONTHS = "days", "months"
BATCH = 500


@dataclass(frozen=True)
class RetentionKind:
    key: str  # stable: stored with a municipality's own period and in the run log
    description: Any  # what the data is, in words (lazy translation)
    counts_from: Any  # from when the period counts, in words: "after the signature was made"
    removal: str  # DELETE or STRIP
    removal_note: Any  # what removing leaves, in words
    unit: str  # DAYS or MONTHS
    default: int | None  # the period in `unit`; None: kept (gallras ej)
    apply: Callable[[Any, datetime.datetime], int]  # (municipality or None, cutoff) -> rows removed
    minimum: int = 0  # a legal minimum in `unit`, where one exists
    minimum_reason: Any = ""
    maximum: int | None = None
    per_municipality: bool = True  # False: the data belongs to no municipality (accounts) and the default applies
    may_keep_forever: bool = True
    # Where the period is kept elsewhere (the panel's own setting): read and write it there instead.
    read_period: Callable[[Any], int | None] | None = None
    write_period: Callable[[Any, int | None, Any], None] | None = None


def cutoff_for(now: datetime.datetime, amount: int, unit: str) -> datetime.datetime:
    """`now` minus `amount` days or calendar months (the day clamped to the month's last)."""
    if unit == DAYS:
        return now - datetime.timedelta(days=amount)
    month_index = now.year * 12 + now.month - 1 - amount
    year, month = divmod(month_index, 12)
    month += 1
    last = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return now.replace(year=year, month=month, day=min(now.day, last))


def in_batches(queryset, change: Callable[[Any], int], *, size: int = BATCH) -> int:
    """Apply `change(queryset of at most `size` rows)` until nothing is left; each batch in its own transaction,
    so a long run holds no lock for long and a second runner only finds what is left. `queryset` must no longer
    select a row once it is changed; a batch that changes nothing ends the run rather than loop."""
    total = 0
    while True:
        with transaction.atomic():
            ids = list(queryset.order_by("pk").values_list("pk", flat=True)[:size])
            changed = change(queryset.model.objects.filter(pk__in=ids)) if ids else 0
        total += changed
        if not changed:
            return total


def delete_rows(rows) -> int:
    """Delete the rows; how many of the model itself (rows that cascade are not counted)."""
    _total, per_model = rows.delete()
    return per_model.get(rows.model._meta.label, 0)
