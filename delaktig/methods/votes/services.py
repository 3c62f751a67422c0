"""Writes of a vote: its settings and alternatives (staff), ballots cast online (one upsert) and entered from paper.

Every write records an audit event in its transaction. A ballot's audit event says that someone voted or changed
their ballot, never how.
"""

from __future__ import annotations

import datetime
import hashlib
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connections, router, transaction
from django.db.models import Field
from django.utils import timezone

from delaktig.accounts.services import identity_level_of
from delaktig.core.audit import audit_record
from delaktig.core.inserts import insert_unless_taken
from delaktig.core.models import AuditEvent
from delaktig.participation.models import Channel

from .eligibility import Declared
from .models import Alternative, AlternativeImage, Ballot, Vote
from .window import window_forget

if TYPE_CHECKING:
    from delaktig.accounts.models import User
    from delaktig.organisations.models import Municipality
    from delaktig.participation.models import Module

LOCKED_FIELDS = ("ballot_type", "max_choices", "points_total", "voting_by")


class VoteLocked(Exception):
    """The ballot or the alternatives cannot change once someone has voted."""


class AlreadyVoted(Exception):
    """This person has a ballot in the vote already (a paper ballot entered twice, or online before)."""


class PaperBallotKept(Exception):
    """The person's ballot came on paper: it cannot be changed on the web."""


@dataclass(frozen=True)
class Cast:
    ballot_id: int
    changed: bool  # an earlier ballot was replaced


def account_key(user_id: int) -> str:
    return f"u{user_id}"


def paper_key(name: str, identifier: str) -> str:
    """The same person on two papers gives the same key: name and identifier (a date of birth or an address) in
    lower case without spaces, hashed so that neither is kept in the key."""
    normalised = "|".join("".join(part.lower().split()) for part in (name, identifier))
    return "p" + hashlib.sha256(normalised.encode()).hexdigest()[:40]


# Settings and alternatives (staff)


def _forget(module_id: int) -> None:
    """This process forgets the vote's window now and again after the commit (a cast in between reads it anew)."""
    window_forget(module_id)
    transaction.on_commit(lambda: window_forget(module_id))


@transaction.atomic
def vote_save(*, module: Module, actor: User, **fields: Any) -> Vote:
    """Make the module's vote or change its settings. The ballot cannot change once someone has voted."""
    vote = Vote.objects.select_for_update().filter(module=module).first()
    created = vote is None
    if vote is None:
        vote = Vote(module=module, municipality=module.dialogue.municipality)
    elif vote.ballots.exists() and any(
        getattr(vote, name) != fields.get(name, getattr(vote, name)) for name in LOCKED_FIELDS
    ):
        raise VoteLocked()
    for name, value in fields.items():
        setattr(vote, name, value)
    vote.full_clean(exclude=["module", "municipality"])
    vote.save()
    audit_record(
        municipality=vote.municipality,
        actor=actor,
        action="votes.vote_create" if created else "votes.vote_update",
        target=vote,
    )
    _forget(module.pk)
    return vote


def _image_file(image) -> ContentFile:
    return ContentFile(image.data, name=f"{uuid.uuid4().hex}.{image.extension}")


@transaction.atomic
def alternative_save(
    *,
    vote: Vote,
    actor: User,
    alternative: Alternative | None = None,
    title: str,
    description: str = "",
    cost: int | None = None,
    pdf: bytes | None = None,
    pdf_remove: bool = False,
    image=None,  # core.images.CleanPhoto
    alt_text: str = "",
) -> Alternative:
    """Add an alternative, or change one; an image (with what it shows) is added to its images. New alternatives
    cannot be added once someone has voted (their ballots would not have seen them)."""
    created = alternative is None
    if created and vote.ballots.exists():
        raise VoteLocked()
    if alternative is None:
        last = vote.alternatives.order_by("-order").values_list("order", flat=True).first()
        alternative = Alternative(vote=vote, order=(last or 0) + 1)
    alternative.title, alternative.description, alternative.cost = title, description, cost
    if pdf is not None:
        alternative.pdf = ContentFile(pdf, name=f"{uuid.uuid4().hex}.pdf")
    elif pdf_remove:
        alternative.pdf = ""
    alternative.save()
    if image is not None:
        AlternativeImage.objects.create(
            alternative=alternative,
            image=_image_file(image),
            alt_text=alt_text,
            order=alternative.images.count() + 1,
        )
    audit_record(
        municipality=vote.municipality,
        actor=actor,
        action="votes.alternative_add" if created else "votes.alternative_update",
        target=alternative,
    )
    _forget(vote.module_id)
    return alternative


@transaction.atomic
def alternative_remove(*, alternative: Alternative, actor: User) -> None:
    vote = alternative.vote
    if vote.ballots.exists():
        raise VoteLocked()
    audit_record(
        municipality=vote.municipality,
        actor=actor,
        action="votes.alternative_remove",
        target=vote,
        data={"title": alternative.title},
    )
    alternative.delete()
    _forget(vote.module_id)


@transaction.atomic
def image_remove(*, image: AlternativeImage, actor: User) -> None:
    alternative = image.alternative
    audit_record(
        municipality=alternative.vote.municipality, actor=actor, action="votes.image_remove", target=alternative
    )
    image.delete()


# Ballots

_upserts: dict[str, tuple[str, list]] = {}  # database alias -> (sql, fields)
UPSERT_FIELDS = ("vote", "voter", "voter_key", "choices", "channel", "age_band", "area", "cast_at", "identity_level")


def _field(model, name: str) -> Field:
    field = model._meta.get_field(name)
    if not isinstance(field, Field):
        raise TypeError(f"{name} is no concrete field of {model.__name__}")
    return field


def _upsert_statement(connection) -> tuple[str, list]:
    found = _upserts.get(connection.alias)
    if found is None:
        quote = connection.ops.quote_name
        opts = Ballot._meta
        fields = [_field(Ballot, name) for name in UPSERT_FIELDS]
        others = [f for f in opts.local_concrete_fields if f is not opts.auto_field and f not in fields]
        table = quote(opts.db_table)
        columns = ", ".join(quote(f.column) for f in [*fields, *others])
        excluded = {name: f"EXCLUDED.{quote(_field(Ballot, name).column)}" for name in UPSERT_FIELDS}
        sql = (
            f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * (len(fields) + len(others)))}) "
            f"ON CONFLICT ({quote('vote_id')}, {quote('voter_key')}) DO UPDATE SET "
            f"{quote('choices')} = {excluded['choices']}, {quote('age_band')} = {excluded['age_band']}, "
            f"{quote('area_id')} = {excluded['area']}, {quote('changed_at')} = {excluded['cast_at']}, "
            f"{quote('identity_level')} = {excluded['identity_level']}, "
            f"{quote('changes')} = {table}.{quote('changes')} + 1 "
            f"WHERE {table}.{quote('channel')} = %s RETURNING {quote('id')}, {quote('changes')}"
        )
        found = _upserts[connection.alias] = (sql, others)
    return found


def _audit_cte(sql: str, connection) -> str:
    """PostgreSQL: the upsert and its audit event in one statement (atomic on its own, one round trip); the event has
    the columns audit_record() writes. Returns the ballot's id and the action."""
    quote = connection.ops.quote_name
    opts = AuditEvent._meta
    columns = ", ".join(
        quote(_field(AuditEvent, name).column)
        for name in ("municipality", "actor", "action", "target_type", "target_id", "data", "public", "created_at")
    )
    return (
        f"WITH ballot AS ({sql}) INSERT INTO {quote(opts.db_table)} ({columns}) "
        "SELECT %s, %s, CASE WHEN ballot.changes > 0 THEN %s ELSE %s END, %s, %s, "
        "jsonb_build_object('ballot', ballot.id), false, %s FROM ballot "
        f"RETURNING ({quote('data')}->>'ballot')::bigint, {quote('action')}"
    )


def ballot_cast(
    *,
    municipality: Municipality,
    vote_id: int,
    user: User,
    choices: list[int] | dict[str, int],
    declared: Declared,
    now: datetime.datetime | None = None,
) -> Cast:
    """Store the voter's ballot, or replace the one they cast before: one upsert, so two casts by the same person at
    the same moment leave one ballot (the later), with its audit event ("votes.ballot_cast" or
    "votes.ballot_change", never the choices). Raises PaperBallotKept when their ballot came on paper. The caller has
    checked that the vote is open, the person may vote and the choices follow the rules."""
    now = now or timezone.now()
    alias = router.db_for_write(Ballot)
    connection = connections[alias]
    sql, others = _upsert_statement(connection)
    stamp = Ballot._meta.get_field("cast_at").get_db_prep_save(now, connection)
    values = [
        vote_id,
        user.pk,
        account_key(user.pk),
        Ballot._meta.get_field("choices").get_db_prep_save(choices, connection),
        Channel.ONLINE.value,
        declared.age_band,
        declared.area_id,
        stamp,
        identity_level_of(user),  # the level the ballot that counts was cast at: a column of the one upsert
        *(field.get_db_prep_save(field.get_default(), connection) for field in others),
        Channel.ONLINE.value,
    ]
    if connection.vendor == "postgresql":
        target_type = ContentType.objects.get_for_model(Vote).pk
        events = [municipality.pk, user.pk, CHANGE, CAST, target_type, vote_id, stamp]
        with connection.cursor() as cursor:
            cursor.execute(_audit_cte(sql, connection), [*values, *events])
            row = cursor.fetchone()
        if row is None:
            raise PaperBallotKept()
        return Cast(ballot_id=row[0], changed=row[1] == CHANGE)
    with transaction.atomic(using=alias):
        with connection.cursor() as cursor:
            cursor.execute(sql, values)
            row = cursor.fetchone()
        if row is None:
            raise PaperBallotKept()
        ballot_id, changes = row
        audit_record(
            municipality=municipality,
            actor=user,
            action=CHANGE if changes else CAST,
            target=Vote(pk=vote_id),
            data={"ballot": ballot_id},
        )
    return Cast(ballot_id=ballot_id, changed=bool(changes))


CAST, CHANGE = "votes.ballot_cast", "votes.ballot_change"


@transaction.atomic
def ballot_enter(
    *,
    vote: Vote,
    actor: User,
    choices: list[int] | dict[str, int],
    declared: Declared,
    voter_key: str = "",
    voter: User | None = None,
    channel: str = Channel.PAPER,
    received_on: datetime.date | None = None,
    occasion_label: str = "",
    group: str = "",
) -> Ballot:
    """A ballot that came on paper, entered by staff. `voter_key` (the account's or paper_key's) stops the same
    person voting twice: AlreadyVoted when the key has a ballot. Without one, the paper counts on its own."""
    ballot = Ballot(
        vote=vote,
        voter=voter,
        voter_key=voter_key or f"x{uuid.uuid4().hex}",
        choices=choices,
        channel=channel,
        age_band=declared.age_band,
        area_id=declared.area_id,
        cast_at=timezone.now(),
        received_on=received_on or timezone.localdate(),
        entered_by=actor,
        occasion_label=occasion_label,
        group=group,
    )
    if not insert_unless_taken(ballot, ("vote", "voter_key")):
        raise AlreadyVoted()
    audit_record(
        municipality=vote.municipality,
        actor=actor,
        action="votes.paper_enter",
        target=vote,
        data={"ballot": ballot.pk, "channel": channel},
    )
    return ballot


@transaction.atomic
def ballot_remove(*, ballot: Ballot, actor: User) -> None:
    """Take back a ballot entered from paper by mistake."""
    vote = ballot.vote
    audit_record(
        municipality=vote.municipality,
        actor=actor,
        action="votes.paper_remove",
        target=vote,
        data={"ballot": ballot.pk},
    )
    ballot.delete()


def ballots_erase(*, user: User) -> int:
    """The person's ballots stay counted but are no longer theirs: no account, a key of their own."""
    ballots = list(Ballot.objects.filter(voter=user).values_list("pk", flat=True))
    with transaction.atomic():
        for pk in ballots:
            Ballot.objects.filter(pk=pk).update(voter=None, voter_key=f"e{pk}")
    return len(ballots)
