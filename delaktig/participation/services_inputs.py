"""Writes shared by the methods whose inputs residents support and comment on (AbstractInput, AbstractSupport).
Each leaves an audit event in the same transaction."""

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone, translation

from delaktig.accounts.services import identity_level_of
from delaktig.core.audit import audit_record

from .registry import desk_undo_window
from .services import initial_status, moderate
from .tasks import input_receipt_send, receipt_send_now


def written_online(module: Any, author: Any, pseudonym: str = "") -> dict[str, Any]:
    """The fields of an input a resident writes online: the account kept and the name shown as the dialogue's
    setting says (Dialogue.account_for, public_name_for), the status moderation gives it, and the identity level the
    author has now."""
    dialogue = module.dialogue
    return {
        "module": module,
        "municipality": module.municipality,
        "author": dialogue.account_for(author),
        "author_name": dialogue.public_name_for(author, pseudonym),
        "status": initial_status(dialogue),
        "identity_level": identity_level_of(author),
    }


def input_create_once(sent_before: QuerySet[Any], *, submission_key: str | None, **fields: Any) -> tuple[Any, bool]:
    """(input, True) for a new input of `sent_before`'s model made of `fields`; (input, False) when `sent_before`
    already holds one under `submission_key`: the same form was sent twice."""
    if submission_key:
        existing = sent_before.filter(submission_key=submission_key).first()
        if existing:
            return existing, False
    try:
        with transaction.atomic():
            return sent_before.model.objects.create(submission_key=submission_key, **fields), True
    except IntegrityError:
        existing = sent_before.filter(submission_key=submission_key).first()
        if existing is None:
            raise
        return existing, False


def input_receipt_later(item: Any, *, account: Any, author: Any) -> None:
    """After commit, the e-mail receipt for a new input a resident wrote online: a task for the account kept; when
    the dialogue keeps no account (anonymous by design), sent in this process to `author`'s address, which is
    written nowhere (no task row, no session)."""
    model, language = item._meta.label, translation.get_language()
    if account is not None:
        transaction.on_commit(lambda: input_receipt_send.enqueue(model=model, input_id=item.pk, language=language))
        return
    email = getattr(author, "email", "")
    if email:
        transaction.on_commit(
            lambda: receipt_send_now(model=model, input_id=item.pk, email=email, language=language), robust=True
        )


@transaction.atomic
def support_toggle(*, item: Any, user: Any, support: bool = True) -> bool:
    """Support (or stop supporting) an input. Safe to send twice: the database allows one support per person.
    False when nothing changed."""
    changed = _support_add(item, user) if support else _support_remove(item, user)
    if changed:
        action = f"{item._meta.app_label}.{'support' if support else 'unsupport'}"
        audit_record(municipality=item.municipality, actor=user, action=action, target=item)
    return changed


def _support_add(item: Any, user: Any) -> bool:
    try:
        with transaction.atomic():
            item.supports.create(user=user)
    except IntegrityError:
        return False
    return True


def _support_remove(item: Any, user: Any) -> bool:
    deleted, _ = item.supports.filter(user=user).delete()
    return bool(deleted)


def input_moderate(*, item: Any, actor: Any, publish: bool, reason: str = "", note: str = "") -> Any:
    """Publish or remove an input; removing needs one of the published reasons."""
    if not publish and not reason:
        raise ValueError("A removed input needs a reason")
    return moderate(item=item, actor=actor, publish=publish, reason=reason, note=note)


def about_you_kept(module: Any, age_band: str, gender: str, area: Any) -> dict[str, Any]:
    """The voluntary about-you answers as an input stores them: only an area of the dialogue's own municipality is
    kept."""
    if area is not None and area.municipality_id != module.dialogue.municipality_id:
        area = None
    return {"age_band": age_band or "", "gender": gender or "", "area": area}


def input_desk_undo(
    model: Any, *, module: Any, item_id: int, actor: Any, action: str, data: Any, now: Any = None
) -> bool:
    """Remove an input of `model` that `actor` entered at the desk a moment ago (within DESK_UNDO_MINUTES), with the
    audit event `action` and `data(item)`; False, nothing changed, otherwise."""
    item = model.objects.select_for_update().filter(module=module, pk=item_id, author=None).first()
    now = now or timezone.now()
    if item is None or not actor.is_authenticated or item.entered_by_id != actor.pk:
        return False
    if now - item.created_at > desk_undo_window():
        return False
    audit_record(municipality=item.municipality, actor=actor, action=action, target=item, data=data(item))
    item.delete()
    return True
