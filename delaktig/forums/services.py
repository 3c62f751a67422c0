"""Writes of the standing forums, each with its audit event in the same transaction."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from delaktig.core.audit import audit_record
from delaktig.organisations.models import Municipality

from . import selectors
from .models import Consultation, Forum, ForumMeeting, ForumMember, Statement


def _save(instance: models.Model, *, municipality: Municipality, actor: Any, action: str, values: dict) -> Any:
    """Set `values` on `instance`, save it and record `<action>.create` or `<action>.update`."""
    created = instance.pk is None
    for name, value in values.items():  # as a form saves: a cleared file is emptied, no new file keeps the old one
        field = instance._meta.get_field(name)
        assert isinstance(field, models.Field), name
        field.save_form_data(instance, value)
    instance.save()
    audit_record(
        municipality=municipality,
        actor=actor,
        action=f"{action}.{'create' if created else 'update'}",
        target=instance,
        data={"fields": sorted(values)},
    )
    return instance


@transaction.atomic
def forum_save(*, municipality: Municipality, actor: Any, values: dict, forum: Forum | None = None) -> Forum:
    forum = forum or Forum(municipality=municipality)
    return _save(forum, municipality=municipality, actor=actor, action="forum", values=values)


@transaction.atomic
def member_save(*, forum: Forum, actor: Any, values: dict, member: ForumMember | None = None) -> ForumMember:
    """Appoint a member or change an appointment. The same person may not hold two overlapping terms in one forum
    (ValidationError in words); the forum's row is locked so two staff cannot appoint the same person at once."""
    Forum.objects.select_for_update().filter(pk=forum.pk).first()
    start, end = values["term_start"], values.get("term_end")
    if end is not None and end < start:
        raise ValidationError(_("The term must end on or after the day it starts."), code="term_order")
    pk = member.pk if member else None
    if selectors.overlapping_terms(forum, name=values["name"], start=start, end=end, exclude_pk=pk):
        raise ValidationError(
            _("%(name)s is already appointed to the forum for a term that overlaps this one. Change the dates."),
            code="term_overlap",
            params={"name": values["name"]},
        )
    member = member or ForumMember(forum=forum)
    return _save(member, municipality=forum.municipality, actor=actor, action="forum_member", values=values)


@transaction.atomic
def meeting_save(*, forum: Forum, actor: Any, values: dict, meeting: ForumMeeting | None = None) -> ForumMeeting:
    meeting = meeting or ForumMeeting(forum=forum)
    return _save(meeting, municipality=forum.municipality, actor=actor, action="forum_meeting", values=values)


@transaction.atomic
def consultation_save(
    *, forum: Forum, actor: Any, values: dict, consultation: Consultation | None = None
) -> Consultation:
    consultation = consultation or Consultation(forum=forum)
    return _save(consultation, municipality=forum.municipality, actor=actor, action="forum_matter", values=values)


@transaction.atomic
def statement_save(
    *, consultation: Consultation, actor: Any, values: dict, statement: Statement | None = None
) -> Statement:
    statement = statement or Statement(consultation=consultation)
    municipality = consultation.forum.municipality
    return _save(statement, municipality=municipality, actor=actor, action="forum_statement", values=values)
