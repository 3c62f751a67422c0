import datetime

from django.utils import timezone

from delaktig.accounts.models import User
from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.participation.models import ModerationStatus, Module, Phase

from ..models import Statement, Vote


def statements_module(*, municipality, state=State.OPEN, phase="write_and_vote", moderation="post"):
    """A dialogue in `state` with a statements module whose running phase is `phase` (None: the phase is over)."""
    dialogue = dialogue_in_state(state, municipality=municipality, moderation=moderation)
    module = Module.objects.create(dialogue=dialogue, method="statements", name="Påståenden om centrum")
    now = timezone.now()
    if phase is None:
        starts, ends = now - datetime.timedelta(days=20), now - datetime.timedelta(days=1)
    else:
        starts, ends = now - datetime.timedelta(days=1), now + datetime.timedelta(days=10)
    Phase.objects.create(
        module=module, phase_type=phase or "write_and_vote", name="Tyck till", starts_at=starts, ends_at=ends
    )
    return Module.objects.select_related("dialogue__municipality").get(pk=module.pk)


def statement(module, text="Centrum behöver fler träd.", *, status=ModerationStatus.PUBLISHED, author=None):
    return Statement.objects.create(
        module=module, municipality=module.municipality, text=text, status=status, author=author, seeded=author is None
    )


def voters(n, prefix="rostare"):
    """`n` residents, made in one query."""
    return User.objects.bulk_create([User(email=f"{prefix}{i}@example.se", name=f"Röstare {i}") for i in range(n)])


def votes_bulk(module, rows):
    """Votes from (user, statement, choice) rows, made in one query (no audit events, no analysis asked)."""
    Vote.objects.bulk_create([Vote(module=module, statement=s, user=u, choice=c) for u, s, c in rows])
