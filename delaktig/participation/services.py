"""Writes shared by all methods: modules, phases and comments."""

from django.db import transaction
from django.utils import timezone

from delaktig.accounts.identity import name_shown
from delaktig.accounts.services import identity_level_of
from delaktig.core.audit import audit_record

from .models import Channel, Comment, ModerationStatus, Module, Phase
from .signals import moderated


def initial_status(dialogue, *, entered_by_staff=False):
    """Pre-moderated dialogues hold residents' posts until a moderator publishes them."""
    if entered_by_staff or dialogue.moderation == "post":
        return ModerationStatus.PUBLISHED
    return ModerationStatus.PENDING


@transaction.atomic
def module_add(*, dialogue, method, name, actor, description="", settings=None):
    module = Module.objects.create(
        dialogue=dialogue,
        method=method,
        name=name,
        description=description,
        settings=settings or {},
        order=dialogue.modules.count(),
    )
    audit_record(municipality=dialogue.municipality, actor=actor, action="module.add", target=module)
    return module


@transaction.atomic
def phase_add(*, module, phase_type, name, starts_at, ends_at, actor, description=""):
    phase = Phase.objects.create(
        module=module,
        phase_type=phase_type,
        name=name,
        starts_at=starts_at,
        ends_at=ends_at,
        description=description,
    )
    audit_record(municipality=module.municipality, actor=actor, action="phase.add", target=phase)
    return phase


@transaction.atomic
def comment_create(
    *,
    target,
    author,
    text,
    dialogue=None,
    premoderated=None,
    municipality=None,
    channel=Channel.ONLINE,
    author_name="",
    pseudonym="",
    entered_by=None,
):
    """A comment on `target`. Held for a moderator when the dialogue is pre-moderated, or when
    `premoderated=True` is given for targets outside a dialogue (such as proposals); staff entries publish at once.

    In a dialogue the name shown follows the dialogue's setting (`Dialogue.public_name_for`), and when it is
    anonymous by design neither the comment nor its audit event keeps the account.
    """
    municipality = municipality or (dialogue.municipality if dialogue else target.municipality)
    identity_level = identity_level_of(author) if entered_by is None else None
    if dialogue is not None and entered_by is None:
        author_name = dialogue.public_name_for(author, pseudonym)
        author = dialogue.account_for(author)
    elif not author_name and author is not None:
        author_name = author.name
    author_name = name_shown(author, author_name)
    comment = Comment.objects.create(
        municipality=municipality,
        target=target,
        author=author,
        text=text,
        channel=channel,
        author_name=author_name,
        identity_level=identity_level,
        status=_comment_status(dialogue, premoderated, entered_by_staff=entered_by is not None),
    )
    audit_record(
        municipality=municipality,
        actor=entered_by or author,
        action="comment.create",
        target=comment,
        data={"channel": channel},
    )
    return comment


def _comment_status(dialogue, premoderated, *, entered_by_staff):
    if premoderated is None:
        return initial_status(dialogue, entered_by_staff=entered_by_staff)
    if entered_by_staff or not premoderated:
        return ModerationStatus.PUBLISHED
    return ModerationStatus.PENDING


@transaction.atomic
def moderate(*, item, actor, publish, reason="", note=""):
    """Publish or remove any Moderated item, with a reason when removing."""
    item.status = ModerationStatus.PUBLISHED if publish else ModerationStatus.REJECTED
    item.moderation_reason = "" if publish else reason
    item.moderation_note = note
    item.moderated_at = timezone.now()
    item.moderated_by = actor
    item.save(update_fields=["status", "moderation_reason", "moderation_note", "moderated_at", "moderated_by"])
    audit_record(
        municipality=item.municipality,
        actor=actor,
        action="moderation.publish" if publish else "moderation.remove",
        target=item,
        data={"reason": reason},
    )
    moderated.send(sender=type(item), item=item, published=publish, actor=actor)
    return item
