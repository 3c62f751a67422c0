"""Storing responses (online and from paper) and drafts. Each write leaves an audit event in its transaction.

A response is stored whole or not at all: the answers are checked together (structure.answers_check), then the
response, its answers, the "about you" answers, the mark that the account or the invitation has answered, and the
removal of the draft it came from happen in one transaction. One response per account and per invitation is held
by the database: a unique (survey, user) row, and an UPDATE that marks an invitation answered only if it was not.

Nothing ties a response to the person: the response keeps no account, invitation or draft, its audit event names
no actor (staff who enter paper are named: they are not the respondent), and the receipt is sent in the request
without the address being stored (tasks.receipt_send_now).

A response sent online keeps its answers in its own row until they are written out, with its audit event dated when
it came in (pending.py); a paper response is stored with its rows and its event at once.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, connections, router, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from delaktig.accounts.services import identity_level_of
from delaktig.core.audit import audit_record, audit_tail
from delaktig.core.inserts import HEAD, Expr, insert_chain
from delaktig.panel.services import member_touch_by_address
from delaktig.participation.models import Channel

from . import pending
from . import questions as types
from .models import AboutYou, Answer, Draft, Invitation, Participation, Response, Submitted, Survey
from .structure import AnswersInvalid, Structure, answers_check, structure_of
from .tokens import token_hash, token_new

if TYPE_CHECKING:
    from delaktig.accounts.models import User

DRAFT_DAYS = 30  # settings.SURVEY_DRAFT_DAYS


class AlreadyAnswered(Exception):
    """This account or invitation has answered the survey already."""


ANSWER_FIELDS = ("response", "survey", "channel", "created_at", "question", "choice", "row", "number", "text", "date")


def _answer_rows(structure: Structure, answers: Mapping[str, Any], channel: str, at: datetime.datetime) -> list:
    """Every answer row of a response, pointing to it (core.inserts.HEAD), without an Answer object per row: a
    response is some thirty rows, stored on every send."""
    same = (HEAD, structure.survey.pk, channel, at)
    rows = []
    for key, value in answers.items():
        question = structure.questions[int(key)]
        for row in types.answer_rows(question, value):
            rows.append((*same, question.pk, row.get("choice", ""), row.get("row", ""), row.get("number"),
                         row.get("text", ""), row.get("date")))  # fmt: skip
    return rows


def about_checked(survey: Survey, about: Mapping[str, Any] | None) -> dict[str, Any]:
    """Only the "about you" answers the survey asks for, with known values and an area of its own municipality (an
    area that is not the municipality's, or no longer exists, is left out: the check is part of the INSERT)."""
    if not survey.about_you or not about:
        return {}
    from delaktig.organisations.models import Area
    from delaktig.participation.demographics import AgeBand, Gender

    told: dict[str, Any] = {}
    if about.get("age_band") in AgeBand.values:
        told["age_band"] = about["age_band"]
    if about.get("gender") in Gender.values:
        told["gender"] = about["gender"]
    area_id = about.get("area")
    if area_id and str(area_id).isdigit():
        if told:  # NULL when the area is not the municipality's (any more)
            area = Area._meta
            where = f'"{area.pk.column}" = %s AND "municipality_id" = %s'
            sql = f'SELECT "{area.pk.column}" FROM "{area.db_table}" WHERE {where}'
            told["area_id"] = Expr(sql, (int(area_id), survey.municipality_id))
        elif Area.objects.filter(pk=int(area_id), municipality_id=survey.municipality_id).exists():
            # the area alone: no row at all when it is not the municipality's
            told["area_id"] = int(area_id)
    return told


def _store(
    structure: Structure,
    *,
    answers: Mapping[str, Any],
    about: Mapping[str, Any] | None,
    channel: str,
    actor: User | None,
    once: str = "",
    later: bool = False,
    **response_fields: Any,
) -> Response:
    """Inside a transaction: the response, its answers, what the person told about themselves and the audit event,
    in one statement on PostgreSQL (core.inserts.insert_chain). With `once` (an answering's random key) nothing is
    stored when that key has been sent before: AlreadyAnswered. `later`: the answers are kept in the response row
    and written out into their rows after the commit (pending.py)."""
    survey = structure.survey
    values = {"survey": survey.pk, "channel": channel, "submitted_at": timezone.now(), **response_fields}
    values = {name: getattr(value, "pk", value) for name, value in values.items()}
    tails: list[tuple[Any, tuple[str, ...], list[Any]]] = []
    if later:
        values["pending"] = pending.payload(answers, about)
    else:
        tails.append((Answer, ANSWER_FIELDS, _answer_rows(structure, answers, channel, values["submitted_at"])))
        told = about_checked(survey, about)
        if told:
            tails.append((AboutYou, ("response", "survey", *told), [(HEAD, survey.pk, *told.values())]))
    if not later:  # a pending response's audit event is written with its answers (pending.py)
        action = "surveys.response_submit" if channel == Channel.ONLINE else "surveys.paper_enter"
        tails.append(audit_tail(municipality=survey.municipality, actor=actor, action=action, target_model=Response))
    guard = (Submitted, {"survey": survey.pk, "key_hash": _once_hash(once)}, ("survey", "key_hash")) if once else None
    stored = insert_chain((Response, values), *tails, guard=guard)
    if stored is None:
        raise AlreadyAnswered()
    if later:
        _written_out_later(survey.pk, structure)
    response_fields["submitted_at"] = values["submitted_at"]
    response = Response(pk=stored, survey=survey, channel=channel, **response_fields)
    response._state.adding = False
    return response


def _written_out_later(survey_id: int, structure: Structure | None = None) -> None:
    if pending.at_once():  # a queue that runs tasks at once (tests): written out now, in this transaction
        pending.expand(survey_id=survey_id, wait=True, structure=structure)
    else:
        transaction.on_commit(pending.kick, robust=True)


def response_receive(
    *,
    survey: Survey,
    answers: Mapping[str, Any],
    about: Mapping[str, Any] | None,
    once: str,
    checked_at: datetime.datetime,
) -> Response | None:
    """A send of an open survey whose answers the check page has checked, with nothing to mark (no account, no
    invitation, no draft): stored in one statement without reading the survey, on condition that the survey has not
    changed since the check page checked them (`checked_at`, its `updated_at` then; the condition is part of the
    statement). None when nothing was stored, because the survey changed or this answering was sent before: the
    caller then takes the full way (response_submit), which checks again and says which."""
    now = timezone.now()
    values = {"survey": survey.pk, "channel": Channel.ONLINE, "submitted_at": now}
    values["pending"] = pending.payload(answers, about)
    field = Survey._meta.get_field("updated_at")
    stamp = field.get_db_prep_value(checked_at, connections[router.db_for_write(Response)])  # as the column keeps it
    sql = f'EXISTS (SELECT 1 FROM "{Survey._meta.db_table}" WHERE "id" = %s AND "{field.column}" = %s)'
    unchanged = Expr(sql, (survey.pk, stamp))
    guard = (Submitted, {"survey": survey.pk, "key_hash": _once_hash(once)}, ("survey", "key_hash"))
    stored = insert_chain((Response, values), guard=guard, when=unchanged)
    if stored is None:
        return None
    _written_out_later(survey.pk)
    response = Response(pk=stored, survey=survey, channel=Channel.ONLINE, submitted_at=now)
    response._state.adding = False
    return response


def response_submit(
    *,
    survey: Survey,
    answers: Mapping[str, Any],
    about: Mapping[str, Any] | None = None,
    user: User | None = None,
    invitation_id: int | None = None,
    draft_id: int | None = None,
    receipt_to: str = "",
    now: datetime.datetime | None = None,
    once: str = "",
    structure: Structure | None = None,
) -> Response:
    """A resident's response, stored whole. With `once` (the answering's random key) it is stored once only, however
    often the same answering is sent. `user` (for a survey open to logged-in residents) and `invitation_id`
    (for one by invitation) are marked as having answered, in the same transaction; raises AlreadyAnswered when they
    have, and structure.AnswersInvalid when the answers break the survey's rules. The draft `draft_id` is removed.
    The receipt goes to `receipt_to` after commit; the address is not stored. `structure`: the survey's sections
    and questions when the caller has just loaded them (the check page has), else they are read here."""
    structure = structure if structure is not None else structure_of(survey)
    checked = answers_check(structure, dict(answers))
    try:
        with transaction.atomic():
            if user is not None:
                _mark_account(survey, user)
            if invitation_id is not None:
                _mark_invitation(survey, invitation_id)
            response = _store(
                structure,
                answers=checked,
                about=about,
                channel=Channel.ONLINE,
                actor=None,
                once=once,
                later=True,
                submitted_at=now or timezone.now(),
            )
            if draft_id is not None:
                Draft.objects.filter(pk=draft_id, survey=survey).delete()
            if receipt_to:
                _receipt_after_commit(response, receipt_to)
    except IntegrityError:  # a question went away after the answers were checked: nothing was stored
        raise AnswersInvalid({"": [CHANGED_TEXT()]}) from None
    return response


def CHANGED_TEXT() -> str:  # noqa: N802
    return _("The survey changed while you were answering. Check your answers and send them again.")


def _mark_account(survey: Survey, user: User) -> None:
    try:
        with transaction.atomic():
            Participation.objects.create(survey=survey, user=user, identity_level=identity_level_of(user))
    except IntegrityError:
        raise AlreadyAnswered() from None


def _once_hash(once: str) -> str:
    return hashlib.sha256(once.encode()).hexdigest()


def _mark_invitation(survey: Survey, invitation_id: int) -> None:
    """Mark the invitation used; a member of the citizen panel invited by it counts as active today."""
    if not Invitation.objects.filter(pk=invitation_id, survey=survey, answered=False).update(answered=True):
        raise AlreadyAnswered()
    email = Invitation.objects.filter(pk=invitation_id).values_list("email", flat=True).first()
    member_touch_by_address(municipality=survey.municipality, email=email or "")


def _receipt_after_commit(response: Response, email: str) -> None:
    from .mail import receipt_send_now

    response_id, language = response.pk, translation.get_language()
    transaction.on_commit(
        lambda: receipt_send_now(response_id=response_id, email=email, language=language), robust=True
    )


def response_enter(
    *,
    survey: Survey,
    answers: Mapping[str, Any],
    about: Mapping[str, Any] | None,
    actor: User,
    received_on: datetime.date,
    channel: str = Channel.PAPER,
    occasion_label: str = "",
    group: str = "",
) -> Response:
    """A response that came on paper, typed in by staff: checked by the same rules (except that a required question
    may be empty, as the person left it), stored beside those online."""
    structure = structure_of(survey)
    checked = answers_check(structure, dict(answers), required=False)
    with transaction.atomic():
        return _store(
            structure,
            answers=checked,
            about=about,
            channel=channel,
            actor=actor,
            received_on=received_on,
            entered_by=actor,
            occasion_label=occasion_label[:200],
            group=group[:100],
        )


@transaction.atomic
def response_remove(*, response: Response, actor: User) -> None:
    """Take back a paper response entered by mistake (the desk's undo checks who and when)."""
    audit_record(
        municipality=response.survey.municipality,
        actor=actor,
        action="surveys.paper_remove",
        target=response.survey,
        data={"reference": response.reference},
    )
    response.delete()


# Drafts: "save and continue later"


def draft_days() -> int:
    return int(getattr(settings, "SURVEY_DRAFT_DAYS", DRAFT_DAYS))


@transaction.atomic
def draft_save(
    *,
    survey: Survey,
    answers: Mapping[str, Any],
    about: Mapping[str, Any] | None,
    page: int,
    token: str = "",
    user: User | None = None,
    invitation_id: int | None = None,
    now: datetime.datetime | None = None,
) -> tuple[Draft, str]:
    """Keep the answers so far behind a secret link; with the `token` of a draft already made, that draft is
    updated and its link stays. Returns (draft, token). Only a hash of the token is stored."""
    now = now or timezone.now()
    values = {
        "answers": dict(answers),
        "about": dict(about or {}),
        "page": max(int(page), 1),
        "expires_at": now + datetime.timedelta(days=draft_days()),
        "user": user if user is not None and user.is_authenticated else None,
        "invitation_id": invitation_id,
    }
    draft = draft_find(survey=survey, token=token, now=now) if token else None
    if draft is None:
        token, hashed = token_new()
        draft = Draft.objects.create(survey=survey, token_hash=hashed, **values)
    else:
        for name, value in values.items():
            setattr(draft, name, value)
        draft.save()
    return draft, token


def draft_find(*, survey: Survey, token: str, now: datetime.datetime | None = None) -> Draft | None:
    """The draft behind a link, while it has not expired."""
    return (
        Draft.objects.filter(survey=survey, token_hash=token_hash(token), expires_at__gt=now or timezone.now())
        .select_related("invitation")
        .first()
    )


def drafts_expired_remove(now: datetime.datetime | None = None) -> int:
    """Remove drafts whose link has expired (a periodic job)."""
    deleted, _per_model = Draft.objects.filter(expires_at__lte=now or timezone.now()).delete()
    return deleted
