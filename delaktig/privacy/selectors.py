"""Reads for the privacy pages: the audit log with its filters, and the people a municipality knows."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from delaktig.accounts.models import User
from delaktig.core.audit import event_label
from delaktig.core.models import AuditEvent
from delaktig.organisations.models import Membership, Municipality


def audit_events(
    municipality: Municipality,
    *,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    person: str = "",
    action: str = "",
    object_type: int | str | None = None,
) -> QuerySet[AuditEvent]:
    """The municipality's audit events, newest first, filtered; never another municipality's."""
    events = AuditEvent.objects.filter(municipality=municipality).select_related("actor", "target_type")
    if date_from:
        events = events.filter(created_at__gte=_start_of(date_from))
    if date_to:
        events = events.filter(created_at__lt=_start_of(date_to + datetime.timedelta(days=1)))
    if person.strip():
        text = person.strip()
        events = events.filter(Q(actor__email__iexact=text) | Q(actor__name__icontains=text))
    if action:
        events = events.filter(action=action)
    if object_type:
        events = events.filter(target_type_id=int(object_type))
    return events.order_by("-created_at", "-id")


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def audit_action_choices(municipality: Municipality) -> list[tuple[str, str]]:
    """(action, words) of every action in the municipality's log; a lifecycle step's words come from its latest
    event (core.audit.event_label)."""
    events = AuditEvent.objects.filter(municipality=municipality)
    latest = events.values("action").annotate(last=Max("id")).values_list("last", flat=True)
    choices = {event.action: str(event_label(event)) for event in AuditEvent.objects.filter(pk__in=list(latest))}
    return sorted(choices.items(), key=lambda choice: choice[1])


def audit_object_type_choices(municipality: Municipality) -> list[tuple[str, str]]:
    ids = AuditEvent.objects.filter(municipality=municipality).values_list("target_type", flat=True).distinct()
    types = ContentType.objects.filter(pk__in=set(ids))
    return sorted(((str(t.pk), _type_name(t)) for t in types), key=lambda choice: choice[1])


def _type_name(content_type: ContentType) -> str:
    model = content_type.model_class()
    if model is None:
        return content_type.model
    return str(model._meta.verbose_name).capitalize()


def people_known(municipality: Municipality) -> QuerySet[User]:
    """People this municipality holds data about: its staff, and everyone who did something recorded in its
    audit trail (signed, proposed, registered, answered …). Another municipality's residents are not found."""
    acted = AuditEvent.objects.filter(municipality=municipality, actor=OuterRef("pk"))
    staff = Membership.objects.filter(municipality=municipality, user=OuterRef("pk"))
    return User.objects.filter(Exists(acted) | Exists(staff))


def people_find(municipality: Municipality, query: str) -> QuerySet[User]:
    text = query.strip()
    found = people_known(municipality).filter(Q(email__iexact=text) | Q(name__icontains=text))
    return found.order_by("name", "email")[:50]


def person_get(municipality: Municipality, person_id: int) -> User:
    person = people_known(municipality).filter(pk=person_id).first()
    if person is None:
        raise Http404("No such person in this municipality")
    return person
