"""Building a survey in the staff workspace: the survey, its sections and questions, their order, a copy, a template,
and publishing the results. Each write leaves an audit event in its transaction.

Once responses have come in, what they answered stays: a question with answers cannot be removed or change type,
and an alternative with answers cannot be removed (its text can be corrected). A condition always names a question
that comes before what it is on; a move that would break that is refused in words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Count, F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from delaktig.core.audit import audit_record

from . import questions as types
from .models import Access, Answer, PublishedCount, Question, Section, Survey
from .pending import settled
from .structure import order_problems, structure_changed, structure_of

if TYPE_CHECKING:
    from delaktig.accounts.models import User
    from delaktig.participation.models import Module

UP, DOWN = "up", "down"
CLOSED = frozenset(
    {
        types.Kind.SINGLE_CHOICE,
        types.Kind.MULTIPLE_CHOICE,
        types.Kind.YES_NO,
        types.Kind.SCALE,
        types.Kind.MATRIX,
        types.Kind.RANKING,
    }
)


class BuilderRefused(ValueError):
    """The change would lose answers or break a condition; the message says why, for staff."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def _audit(survey: Survey, actor: User, action: str, target: Any, **data: Any) -> None:
    audit_record(municipality=survey.municipality, actor=actor, action=f"surveys.{action}", target=target, data=data)


def _locked(survey: Survey) -> Survey:
    """The survey, locked for a change to its sections or questions, and marked changed in the same transaction
    (a move updates rows without saving them one by one, so the signals would not see it)."""
    locked = Survey.objects.select_for_update().get(pk=survey.pk)
    structure_changed(locked.pk)
    return locked


# The survey


@transaction.atomic
def survey_create(
    *,
    module: Module,
    actor: User,
    title: str,
    intro: str = "",
    access: str = Access.OPEN,
    about_you: bool = True,
) -> Survey:
    """The module's survey, with one empty section to put questions in."""
    survey = Survey.objects.create(
        module=module,
        municipality=module.dialogue.municipality,
        title=title.strip(),
        intro=intro.strip(),
        access=access,
        about_you=about_you,
    )
    Section.objects.create(survey=survey, order=0)
    _audit(survey, actor, "survey_create", survey)
    return survey


SURVEY_FIELDS = ("title", "intro", "access", "about_you")


@transaction.atomic
def survey_update(*, survey: Survey, actor: User, **values: Any) -> Survey:
    changed = [name for name in SURVEY_FIELDS if name in values and getattr(survey, name) != values[name]]
    if "access" in changed and survey.responses.exists():
        raise BuilderRefused(_("Responses have come in, so who can answer cannot be changed any more."))
    for name in changed:
        setattr(survey, name, values[name].strip() if isinstance(values[name], str) else values[name])
    survey.save()
    _audit(survey, actor, "survey_update", survey, changed=changed)
    return survey


@transaction.atomic
def results_publish(*, survey: Survey, actor: User, published: bool) -> Survey:
    """Publish the counted results (again, with the latest responses) or take them off the public pages. The
    counts open data serves are written now (`PublishedCount`), so it shows what was published."""
    survey.results_published = published
    survey.results_published_at = timezone.now() if published else None
    survey.save(update_fields=["results_published", "results_published_at", "updated_at"])
    PublishedCount.objects.filter(survey=survey).delete()
    if published:
        PublishedCount.objects.bulk_create(published_counts(survey), batch_size=1000)
    _audit(survey, actor, "results_publish" if published else "results_unpublish", survey)
    return survey


def published_counts(survey: Survey) -> list[PublishedCount]:
    """The closed questions' answers counted per alternative, matrix row and ranking place (one GROUP BY)."""
    structure = structure_of(survey)
    closed = [pk for pk, q in structure.questions.items() if q.kind in CLOSED]
    settled(survey=survey)
    grouped = (
        Answer.objects.filter(survey=survey, question_id__in=closed)
        .order_by()
        .values("question_id", "row", "choice", "number")
        .annotate(n=Count("id"))
    )
    order = {pk: index for index, pk in enumerate(structure.questions)}
    rows = sorted(grouped, key=lambda r: (order[r["question_id"]], r["row"], r["choice"], r["number"] or 0))
    return [_count(survey, structure.questions[row["question_id"]], row, position) for position, row in enumerate(rows)]


def _count(survey: Survey, question: Question, row: dict[str, Any], position: int) -> PublishedCount:
    number = int(row["number"]) if row["number"] is not None else None
    if row["choice"]:
        answer = types.keyed_labels(question).get(row["choice"], _("Removed alternative"))
    else:
        answer = dict(types.scale_labels(question)).get(number, str(number)) if number is not None else ""
    row_labels = {entry["key"]: entry["label"] for entry in types.rows(question)}
    return PublishedCount(
        survey=survey,
        question=question,
        position=position,
        row=row_labels.get(row["row"], "") if row["row"] else "",
        answer=answer[:300],
        place=number if question.kind == types.Kind.RANKING else None,
        count=row["n"],
    )


# Sections


def _next_order(queryset: Any) -> int:
    highest = queryset.aggregate(n=Max("order"))["n"]
    return 0 if highest is None else highest + 1


def _condition_check(survey: Survey, question_id: int | None, value: str) -> None:
    """The condition must name a question of this survey that can carry one, with a value it can have."""
    if question_id is None:
        return
    source = Question.objects.filter(survey=survey, pk=question_id).first()
    if source is None or source.kind not in types.CONDITION_KINDS:
        raise BuilderRefused(_("Choose an earlier question with alternatives or a scale for the condition."))
    if value not in dict(types.condition_values(source)):
        raise BuilderRefused(_("Choose one of the answers the earlier question can have."))


def _order_check(survey: Survey) -> None:
    problems = order_problems(structure_of(survey))
    if problems:
        raise BuilderRefused(
            _("A condition must name a question that comes before it. Check: %(items)s.")
            % {"items": "; ".join(problems)}
        )


@transaction.atomic
def section_add(
    *,
    survey: Survey,
    actor: User,
    title: str,
    help_text: str = "",
    condition_question_id: int | None = None,
    condition_value: str = "",
) -> Section:
    _locked(survey)
    _condition_check(survey, condition_question_id, condition_value)
    section = Section.objects.create(
        survey=survey,
        order=_next_order(survey.sections.all()),
        title=title.strip(),
        help_text=help_text.strip(),
        condition_question_id=condition_question_id,
        condition_value=condition_value if condition_question_id else "",
    )
    _order_check(survey)
    _audit(survey, actor, "section_add", section)
    return section


@transaction.atomic
def section_update(
    *,
    section: Section,
    actor: User,
    title: str,
    help_text: str = "",
    condition_question_id: int | None = None,
    condition_value: str = "",
) -> Section:
    survey = _locked(section.survey)
    _condition_check(survey, condition_question_id, condition_value)
    section.title, section.help_text = title.strip(), help_text.strip()
    section.condition_question_id = condition_question_id
    section.condition_value = condition_value if condition_question_id else ""
    section.save()
    _order_check(survey)
    _audit(survey, actor, "section_update", section)
    return section


@transaction.atomic
def section_remove(*, section: Section, actor: User) -> None:
    survey = _locked(section.survey)
    if survey.sections.count() == 1:
        raise BuilderRefused(_("A survey needs at least one page. Change this one instead."))
    settled(survey=survey)
    if Answer.objects.filter(question__section=section).exists():
        raise BuilderRefused(_("Questions on this page have answers, so the page cannot be removed."))
    _audit(survey, actor, "section_remove", survey, title=section.title)
    section.delete()
    _order_check(survey)


def _swap(items: list[Any], item: Any, direction: str) -> bool:
    """Swap `item` with its neighbour in `items`, rewriting every order; False at the end of the list."""
    index = [entry.pk for entry in items].index(item.pk)
    other = index - 1 if direction == UP else index + 1
    if not 0 <= other < len(items):
        return False
    items[index], items[other] = items[other], items[index]
    for position, entry in enumerate(items):
        if entry.order != position:
            type(entry).objects.filter(pk=entry.pk).update(order=position)
    return True


@transaction.atomic
def section_move(*, section: Section, actor: User, direction: str) -> bool:
    survey = _locked(section.survey)
    moved = _swap(list(survey.sections.order_by("order", "id")), section, direction)
    if moved:
        _order_check(survey)
        _audit(survey, actor, "section_move", section, direction=direction)
    return moved


# Questions


def question_has_answers(question: Question) -> bool:
    settled(survey_id=question.survey_id)
    return Answer.objects.filter(question=question).exists()


def _keys_in_use(question: Question) -> set[str]:
    settled(survey_id=question.survey_id)
    rows = Answer.objects.filter(question=question).values_list("choice", "row").distinct()
    return {key for pair in rows for key in pair if key}


def _options_check(question: Question, options: dict[str, Any]) -> None:
    """Alternatives, rows or items that have answers may not disappear; a scale with answers keeps its range."""
    used = _keys_in_use(question)
    if not used:
        return
    kept = {entry["key"] for name in ("choices", "rows", "items") for entry in options.get(name, [])}
    if options.get("other"):
        kept.add(types.OTHER)
    kept |= {types.YES, types.NO} if question.kind == types.Kind.YES_NO else set()
    if used - kept:
        raise BuilderRefused(_("Alternatives that have answers cannot be removed. You can change their text."))
    if question.kind in types.SCALE_KINDS and (
        options.get("min") != question.options.get("min") or options.get("max") != question.options.get("max")
    ):
        raise BuilderRefused(_("The scale has answers, so its range cannot change. You can change its words."))


@transaction.atomic
def question_add(
    *,
    section: Section,
    actor: User,
    kind: str,
    text: str,
    help_text: str = "",
    required: bool = False,
    options: dict[str, Any] | None = None,
    condition_question_id: int | None = None,
    condition_value: str = "",
) -> Question:
    survey = _locked(section.survey)
    _condition_check(survey, condition_question_id, condition_value)
    question = Question.objects.create(
        survey=survey,
        section=section,
        order=_next_order(section.questions.all()),
        kind=kind,
        text=text.strip(),
        help_text=help_text.strip(),
        required=required,
        options=options or {},
        condition_question_id=condition_question_id,
        condition_value=condition_value if condition_question_id else "",
    )
    _order_check(survey)
    _audit(survey, actor, "question_add", question, kind=kind)
    return question


@transaction.atomic
def question_update(
    *,
    question: Question,
    actor: User,
    text: str,
    help_text: str = "",
    required: bool = False,
    options: dict[str, Any] | None = None,
    section: Section | None = None,
    condition_question_id: int | None = None,
    condition_value: str = "",
) -> Question:
    survey = _locked(question.survey)
    options = options if options is not None else question.options
    _options_check(question, options)
    if condition_question_id == question.pk:
        raise BuilderRefused(_("A question cannot depend on its own answer. Choose an earlier question."))
    _condition_check(survey, condition_question_id, condition_value)
    if section is not None and section.pk != question.section_id:
        question.section, question.order = section, _next_order(section.questions.all())
    question.text, question.help_text, question.required = text.strip(), help_text.strip(), required
    question.options = options
    question.condition_question_id = condition_question_id
    question.condition_value = condition_value if condition_question_id else ""
    question.save()
    _order_check(survey)
    _audit(survey, actor, "question_update", question)
    return question


@transaction.atomic
def question_remove(*, question: Question, actor: User) -> None:
    survey = _locked(question.survey)
    if question_has_answers(question):
        raise BuilderRefused(_("The question has answers, so it cannot be removed."))
    dependent = Question.objects.filter(condition_question=question).exists()
    if dependent or Section.objects.filter(condition_question=question).exists():
        raise BuilderRefused(_("Other questions or pages are shown depending on this one. Change them first."))
    _audit(survey, actor, "question_remove", survey, text=question.text)
    question.delete()


@transaction.atomic
def question_move(*, question: Question, actor: User, direction: str) -> bool:
    """One step up or down; past the first or last question of a page it moves to the page before or after."""
    survey = _locked(question.survey)
    siblings = list(question.section.questions.order_by("order", "id"))
    moved = _swap(siblings, question, direction)
    if not moved:
        moved = _to_next_section(survey, question, direction)
    if moved:
        _order_check(survey)
        _audit(survey, actor, "question_move", question, direction=direction)
    return moved


def _to_next_section(survey: Survey, question: Question, direction: str) -> bool:
    sections = list(survey.sections.order_by("order", "id"))
    index = [section.pk for section in sections].index(question.section_id)
    other = index - 1 if direction == UP else index + 1
    if not 0 <= other < len(sections):
        return False
    target = sections[other]
    if direction == UP:
        order = _next_order(target.questions.all())
    else:
        target.questions.update(order=F("order") + 1)
        order = 0
    Question.objects.filter(pk=question.pk).update(section=target, order=order)
    return True


# Copies and templates


@transaction.atomic
def survey_copy(*, source: Survey, module: Module, actor: User) -> Survey:
    """The same survey, without responses, in another module of the same municipality."""
    if module.dialogue.municipality_id != source.municipality_id:
        raise BuilderRefused(_("A survey can only be copied within the municipality."))
    survey = _copy_into(module, actor, survey_spec(source))
    _audit(survey, actor, "survey_copy", survey, source=source.pk)
    return survey


@transaction.atomic
def survey_from_template(*, module: Module, actor: User, spec: dict[str, Any]) -> Survey:
    """A survey made from a template (survey_templates/): the same shape survey_copy builds from."""
    survey = _copy_into(module, actor, spec)
    _audit(survey, actor, "survey_from_template", survey, template=spec.get("key", ""))
    return survey


def survey_spec(source: Survey) -> dict[str, Any]:
    """A survey as a template: sections and questions, conditions naming questions by their place ("2.1")."""
    structure = structure_of(source)
    places = {}
    sections = []
    for s_index, section in enumerate(structure.sections, start=1):
        questions = []
        for q_index, question in enumerate(structure.questions_of(section), start=1):
            places[question.pk] = f"{s_index}.{q_index}"
            questions.append(
                {
                    "kind": question.kind,
                    "text": question.text,
                    "help": question.help_text,
                    "required": question.required,
                    "options": question.options,
                    **_condition_spec(question, places),
                }
            )
        sections.append(
            {
                "title": section.title,
                "help": section.help_text,
                "questions": questions,
                **_condition_spec(section, places),
            }
        )
    return {
        "title": source.title,
        "intro": source.intro,
        "access": source.access,
        "about_you": source.about_you,
        "sections": sections,
    }


def _condition_spec(item: Section | Question, places: dict[int, str]) -> dict[str, Any]:
    if not item.condition_question_id or item.condition_question_id not in places:
        return {}
    return {"condition": {"question": places[item.condition_question_id], "value": item.condition_value}}


def _copy_into(module: Module, actor: User, spec: dict[str, Any]) -> Survey:
    if Survey.objects.filter(module=module).exists():
        raise BuilderRefused(_("This way of taking part already has a survey."))
    survey = Survey.objects.create(
        module=module,
        municipality=module.dialogue.municipality,
        title=spec["title"],
        intro=spec.get("intro", ""),
        access=spec.get("access", Access.OPEN),
        about_you=spec.get("about_you", True),
    )
    by_place: dict[str, Question] = {}
    for s_index, section_spec in enumerate(spec["sections"], start=1):
        section = Section.objects.create(
            survey=survey,
            order=s_index - 1,
            title=section_spec.get("title", ""),
            help_text=section_spec.get("help", ""),
            **_condition_of(section_spec, by_place),
        )
        for q_index, question_spec in enumerate(section_spec.get("questions", []), start=1):
            by_place[f"{s_index}.{q_index}"] = Question.objects.create(
                survey=survey,
                section=section,
                order=q_index - 1,
                kind=question_spec["kind"],
                text=question_spec["text"],
                help_text=question_spec.get("help", ""),
                required=bool(question_spec.get("required", False)),
                options=question_spec.get("options", {}),
                **_condition_of(question_spec, by_place),
            )
    return survey


def _condition_of(spec: dict[str, Any], by_place: dict[str, Question]) -> dict[str, Any]:
    condition = spec.get("condition")
    if not condition or condition["question"] not in by_place:
        return {}
    return {"condition_question": by_place[condition["question"]], "condition_value": str(condition["value"])}
