"""Retention: the table of every app's kinds, a municipality's periods, and the job that applies them."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from delaktig.accounts import hookspecs as account_hooks
from delaktig.core import hookspecs as core_hooks
from delaktig.core.audit import audit_record
from delaktig.core.retention import RetentionKind, cutoff_for
from delaktig.organisations.models import Municipality

from .models import RetentionPeriod, RetentionRun

logger = logging.getLogger("delaktig.privacy")


def retention_kinds() -> list[RetentionKind]:
    """Every kind of personal data the apps and methods hold (hook `retention_kinds`), in a stable order."""
    found = [kind for hook in core_hooks.retention_kinds.implementations() for kind in (hook() or ())]
    return sorted(found, key=lambda kind: (not kind.per_municipality, kind.key))


def retention_kind(key: str) -> RetentionKind:
    for kind in retention_kinds():
        if kind.key == key and kind.per_municipality:
            return kind
    raise Http404("No such kind of personal data")


@dataclass(frozen=True)
class Rule:
    """A kind with the period that applies in one municipality."""

    kind: RetentionKind
    amount: int | None  # in kind.unit; None: kept
    is_default: bool


def rules_for(municipality: Municipality | None) -> list[Rule]:
    own = dict(RetentionPeriod.objects.filter(municipality=municipality).values_list("kind", "amount"))
    return [_rule(kind, municipality, own) for kind in retention_kinds()]


def _rule(kind: RetentionKind, municipality: Municipality | None, own: dict[str, Any]) -> Rule:
    if municipality is None or not kind.per_municipality:
        return Rule(kind, kind.default, True)
    if kind.read_period is not None:
        amount = kind.read_period(municipality)
        return Rule(kind, amount, amount == kind.default)
    if kind.key in own:
        return Rule(kind, own[kind.key], own[kind.key] == kind.default)
    return Rule(kind, kind.default, True)


@transaction.atomic
def retention_period_save(*, municipality: Municipality, kind: RetentionKind, amount: int | None, actor) -> None:
    """Set a municipality's period for a kind (None: kept); the form has checked the minimum."""
    before = _rule(
        kind,
        municipality,
        dict(RetentionPeriod.objects.filter(municipality=municipality).values_list("kind", "amount")),
    ).amount
    if kind.write_period is not None:
        kind.write_period(municipality, amount, actor)
    else:
        RetentionPeriod.objects.update_or_create(municipality=municipality, kind=kind.key, defaults={"amount": amount})
    audit_record(
        municipality=municipality,
        actor=actor,
        action="retention.period_update",
        target=municipality,
        data={"kind": kind.key, "before": before, "after": amount, "unit": kind.unit},
    )


def retention_apply(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """The periodic job: apply every municipality's rules, then those of data that belongs to no municipality.
    Each run is logged (RetentionRun) with an audit event; safe to run again (a second run removes nothing)."""
    now = now or timezone.now()
    totals: dict[str, int] = {}
    for municipality in Municipality.objects.order_by("pk"):
        run = _run(municipality, now)
        totals[municipality.slug] = run.total
    totals["-"] = _run(None, now).total
    return totals


def _run(municipality: Municipality | None, now: datetime.datetime) -> RetentionRun:
    started = timezone.now()
    removed = {}
    for rule in rules_for(municipality):
        if rule.kind.per_municipality != (municipality is not None) or rule.amount is None:
            continue
        removed[rule.kind.key] = rule.kind.apply(municipality, cutoff_for(now, rule.amount, rule.kind.unit))
    return _run_record(municipality, started, removed)


@transaction.atomic
def _run_record(municipality, started, removed) -> RetentionRun:
    run = RetentionRun.objects.create(
        municipality=municipality,
        started_at=started,
        finished_at=timezone.now(),
        removed=removed,
        total=sum(removed.values()),
    )
    if municipality is not None:
        audit_record(
            municipality=municipality,
            actor=None,
            action="retention.run",
            target=run,
            data={"removed": {key: count for key, count in removed.items() if count}, "total": run.total},
        )
    logger.info("Retention for %s: %s", municipality or "no municipality", removed)
    return run


@transaction.atomic
def protected_identity_set(*, municipality: Municipality, person, protected: bool, reason: str, actor) -> None:
    """Mark or unmark a person's identity as protected (skyddade personuppgifter), with an audit event. The reason
    stays in the audit event only; the person's own name is never written into it."""
    if person.protected_identity == protected:
        return
    person.protected_identity = protected
    person.save(update_fields=["protected_identity"])
    hidden = 0
    if protected:
        hidden = sum(hook(person) or 0 for hook in account_hooks.identity_protect.implementations())
    audit_record(
        municipality=municipality,
        actor=actor,
        action="person.protect" if protected else "person.unprotect",
        target=person,
        data={"reason": reason, "names_hidden": hidden},
    )


def audit_viewed(*, municipality: Municipality, actor, filters: dict[str, Any], export: bool) -> None:
    """Looking at the audit log leaves an event itself: who looked, with which filters."""
    audit_record(
        municipality=municipality,
        actor=actor,
        action="audit_log.export" if export else "audit_log.view",
        target=municipality,
        data={key: str(value) for key, value in filters.items() if value},
    )


def register_extract_made(*, municipality: Municipality, person, actor, file_format: str) -> None:
    audit_record(
        municipality=municipality,
        actor=actor,
        action="person.register_extract",
        target=person,
        data={"format": file_format},
    )
