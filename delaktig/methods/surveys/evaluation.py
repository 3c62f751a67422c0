"""The participants' evaluation of a dialogue, built with the survey method (manifest `participant_evaluation`).

When a dialogue has closed, staff ask its participants how it went: `evaluation_start` adds a module with a survey
made from the municipality's evaluation survey (its own, saved from a survey staff edited in the builder, or the
shipped SKR-style one), by invitation, in a phase that runs after the dialogue has closed. On its invitations page
staff invite everyone who took part and gave an address, online or offline
(`participation.selectors.dialogue_participant_addresses`). Its answers are the dialogue's evaluation, not input to
the matter: the method's inputs, counts, report tables and open data leave such a survey out.

`evaluation_figures` counts the closed questions (yes; the two highest steps of a scale; the first alternative of a
single choice) for the follow-up pages, the council overview and the yearly report.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from delaktig.core.audit import audit_record
from delaktig.participation.registry import EvaluationFigures, EvaluationQuestion
from delaktig.participation.selectors import dialogue_participant_addresses
from delaktig.participation.services import module_add, phase_add

from .about import METHOD_KEY
from .links import url
from .models import Access, Answer, EvaluationTemplate, Invitation, Kind, Purpose, Question, Response, Survey
from .pending import settled
from .phases import EVALUATION
from .services_builder import survey_from_template, survey_spec
from .survey_templates import template_get

if TYPE_CHECKING:
    from delaktig.accounts.models import User
    from delaktig.dialogues.models import Dialogue
    from delaktig.organisations.models import Municipality

ANSWER_WEEKS = 4
POSITIVE_KINDS = (Kind.SCALE, Kind.YES_NO, Kind.SINGLE_CHOICE)


def template_spec(municipality: Municipality) -> dict[str, Any]:
    """The municipality's evaluation survey as a template: its own if saved, else the shipped one."""
    own = EvaluationTemplate.objects.filter(municipality=municipality).first()
    return dict(own.spec) if own is not None else dict(template_get("evaluation"))


def template_of(municipality: Municipality) -> EvaluationTemplate | None:
    return EvaluationTemplate.objects.filter(municipality=municipality).select_related("saved_by").first()


@transaction.atomic
def template_save(*, survey: Survey, actor: User) -> EvaluationTemplate:
    """Make this survey's questions the municipality's evaluation survey, for the dialogues asked from now on."""
    spec = {**survey_spec(survey), "key": "evaluation", "access": Access.INVITATION}
    template, _created = EvaluationTemplate.objects.update_or_create(
        municipality=survey.municipality,
        defaults={"spec": spec, "saved_by": actor, "source_title": survey.title},
    )
    audit_record(
        municipality=survey.municipality,
        actor=actor,
        action="surveys.evaluation_template_save",
        target=survey,
        data={"questions": sum(len(section["questions"]) for section in spec["sections"])},
    )
    return template


@transaction.atomic
def template_reset(*, municipality: Municipality, actor: User) -> None:
    """Go back to the shipped evaluation survey."""
    deleted, _rows = EvaluationTemplate.objects.filter(municipality=municipality).delete()
    if deleted:
        audit_record(
            municipality=municipality, actor=actor, action="surveys.evaluation_template_reset", target=municipality
        )


def evaluation_survey_of(dialogue: Dialogue) -> Survey | None:
    return (
        Survey.objects.filter(module__dialogue=dialogue, purpose=Purpose.EVALUATION)
        .select_related("module__dialogue__municipality")
        .first()
    )


def is_evaluation(module) -> bool:
    """Whether the module holds a participants' evaluation (whose answers are no input to the matter)."""
    try:
        return module.survey.purpose == Purpose.EVALUATION
    except Survey.DoesNotExist:
        return False


@transaction.atomic
def evaluation_start(dialogue: Dialogue, actor: User, now: datetime.datetime | None = None) -> str:
    """The staff page to invite the participants from; the module and its survey are made the first time."""
    existing = evaluation_survey_of(dialogue)
    if existing is not None:
        return url("staff:invitations", existing.module)
    now = now or timezone.now()
    module = module_add(
        dialogue=dialogue,
        method=METHOD_KEY,
        name=_("Participants' evaluation"),
        description=_("A few questions to those who took part: how did the dialogue work for you?"),
        actor=actor,
    )
    phase_add(
        module=module,
        phase_type=EVALUATION.key,
        name=str(EVALUATION.name),
        starts_at=now,
        ends_at=now + datetime.timedelta(weeks=ANSWER_WEEKS),
        actor=actor,
    )
    spec = {**template_spec(dialogue.municipality), "access": Access.INVITATION}
    survey = survey_from_template(module=module, actor=actor, spec=spec)
    Survey.objects.filter(pk=survey.pk).update(purpose=Purpose.EVALUATION)
    audit_record(
        municipality=dialogue.municipality, actor=actor, action="surveys.evaluation_start", target=dialogue, data={}
    )
    return url("staff:invitations", module)


def participant_recipients(survey: Survey) -> list[tuple[str, str]]:
    """(address, group) of everyone who took part in the survey's dialogue and gave an address; the evaluation's
    own invitations are no participation."""
    return [(email, "") for email, _name in dialogue_participant_addresses(survey.module.dialogue)]


def evaluation_figures(dialogues: Iterable[Dialogue]) -> dict[int, EvaluationFigures]:
    """{dialogue id: figures} of the dialogues whose participants were asked: a fixed number of queries."""
    surveys = list(
        Survey.objects.filter(module__dialogue__in=list(dialogues), purpose=Purpose.EVALUATION).select_related(
            "module__dialogue__municipality"
        )
    )
    if not surveys:
        return {}
    ids = [survey.pk for survey in surveys]
    invited = dict(Invitation.objects.filter(survey__in=ids).values_list("survey").annotate(n=Count("pk")).order_by())
    answered = dict(Response.objects.filter(survey__in=ids).values_list("survey").annotate(n=Count("pk")).order_by())
    questions = _question_counts(ids)
    return {
        survey.module.dialogue_id: EvaluationFigures(
            invited=invited.get(survey.pk, 0),
            answered=answered.get(survey.pk, 0),
            questions=tuple(questions.get(survey.pk, ())),
            staff_url=url("staff:results", survey.module),
        )
        for survey in surveys
    }


def _question_counts(survey_ids: list[int]) -> dict[int, list[EvaluationQuestion]]:
    closed = list(
        Question.objects.filter(survey__in=survey_ids, kind__in=POSITIVE_KINDS).order_by(
            "survey", "section__order", "order", "id"
        )
    )
    counts: dict[int, Counter] = defaultdict(Counter)
    settled(survey__in=survey_ids)
    rows = (
        Answer.objects.filter(question__in=[q.pk for q in closed])
        .values_list("question", "choice", "number")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for question_id, choice, number, n in rows:
        counts[question_id][choice or number] += n
    result: dict[int, list[EvaluationQuestion]] = defaultdict(list)
    for question in closed:
        tally = counts[question.pk]
        result[question.survey_id].append(
            EvaluationQuestion(
                text=question.text,
                answers=sum(tally.values()),
                positive=sum(n for value, n in tally.items() if _positive(question, value)),
            )
        )
    return result


def _positive(question: Question, value: Any) -> bool:
    if question.kind == Kind.YES_NO:
        return value == "yes"
    if question.kind == Kind.SCALE:
        top = int(question.options.get("max", 5))
        return value is not None and value != "" and int(value) >= top - 1
    choices = question.options.get("choices") or []
    return bool(choices) and value == choices[0]["key"]
