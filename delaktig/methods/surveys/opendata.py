"""Surveys' public data (manifest `datasets`): aggregated results only, never single responses.

A survey is in the data once its dialogue is public and staff have published its results. Its closed questions are
counted per alternative (or per row and point of a scale); free text, numbers, dates and the "about you" answers are
left out.
"""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from delaktig.core.contributions import Dataset, DatasetField, detail_by_pk
from delaktig.dialogues.models import PUBLIC_STATES

from . import questions as types
from .models import Answer, Survey
from .selectors_results import CLOSED_KINDS


def _published(municipality):
    return Survey.objects.filter(
        municipality=municipality,
        module__dialogue__municipality=municipality,
        module__dialogue__state__in=PUBLIC_STATES,
        results_published=True,
    )


def survey_rows(municipality, filters):
    qs = _published(municipality)
    if "dialogue" in filters:
        qs = qs.filter(module__dialogue_id=filters["dialogue"])
    return qs.select_related("module__dialogue__municipality").annotate(n=Count("responses")).order_by("id")


def survey_row(survey):
    return {
        "id": survey.pk,
        "dialogue_id": survey.module.dialogue_id,
        "module_id": survey.module_id,
        "title": survey.title,
        "access": survey.access,
        "responses": survey.n,
        "url": survey.get_absolute_url(),
    }


SURVEYS = Dataset(
    key="surveys",
    title=_("Surveys"),
    description=_("Surveys whose results are published: title, who could answer and how many responses came in."),
    fields=(
        DatasetField("id", "integer", _("Identifier of the survey")),
        DatasetField("dialogue_id", "integer", _("The dialogue")),
        DatasetField("module_id", "integer", _("The module (a way to take part)")),
        DatasetField("title", "string", _("Title")),
        DatasetField("access", "string", _("Who could answer: open, logged_in or invitation")),
        DatasetField("responses", "integer", _("Responses, on the web and on paper")),
        DatasetField("url", "string", _("The survey's page")),
    ),
    rows=survey_rows,
    to_row=survey_row,
    filters=(DatasetField("dialogue", "integer", _("Only surveys in this dialogue")),),
    detail=detail_by_pk(survey_rows, survey_row),
    keywords=("medborgardialog", "enkät"),
    order=64,
    extra={"choices": {"access": ("open", "logged_in", "invitation")}},
)


def result_rows(municipality, filters):
    qs = Answer.objects.filter(survey__in=_published(municipality), question__kind__in=CLOSED_KINDS)
    if "survey" in filters:
        qs = qs.filter(survey_id=filters["survey"])
    return (
        qs.values(
            "survey_id",
            "question_id",
            "question__text",
            "question__kind",
            "question__options",
            "row",
            "choice",
            "number",
        )
        .annotate(count=Count("id"))
        .order_by("survey_id", "question__section__order", "question__order", "question_id", "row", "choice", "number")
    )


class _Question:
    def __init__(self, item):
        self.kind, self.options = item["question__kind"], item["question__options"] or {}


def result_row(item):
    question = _Question(item)
    number = int(item["number"]) if item["number"] is not None else None
    ranking = question.kind == types.Kind.RANKING
    if item["choice"]:
        answer = types.keyed_labels(question).get(item["choice"], item["choice"])
    else:
        answer = dict(types.scale_labels(question)).get(number) if number is not None else None
    row_labels = {row["key"]: row["label"] for row in types.rows(question)}
    return {
        "survey_id": item["survey_id"],
        "question_id": item["question_id"],
        "question": item["question__text"],
        "question_type": item["question__kind"],
        "row": row_labels.get(item["row"], item["row"]) or None,
        "answer": answer,
        "place": number if ranking else None,
        "count": item["count"],
    }


RESULTS = Dataset(
    key="survey-results",
    title=_("Survey results"),
    description=_(
        "The published results of surveys, counted: for each question with alternatives or a scale, how many chose "
        "each alternative (per row of a matrix, per place in a ranking). Never single responses, never free text."
    ),
    fields=(
        DatasetField("survey_id", "integer", _("The survey")),
        DatasetField("question_id", "integer", _("The question")),
        DatasetField("question", "string", _("The question's text")),
        DatasetField("question_type", "string", _("The type of question")),
        DatasetField("row", "string", _("The row of a matrix question"), nullable=True),
        DatasetField("answer", "string", _("The alternative or point on the scale"), nullable=True),
        DatasetField("place", "integer", _("The place given in a ranking"), nullable=True),
        DatasetField("count", "integer", _("How many answered so")),
    ),
    rows=result_rows,
    to_row=result_row,
    filters=(DatasetField("survey", "integer", _("Only the results of this survey")),),
    keywords=("medborgardialog", "enkät", "resultat"),
    order=65,
    extra={"choices": {"question_type": tuple(sorted(CLOSED_KINDS))}},
)

DATASETS = (SURVEYS, RESULTS)
