"""Writes of forum consultations, each with its audit event. A statement recorded here is also the forum's own
statement on the matter (delaktig.forums), so it shows on the forum's public page too."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from delaktig.core.audit import audit_record
from delaktig.forums import services as forum_services
from delaktig.forums.models import Consultation, Forum, Statement
from delaktig.participation.models import Module

from .models import KEY, ForumChoice, ForumInput


def _audit(module: Module, actor: Any, action: str, target: Any, data: dict | None = None) -> None:
    audit_record(
        municipality=module.dialogue.municipality, actor=actor, action=f"{KEY}.{action}", target=target, data=data
    )


@transaction.atomic
def forum_choose(*, module: Module, forum: Forum, actor: Any) -> ForumChoice:
    """Name the forum the module consults; refused in words once statements are taken in."""
    if forum.municipality_id != module.dialogue.municipality_id:
        raise ValidationError(_("Choose one of the municipality's forums."))
    if ForumInput.objects.filter(module=module).exists():
        raise ValidationError(_("The forum cannot be changed once its statements are part of the dialogue."))
    choice, _created = ForumChoice.objects.update_or_create(module=module, defaults={"forum": forum})
    _audit(module, actor, "forum_choose", choice, {"forum": forum.name})
    return choice


def _matter(choice: ForumChoice, actor: Any, given_on: datetime.date) -> Consultation:
    """The matter in the forum's records: made from the dialogue the first time a statement is recorded (asked at the
    latest on the day the forum answered)."""
    if choice.consultation is not None:
        return choice.consultation
    dialogue = choice.module.dialogue
    values = {
        "title": dialogue.title[:200],
        "description": dialogue.question,
        "asked_on": min(given_on, timezone.localdate()),
    }
    consultation = forum_services.consultation_save(forum=choice.forum, actor=actor, values=values)
    choice.consultation = consultation
    choice.save(update_fields=["consultation", "updated_at"])
    return consultation


@transaction.atomic
def statement_record(*, module: Module, actor: Any, given_on: datetime.date, text: str) -> ForumInput:
    """Record the forum's statement on the dialogue's matter: in the forum's records and as an input here."""
    choice = ForumChoice.objects.select_related("forum__municipality", "module__dialogue").get(module=module)
    consultation = _matter(choice, actor, given_on)
    values = {"given_on": given_on, "text": text}
    statement = forum_services.statement_save(consultation=consultation, actor=actor, values=values)
    item = ForumInput.objects.create(module=module, statement=statement, recorded_by=actor)
    _audit(module, actor, "statement_record", item)
    return item


@transaction.atomic
def statements_pick(*, module: Module, actor: Any, statements: list[Statement]) -> list[ForumInput]:
    """Take statements already recorded in the forum into the dialogue (each once)."""
    choice = ForumChoice.objects.get(module=module)
    taken = set(ForumInput.objects.filter(module=module).values_list("statement_id", flat=True))
    items = []
    for statement in statements:
        if statement.consultation.forum_id != choice.forum_id or statement.pk in taken:
            continue
        item = ForumInput.objects.create(module=module, statement=statement, recorded_by=actor)
        _audit(module, actor, "statement_pick", item)
        items.append(item)
    return items


def erase(user: Any) -> int:
    """The statements stay (they are the forum's); the account that recorded them is forgotten."""
    return ForumInput.objects.filter(recorded_by=user).update(recorded_by=None)
