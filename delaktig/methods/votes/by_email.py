"""Voting with an e-mail address and no account: the ballot waits until the voter follows the link mailed to them.

- One ballot per vote and address. The key is a keyed hash of the address (trimmed, in lower case):
  "m" + HMAC-SHA256 with the site's secret, so the stored key names no address and cannot be guessed from one
  without the secret. The address itself is stored nowhere: only the task that mails the link carries it.
- The cast (`pending_cast`) is one statement built once per process: INSERT … ON CONFLICT (vote, key) DO UPDATE into
  `PendingBallot`, with its audit event and the mail's task row in the same statement on PostgreSQL when the task
  queue is django-tasks' database queue (the row as its `enqueue()` writes it); otherwise the audit event and the
  task (`enqueue()`) go in the same transaction. Casting again with the same address replaces the pending ballot and
  its link (a new `nonce`); a ballot already confirmed stays counted until the new one is confirmed.
- Following the link (`pending_confirm`) moves the pending ballot into `Ballot` (a new one, or the voter's earlier
  one replaced), in one transaction that locks the pending row, so a link followed twice at once counts once. After
  the vote has closed a link is refused.
- Throwaway addresses are refused (the `disposable-email-domains` package; local finds in
  VOTES_DISPOSABLE_EXTRA_DOMAINS); casts are limited per client address (VOTES_EMAIL_RATE_PER_IP per
  VOTES_EMAIL_RATE_IP_WINDOW seconds, 20 per 600) and per e-mail address (VOTES_EMAIL_RATE_PER_ADDRESS per
  VOTES_EMAIL_RATE_ADDRESS_WINDOW, 6 per 3600) through core.ratelimit.
"""

from __future__ import annotations

import datetime
import functools
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, connections, router, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from delaktig.accounts.models import IdentityLevel
from delaktig.core import ratelimit
from delaktig.core.audit import audit_record
from delaktig.core.models import AuditEvent
from delaktig.participation.models import Channel

from .eligibility import Declared
from .models import Ballot, PendingBallot, Vote
from .tasks import ballot_link_send, confirm_days
from .window import closes_at_of, vote_closed

if TYPE_CHECKING:
    from delaktig.organisations.models import Municipality

CONFIRM_SALT = "delaktig.votes.confirm-ballot"
KEY_SALT = "delaktig.votes.email-key"
MAX_EMAIL = 254
MAILED, CONFIRMED = "votes.ballot_mailed", "votes.ballot_confirm"

# What a confirmation link finds
PENDING = "pending"  # can be confirmed
DONE = "confirmed"
USED = "used"  # followed before: the ballot counts
NEWER = "newer"  # a later ballot with the same address has its own link
CLOSED = "closed"
EXPIRED = "expired"
INVALID = "invalid"


class AddressRefused(ValueError):
    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class EmailVoter:
    """participation.rules.allowed() asks for a person: someone voting with an address confirmed by its link is,
    for the phase rules, a person with a confirmed e-mail address (the link confirms it before the ballot counts)."""

    is_authenticated = True
    identity_level = IdentityLevel.EMAIL


EMAIL_VOTER = EmailVoter()


def address_normalised(email: str) -> str:
    return (email or "").strip().lower()


def email_key(email: str) -> str:
    """The voter key of an address: "m" and 40 hex digits of its keyed hash."""
    return "m" + salted_hmac(KEY_SALT, address_normalised(email), algorithm="sha256").hexdigest()[:40]


@functools.cache
def _disposable() -> frozenset[str]:
    from disposable_email_domains import allowlist, blocklist

    extra = getattr(settings, "VOTES_DISPOSABLE_EXTRA_DOMAINS", ())
    return frozenset(domain.strip().lower() for domain in (*(blocklist - allowlist), *extra) if domain.strip())


def is_disposable(domain: str) -> bool:
    parts = (domain or "").lower().strip(".").split(".")
    blocked = _disposable()
    return any(".".join(parts[i:]) in blocked for i in range(len(parts) - 1))


def address_checked(raw: str) -> str:
    """The address as given, trimmed; AddressRefused with a message otherwise."""
    email = (raw or "").strip()
    if not email:
        raise AddressRefused(_("Write your e-mail address. The link that makes your ballot count is sent there."))
    try:
        if len(email) > MAX_EMAIL:
            raise ValidationError("too long")
        validate_email(email)
    except ValidationError:
        raise AddressRefused(_("Write the e-mail address in the form name@example.se.")) from None
    if is_disposable(email.rpartition("@")[2]):
        raise AddressRefused(
            _("Addresses that only work for a short while cannot be used to vote. Use an address you keep.")
        )
    return email


def _limit(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def rate_limited(*, ip: str, email: str) -> bool:
    """Count a cast by address; True when the client or the e-mail address has cast too often lately."""
    window = _limit("VOTES_EMAIL_RATE_IP_WINDOW", 600)
    if ip and ratelimit.hit("votes.cast-ip", ip, window=window) > _limit("VOTES_EMAIL_RATE_PER_IP", 20):
        return True
    window = _limit("VOTES_EMAIL_RATE_ADDRESS_WINDOW", 3600)
    limit = _limit("VOTES_EMAIL_RATE_PER_ADDRESS", 6)
    return ratelimit.hit("votes.cast-address", address_normalised(email), window=window) > limit


# The link


def token_make(vote_id: int, voter_key: str, nonce: str) -> str:
    return signing.dumps({"v": vote_id, "k": voter_key, "n": nonce}, salt=CONFIRM_SALT, compress=True)


def token_read(token: str) -> tuple[str, tuple[int, str, str] | None]:
    """(state, (vote id, voter key, nonce)); the state is PENDING when the token is ours and fresh."""
    if not token or len(token) > 400:
        return INVALID, None
    try:
        payload = signing.loads(token, salt=CONFIRM_SALT, max_age=datetime.timedelta(days=confirm_days()))
    except signing.SignatureExpired:
        return EXPIRED, None
    except (signing.BadSignature, ValueError, TypeError):
        return INVALID, None
    if not isinstance(payload, dict):
        return INVALID, None
    vote_id, key, nonce = payload.get("v"), payload.get("k"), payload.get("n")
    if not isinstance(vote_id, int) or not isinstance(key, str) or not isinstance(nonce, str):
        return INVALID, None
    return PENDING, (vote_id, key, nonce)


# The cast

_statements: dict[str, str] = {}  # database alias -> sql
PENDING_FIELDS = ("vote", "voter_key", "choices", "age_band", "area", "nonce", "cast_at")


def _upsert_sql(connection) -> str:
    quote = connection.ops.quote_name
    opts = PendingBallot._meta
    columns = [opts.get_field(name).column for name in PENDING_FIELDS]  # type: ignore[union-attr]
    updated = ", ".join(f"{quote(column)} = EXCLUDED.{quote(column)}" for column in columns[2:])
    return (
        f"INSERT INTO {quote(opts.db_table)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT ({quote('vote_id')}, {quote('voter_key')}) DO UPDATE SET {updated} RETURNING {quote('id')}"
    )


def _with_audit(sql: str, connection) -> str:
    """PostgreSQL: the upsert and its audit event in one statement; returns the pending ballot's id."""
    quote = connection.ops.quote_name
    columns = ", ".join(
        quote(AuditEvent._meta.get_field(name).column)  # type: ignore[union-attr]
        for name in ("municipality", "actor", "action", "target_type", "target_id", "data", "public", "created_at")
    )
    return (
        f"WITH pending AS ({sql}) INSERT INTO {quote(AuditEvent._meta.db_table)} ({columns}) "
        "SELECT %s, NULL, %s, %s, %s, jsonb_build_object('pending', pending.id), false, %s FROM pending "
        f"RETURNING ({quote('data')}->>'pending')::bigint"
    )


def _statement(connection) -> str:
    found = _statements.get(connection.alias)
    if found is None:
        sql = _upsert_sql(connection)
        if connection.vendor == "postgresql":
            sql = _with_audit(sql, connection)
        found = _statements[connection.alias] = sql
    return found


# The mail's task row in the same statement (PostgreSQL and django-tasks' database queue in the same database)

_task_statements: dict[str, tuple[str, list]] = {}  # database alias -> (sql, the task table's fields)


def _task_fields():
    from django_tasks_db.models import DBTaskResult

    opts = DBTaskResult._meta
    return DBTaskResult, list(opts.local_concrete_fields)


def _same_statement_task(connection) -> bool:
    """Whether the mail's task row can go into the cast's statement: the task queue is django-tasks' database
    queue, in the same PostgreSQL database."""
    if connection.vendor != "postgresql":
        return False
    backend = ballot_link_send.get_backend()
    if type(backend).__module__.split(".")[0] != "django_tasks_db" or not backend.supports_defer:
        return False
    model, _fields = _task_fields()
    return router.db_for_write(model) == connection.alias


def _with_task_sql(connection) -> tuple[str, list]:
    """The cast, its audit event and the mail's task row, as enqueue() would store it, in one statement."""
    found = _task_statements.get(connection.alias)
    if found is None:
        quote = connection.ops.quote_name
        model, fields = _task_fields()
        upsert = _upsert_sql(connection)
        audit_columns = ", ".join(
            quote(AuditEvent._meta.get_field(name).column)  # type: ignore[union-attr]
            for name in ("municipality", "actor", "action", "target_type", "target_id", "data", "public", "created_at")
        )
        sql = (
            f"WITH pending AS ({upsert}), "
            f"event AS (INSERT INTO {quote(AuditEvent._meta.db_table)} ({audit_columns}) "
            "SELECT %s, NULL, %s, %s, %s, jsonb_build_object('pending', pending.id), false, %s FROM pending), "
            f"task AS (INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
            f"SELECT {', '.join(['%s'] * len(fields))} FROM pending) "
            "SELECT id FROM pending"
        )
        found = _task_statements[connection.alias] = (sql, fields)
    return found


def _task_values(fields, connection, kwargs: dict, now: datetime.datetime) -> list:
    """The task row's values as `enqueue()` stores them (django_tasks_db's DatabaseBackend): the fields not given
    take their defaults, `run_after` none (the far future, as its pre_save handler sets it)."""
    import uuid

    from django_tasks.utils import normalize_json
    from django_tasks_db.models import get_date_max

    task, backend = ballot_link_send, ballot_link_send.get_backend()
    given = {
        "id": uuid.uuid4(),
        "enqueued_at": now,
        "args_kwargs": normalize_json({"args": [], "kwargs": kwargs}),
        "priority": task.priority,
        "task_path": task.module_path,
        "queue_name": task.queue_name,
        "backend_name": backend.alias,
        "run_after": task.run_after or get_date_max(),
    }
    return [
        field.get_db_prep_save(given[field.name] if field.name in given else field.get_default(), connection)
        for field in fields
    ]


@dataclass(frozen=True)
class Mailed:
    pending_id: int
    token: str


def pending_cast(
    *,
    municipality: Municipality,
    vote_id: int,
    email: str,
    choices: list[int] | dict[str, int],
    declared: Declared,
    language: str = "",
    now: datetime.datetime | None = None,
) -> Mailed:
    """Store the ballot as waiting for its link (replacing this address's earlier waiting ballot) and queue the mail
    with the link, in one transaction. The caller has checked the vote is open, the address and the ballot."""
    now = now or timezone.now()
    alias = router.db_for_write(PendingBallot)
    connection = connections[alias]
    key, nonce = email_key(email), secrets.token_hex(8)
    stamp = PendingBallot._meta.get_field("cast_at").get_db_prep_save(now, connection)  # type: ignore[union-attr]
    prepared = PendingBallot._meta.get_field("choices").get_db_prep_save(choices, connection)  # type: ignore[union-attr]
    values = [vote_id, key, prepared, declared.age_band, declared.area_id, nonce, stamp]
    token = token_make(vote_id, key, nonce)
    mail = {"email": email, "vote_id": vote_id, "token": token, "choices": choices, "language": language}
    if _same_statement_task(connection):  # one statement: atomic on its own, one round trip
        sql, fields = _with_task_sql(connection)
        target_type = ContentType.objects.get_for_model(Vote).pk
        events = [municipality.pk, MAILED, target_type, vote_id, stamp]
        with connection.cursor() as cursor:
            cursor.execute(sql, [*values, *events, *_task_values(fields, connection, mail, now)])
            (pending_id,) = cursor.fetchone()
        return Mailed(pending_id=pending_id, token=token)
    with transaction.atomic(using=alias):
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                target_type = ContentType.objects.get_for_model(Vote).pk
                cursor.execute(_statement(connection), [*values, municipality.pk, MAILED, target_type, vote_id, stamp])
            else:
                cursor.execute(_statement(connection), values)
            (pending_id,) = cursor.fetchone()
        if connection.vendor != "postgresql":
            audit_record(
                municipality=municipality, actor=None, action=MAILED, target=Vote(pk=vote_id),
                data={"pending": pending_id},
            )  # fmt: skip
        ballot_link_send.enqueue(**mail)
    return Mailed(pending_id=pending_id, token=token)


# The link followed


@dataclass(frozen=True)
class Found:
    state: str
    vote: Vote | None = None
    pending: PendingBallot | None = None
    ballot: Ballot | None = None


def _vote(vote_id: int, municipality) -> Vote | None:
    return (
        Vote.objects.select_related("module__dialogue__municipality")
        .prefetch_related("module__phases")
        .filter(pk=vote_id, municipality=municipality, module__method="votes")
        .first()
    )


def _closed(vote: Vote, now: datetime.datetime) -> bool:
    module = vote.module
    ends = closes_at_of([(phase.phase_type, phase.ends_at) for phase in module.phases.all()])
    return vote_closed(module.dialogue.state, ends, now)


def pending_find(*, token: str, municipality, lock: bool = False, now=None) -> Found:
    """What a link names, changing nothing (with `lock`, the pending ballot is locked for the transaction)."""
    state, named = token_read(token)
    if named is None:
        return Found(state)
    vote_id, key, nonce = named
    vote = _vote(vote_id, municipality)
    if vote is None:
        return Found(INVALID)
    pending_rows = PendingBallot.objects.filter(vote=vote, voter_key=key)
    pending = (pending_rows.select_for_update() if lock else pending_rows).first()
    if pending is None or pending.nonce != nonce:
        ballot = Ballot.objects.filter(vote=vote, voter_key=key).first()
        if pending is not None:
            return Found(NEWER, vote, None, ballot)
        return Found(USED, vote, None, ballot) if ballot else Found(INVALID, vote)
    if _closed(vote, now or timezone.now()):
        return Found(CLOSED, vote, pending)
    return Found(PENDING, vote, pending)


def pending_confirm(*, token: str, municipality, now: datetime.datetime | None = None) -> Found:
    """Count the ballot a link names: DONE and the ballot, or why not (nothing changes then)."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            found = pending_find(token=token, municipality=municipality, lock=True, now=now)
            if found.state != PENDING or found.vote is None or found.pending is None:
                return found
            ballot = _ballot_from(found.vote, found.pending, now)
    except IntegrityError:  # the same ballot confirmed at this very moment by another request
        return pending_find(token=token, municipality=municipality, now=now)
    return Found(DONE, found.vote, None, ballot)


def _ballot_from(vote: Vote, pending: PendingBallot, now: datetime.datetime) -> Ballot:
    ballot = Ballot.objects.select_for_update().filter(vote=vote, voter_key=pending.voter_key).first()
    changed = ballot is not None
    if ballot is None:
        ballot = Ballot(vote=vote, voter_key=pending.voter_key, channel=Channel.ONLINE, cast_at=now)
    else:
        ballot.changed_at, ballot.changes = now, ballot.changes + 1
    ballot.choices, ballot.age_band, ballot.area_id = pending.choices, pending.age_band, pending.area_id
    ballot.identity_level = IdentityLevel.EMAIL  # what following the e-mailed link shows
    ballot.save()
    pending.delete()
    audit_record(
        municipality=vote.municipality,
        actor=None,
        action="votes.ballot_change" if changed else CONFIRMED,
        target=vote,
        data={"ballot": ballot.pk},
    )
    return ballot


# Personal data: by the address of an account


def email_ballots(email: str) -> Any:
    return Ballot.objects.filter(voter_key=email_key(email))


def email_ballots_erase(*, email: str) -> int:
    """The address's ballots stay counted with a key of their own; its waiting ballots go."""
    key = email_key(email)
    with transaction.atomic():
        PendingBallot.objects.filter(voter_key=key).delete()
        ids = list(Ballot.objects.filter(voter_key=key).values_list("pk", flat=True))
        for pk in ids:
            Ballot.objects.filter(pk=pk).update(voter_key=f"e{pk}")
    return len(ids)
