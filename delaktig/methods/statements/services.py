"""Writes for statements and opinion groups. Each leaves an audit event in the same transaction; every vote and
every moderation asks for a fresh analysis after the commit (tasks.analysis_refresh_later), never in the request."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from delaktig.accounts.services import identity_level_of
from delaktig.core.audit import audit_record
from delaktig.participation.models import ModerationStatus
from delaktig.participation.services import initial_status

from .models import TEXT_MAX, Choice, Statement, Vote
from .tasks import analysis_refresh_later


class VoteRefused(Exception):
    """The vote cannot be stored; `message` says why, in words for the resident."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def _text_clean(text):
    text = " ".join(str(text).split())
    if not text or len(text) > TEXT_MAX:
        raise ValueError(f"A statement is 1 to {TEXT_MAX} characters")
    return text


@transaction.atomic
def statement_seed(*, module, text, actor):
    """A statement written by staff to start the conversation: published at once."""
    statement = Statement.objects.create(
        module=module,
        municipality=module.municipality,
        text=_text_clean(text),
        seeded=True,
        entered_by=actor,
        status=ModerationStatus.PUBLISHED,
    )
    audit_record(municipality=module.municipality, actor=actor, action="statements.seed", target=statement)
    return statement


@transaction.atomic
def statement_create(*, module, author, text):
    """A resident's statement, moderated as the dialogue says. Statements are shown without a name; the account is
    kept as the dialogue's setting says (none when it is anonymous by design, nor in the audit event)."""
    account = module.dialogue.account_for(author)
    statement = Statement.objects.create(
        module=module,
        municipality=module.municipality,
        author=account,
        text=_text_clean(text),
        status=initial_status(module.dialogue),
        identity_level=identity_level_of(author),
    )
    audit_record(municipality=module.municipality, actor=account, action="statements.create", target=statement)
    return statement


@transaction.atomic
def vote_cast(*, statement, user, choice):
    """The person's vote on a published statement: a new one, or their earlier vote changed. Returns the vote.

    Raises VoteRefused, storing nothing, for a statement that is not published (removed, or waiting for a
    moderator) or a choice that is not agree, disagree or pass."""
    if choice not in Choice.values:
        raise VoteRefused(_("Choose agree, disagree or pass."))
    current = Statement.objects.filter(pk=statement.pk).values_list("status", flat=True).first()
    if current != ModerationStatus.PUBLISHED:
        raise VoteRefused(_("This statement has been removed, so it cannot be voted on. Here is another one."))
    vote, created = _vote_store(statement, user, choice)
    if vote is None:
        return None
    action = "statements.vote" if created else "statements.vote_change"
    audit_record(municipality=statement.municipality, actor=user, action=action, target=statement)
    analysis_refresh_later(module_id=statement.module_id)
    return vote


def _vote_store(statement, user, choice):
    """(vote, created); (None, False) when the same vote was already stored (a form sent twice)."""
    existing = Vote.objects.select_for_update().filter(statement=statement, user=user).first()
    if existing is None:
        try:
            with transaction.atomic():
                return Vote.objects.create(
                    module_id=statement.module_id, statement=statement, user=user, choice=choice
                ), True
        except IntegrityError:  # the same person's other request stored it a moment ago
            existing = Vote.objects.select_for_update().get(statement=statement, user=user)
    if existing.choice == choice:
        return None, False
    existing.choice = choice
    existing.save(update_fields=["choice", "updated_at"])
    return existing, False
