"""Writes for council meetings and question time. Keyword-only functions named noun_verb; every change is audited;
mail leaves after commit."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.fields.files import FieldFile
from django.utils import timezone, translation

from delaktig.accounts.services import identity_level_of
from delaktig.core.audit import audit_record
from delaktig.organisations.models import Body, Membership

from . import workflow
from .models import Meeting, Question, QuestionSequence, QuestionTimeSettings, Status
from .selectors import addressee_label, question_refusal, settings_for
from .tasks import question_receipt_send

NUMBER_PREFIX = "AF"  # allmänhetens frågestund


class QuestionRefused(Exception):
    """Why a question cannot be taken, by the field it concerns ("meeting", or None for the whole form)."""

    def __init__(self, field: str | None, message: str):
        self.field, self.message = field, message
        super().__init__(message)


@transaction.atomic
def question_number_next(*, municipality: Any, year: int | None = None) -> str:
    """'AF 2026/7': the next question number of the municipality for the year (this year), under a row lock."""
    year = year or timezone.localdate().year
    sequence, _created = QuestionSequence.objects.select_for_update().get_or_create(
        municipality=municipality, year=year
    )
    QuestionSequence.objects.filter(pk=sequence.pk).update(last=F("last") + 1)
    sequence.refresh_from_db()
    return f"{NUMBER_PREFIX} {year}/{sequence.last}"


@transaction.atomic
def question_submit(
    *,
    meeting: Meeting,
    asker: Any,
    asker_name: str,
    topic: str,
    text: str,
    addressee: Membership | None = None,
    submission_key: str = "",
    now: datetime.datetime | None = None,
) -> Question:
    """Take a question for `meeting`, or raise QuestionRefused. The asker gets a receipt with its number.

    The meeting row is locked while the limits are counted, so two questions at once never pass a limit. Sending
    the same form twice (the same submission_key) gives back the first question.
    """
    if submission_key:
        earlier = Question.objects.filter(asker=asker, submission_key=submission_key).first()
        if earlier is not None:
            return earlier
    locked = Meeting.objects.select_for_update().select_related("body", "municipality").get(pk=meeting.pk)
    refusal = question_refusal(locked, settings_for(locked.body), asker, addressee, now)
    if refusal is not None:
        raise QuestionRefused(*refusal)
    try:
        with transaction.atomic():
            question = Question.objects.create(
                municipality=locked.municipality,
                meeting=locked,
                number=question_number_next(municipality=locked.municipality, year=timezone.localdate(now).year),
                addressee=addressee,
                addressee_name=addressee_label(addressee) if addressee else locked.body.name,
                topic=topic,
                text=text,
                asker=asker,
                asker_name=asker_name,
                identity_level=identity_level_of(asker),
                submission_key=submission_key,
                submitted_at=now or timezone.now(),
                status=Status.SUBMITTED,
                status_changed_at=now or timezone.now(),
            )
    except IntegrityError:
        earlier = Question.objects.filter(asker=asker, submission_key=submission_key).first()
        if earlier is None or not submission_key:
            raise
        return earlier
    audit_record(
        municipality=locked.municipality,
        actor=asker,
        action="council_question.submit",
        target=question,
        data={"from": "", "to": Status.SUBMITTED, "meeting": locked.pk},
    )
    language = translation.get_language()
    transaction.on_commit(lambda: question_receipt_send.enqueue(question_id=question.pk, language=language))
    return question


@transaction.atomic
def question_approve(*, question: Question, actor: Any) -> Question:
    return workflow.transition(question, "approve", actor=actor)


@transaction.atomic
def question_refuse(*, question: Question, actor: Any, reason: str, text: str) -> Question:
    question.refusal_reason, question.refusal_text = reason, text.strip()
    return workflow.transition(question, "refuse", actor=actor, note=text.strip())


@transaction.atomic
def question_withdraw(*, question: Question, actor: Any) -> Question:
    return workflow.transition(question, "withdraw", actor=actor)


@transaction.atomic
def question_answer(
    *,
    question: Question,
    actor: Any,
    answer: str,
    answered_by: str,
    answered_on: datetime.date | None = None,
    answer_url: str = "",
    answer_time_mark: str = "",
) -> Question:
    question.answer, question.answered_by = answer.strip(), answered_by.strip()
    question.answered_on, question.answer_url, question.answer_time_mark = answered_on, answer_url, answer_time_mark
    step = "correct" if question.status == Status.ANSWERED else "answer"
    return workflow.transition(question, step, actor=actor)


@transaction.atomic
def meeting_create(*, body: Body, actor: Any, values: dict[str, Any]) -> Meeting:
    meeting = Meeting.objects.create(municipality=body.municipality, body=body, **values)
    audit_record(
        municipality=body.municipality,
        actor=actor,
        action="council_meeting.create",
        target=meeting,
        data={"starts_at": meeting.starts_at.isoformat()},
    )
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, actor: Any, values: dict[str, Any]) -> Meeting:
    """Save what changed, compared with the stored meeting (a ModelForm has already written `values` onto the
    instance it was given, so the comparison reads the row again)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    changed = [name for name, value in values.items() if _differs(getattr(meeting, name), value)]
    for name in changed:
        setattr(meeting, name, values[name] if values[name] is not False else "")
    if changed:
        meeting.sequence += 1
        meeting.save()
        audit_record(
            municipality=meeting.municipality,
            actor=actor,
            action="council_meeting.update",
            target=meeting,
            data={"changed": changed},
        )
    return meeting


def _differs(stored: Any, value: Any) -> bool:
    if isinstance(stored, FieldFile):  # from the form: a new upload, False to clear, else the stored file is kept
        return isinstance(value, UploadedFile) or (value is False and bool(stored))
    if isinstance(stored, datetime.datetime) and isinstance(value, datetime.datetime):
        # Python never finds a time in the hour the clocks go back equal to one in another zone (PEP 495)
        return stored.timestamp() != value.timestamp()
    return bool(stored != value)


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, actor: Any, reason: str) -> Meeting:
    if meeting.is_cancelled:
        return meeting
    meeting.cancelled_at, meeting.cancellation_reason = timezone.now(), reason.strip()
    meeting.sequence += 1
    meeting.save()
    for question in Question.objects.select_for_update().filter(
        meeting=meeting, status__in=(Status.SUBMITTED, Status.APPROVED)
    ):
        question.meeting = meeting  # the askers' mail reads the reason
        workflow.transition(question, "meeting_cancelled", actor=actor)
    audit_record(
        municipality=meeting.municipality,
        actor=actor,
        action="council_meeting.cancel",
        target=meeting,
        data={"reason": meeting.cancellation_reason},
    )
    return meeting


@transaction.atomic
def question_time_settings_save(*, body: Body, actor: Any, values: dict[str, Any]) -> QuestionTimeSettings:
    rules, _created = QuestionTimeSettings.objects.get_or_create(body=body)
    changed = {name: value for name, value in values.items() if getattr(rules, name) != value}
    for name, value in changed.items():
        setattr(rules, name, value)
    rules.save()
    if changed:
        audit_record(
            municipality=body.municipality,
            actor=actor,
            action="council_settings.update",
            target=rules,
            data={"changed": sorted(changed)},
        )
    return rules
