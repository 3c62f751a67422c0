"""Responses sent online are stored whole in one row; their answer rows are written out shortly after.

The send is the request of a survey that comes in bursts: an invitation to the citizen panel goes out and hundreds
answer within minutes. Stored as its thirty-odd answer rows, each with its indexes and foreign-key checks, one send
cost the database several times what the rest of the request did. So a response sent online is stored as its
Response row, with the checked answers and "about you" kept in `Response.pending` as JSON, in the same statement as
its once-only mark (services._store): the response is stored whole, or not at all, as before.

`expand` writes pending responses out into their Answer and AboutYou rows, and their audit events (dated when each
response came in; an event has as many indexes as an answer row), and empties `pending`, a batch per transaction.
It runs
- in a task queued after the send's commit, one per slot of SLOT_SECONDS for the end of the slot, so every response
  committed in the slot is written out by a task that starts after it (the database queue); at once, in the send's
  transaction, when the queue runs tasks at once (tests);
- every minute in the periodic job, so a lost kick delays the writing out and never loses it;
- before anything reads a survey's answers (`settled`): results, the tally, exports, the free texts that reach the
  results workspace, evaluations and the builder's checks of what has been answered. No reader sees a response
  without its answers.
Workers skip rows another worker holds (SKIP LOCKED on PostgreSQL); a reader waits for them.

Writing out follows the survey as it is then, by the rules of services.response_submit: an answer to a question that
does not apply, or is empty, is not stored (a send by the short way keeps the answers as the check page checked them,
these included). An answer to a question removed since, or no longer readable as its kind, is left out, as answers to
a removed question are removed with it; an area that is not the municipality's is left out of "about you".
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import InvalidOperation
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django_tasks import task

from delaktig.core.inserts import insert_rows
from delaktig.core.memo import LocalMemo
from delaktig.core.models import AuditEvent

from . import questions as types
from .models import AboutYou, Answer, Response, Survey
from .structure import Structure, shown, structure_of

BATCH = 500  # responses written out per transaction
SLOT_SECONDS = 2
ANSWER_FIELDS = ("response", "survey", "channel", "created_at", "question", "choice", "row", "number", "text", "date")
ABOUT_FIELDS = ("response", "survey", "age_band", "gender", "area")
EVENT_FIELDS = ("municipality", "actor", "action", "target_type", "target_id", "data", "public", "created_at")
EVENT_ACTION = "surveys.response_submit"

logger = logging.getLogger(__name__)
_kicked = LocalMemo(seconds=SLOT_SECONDS * 2, keep=8)  # the slots this process has asked for already


def payload(answers: Mapping[str, Any], about: Mapping[str, Any] | None) -> str:
    """What `Response.pending` keeps: the checked answers and what the person told about themselves."""
    return json.dumps({"answers": dict(answers), "about": dict(about or {})}, separators=(",", ":"), default=str)


def at_once() -> bool:
    """True when the task queue runs tasks at once (tests): a send then writes its answers out in its own
    transaction, and nothing is left pending."""
    return not pending_expand_task.get_backend().supports_defer


def kick() -> None:
    """Make sure a writing out runs after everything committed so far (call it after commit)."""
    slot = math.floor(time.time() / SLOT_SECONDS) + 1
    if _kicked.get(slot):  # this process has seen the slot taken care of: no round trip to the cache
        return
    _kicked.set(slot, True)
    key = f"surveys-pending:{slot}"
    if cache.add(key, 1, SLOT_SECONDS * 10):
        try:
            pending_expand_task.using(run_after=datetime.fromtimestamp(slot * SLOT_SECONDS, tz=UTC)).enqueue()
        except Exception:  # not queued: the next send of this slot asks again, the periodic job in any case
            _kicked.forget(slot)
            cache.delete(key)
            logger.exception("Could not queue the writing out of survey responses")


def settled(**where: Any) -> None:
    """Write out the pending responses `where` picks (filters of Response: `survey=…`, `survey__module=…`) before
    their answers are read; waits for a worker that holds some. One query when none is pending."""
    while True:
        found = Response.objects.filter(pending__isnull=False, **where).values_list("survey_id", flat=True).first()
        if found is None:
            return
        expand(survey_id=found, wait=True)


@task()
def pending_expand_task():
    """Write out every pending response; several workers share the work (each skips what another holds)."""
    return expand_all()


def expand_all() -> int:
    """Every pending response written out, batch by batch (the task and the periodic job). Returns how many."""
    done = 0
    while True:
        count = expand()
        done += count
        if count < BATCH:
            return done


def expand(
    *, survey_id: int | None = None, wait: bool = False, limit: int = BATCH, structure: Structure | None = None
) -> int:
    """Write out up to `limit` pending responses (of one survey, or any) in one transaction; returns how many.
    `wait`: wait for rows another transaction holds, else skip them. `structure`: the survey's, when the caller has
    it (only that survey's responses are then taken)."""
    if structure is not None:
        survey_id = structure.survey.pk
    with transaction.atomic():
        rows = Response.objects.filter(pending__isnull=False)
        if survey_id is not None:
            rows = rows.filter(survey_id=survey_id)
        taken = list(
            rows.select_for_update(skip_locked=not wait)
            .order_by("id")
            .values_list("id", "survey_id", "channel", "submitted_at", "pending")[:limit]
        )
        if not taken:
            return 0
        answers, about = _rows_of(taken, structure)
        insert_rows(Answer, ANSWER_FIELDS, answers)
        insert_rows(AboutYou, ABOUT_FIELDS, about)
        insert_rows(AuditEvent, EVENT_FIELDS, _events_of(taken))
        Response.objects.filter(pk__in=[row[0] for row in taken]).update(pending=None)
    return len(taken)


def _events_of(taken: list[tuple]) -> list[tuple]:
    """Each response's audit event, as a response stored at once gets in its statement (services._store), dated when
    the response came in: no actor, since the respondent is not named."""
    kind = ContentType.objects.get_for_model(Response).pk
    municipalities = dict(Survey.objects.filter(pk__in={row[1] for row in taken}).values_list("pk", "municipality_id"))
    return [
        (municipalities[survey_id], None, EVENT_ACTION, kind, response_id, {}, False, at)
        for response_id, survey_id, _channel, at, _pending in taken
    ]


def _rows_of(taken: list[tuple], structure: Structure | None) -> tuple[list[tuple], list[tuple]]:
    if structure is not None:
        surveys, structures = {structure.survey.pk: structure.survey}, {structure.survey.pk: structure}
    else:
        surveys = {survey.pk: survey for survey in Survey.objects.filter(pk__in={row[1] for row in taken})}
        structures = {pk: structure_of(survey, kept=True) for pk, survey in surveys.items()}
    areas = _areas_of(surveys.values())
    answers: list[tuple] = []
    about: list[tuple] = []
    for response_id, survey_id, channel, at, pending in taken:
        kept = json.loads(pending)
        structure = structures[survey_id]
        given = kept.get("answers") or {}
        applies = shown(structure, given).questions
        for key, value in given.items():
            question = structure.questions.get(int(key)) if str(key).isdigit() else None
            if question is None or question.pk not in applies:  # removed since, or does not apply
                continue
            same = (response_id, survey_id, channel, at, question.pk)
            for row in _answer_rows(question, value):
                answers.append((*same, row.get("choice", ""), row.get("row", ""), row.get("number"),
                                row.get("text", ""), row.get("date")))  # fmt: skip
        told = _about(surveys[survey_id], kept.get("about") or {}, areas.get(survey_id, set()))
        if told:
            about.append((response_id, survey_id, *told))
    return answers, about


def _answer_rows(question: Any, value: Any) -> list[dict[str, Any]]:
    try:
        return [] if types.is_empty(question, value) else types.answer_rows(question, value)
    except (KeyError, TypeError, ValueError, AttributeError, InvalidOperation):  # its kind changed since
        return []


def _areas_of(surveys: Any) -> dict[int, set[int]]:
    from delaktig.organisations.models import Area

    by_municipality: dict[int, set[int]] = {}
    for pk, municipality_id in Area.objects.filter(
        municipality_id__in={survey.municipality_id for survey in surveys}
    ).values_list("pk", "municipality_id"):
        by_municipality.setdefault(municipality_id, set()).add(pk)
    return {survey.pk: by_municipality.get(survey.municipality_id, set()) for survey in surveys}


def _about(survey: Survey, about: Mapping[str, Any], areas: set[int]) -> tuple[str, str, int | None] | None:
    """(age band, gender, area id) of the answers the survey asks for, with known values and an area of its own
    municipality; None when nothing is left (services.about_checked does the same for a response stored at once)."""
    from delaktig.participation.demographics import AgeBand, Gender

    if not survey.about_you:
        return None
    age_band = about.get("age_band") if about.get("age_band") in AgeBand.values else ""
    gender = about.get("gender") if about.get("gender") in Gender.values else ""
    area = int(about["area"]) if str(about.get("area") or "").isdigit() and int(about["area"]) in areas else None
    return (age_band, gender, area) if (age_band or gender or area) else None
