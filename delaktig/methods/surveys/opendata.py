"""Surveys' public data (manifest `datasets`): aggregated results only, never single responses.

A survey is in the data once its dialogue is public and staff have published its results. Its closed questions are
served as the counts written when the results were published (`PublishedCount`): how many chose each alternative,
per row of a matrix and per place of a ranking. Free text, numbers, dates and the "about you" answers are left out.
"""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from delaktig.core.contributions import Dataset, DatasetField, detail_by_pk, iso_or_none
from delaktig.dialogues.models import PUBLIC_STATES

from .models import PublishedCount, Survey
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
        "published_at": iso_or_none(survey.results_published_at),
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
        DatasetField("published_at", "date-time", _("When the results were published"), nullable=True),
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
    qs = PublishedCount.objects.filter(survey__in=_published(municipality)).select_related("question")
    if "survey" in filters:
        qs = qs.filter(survey_id=filters["survey"])
    return qs.order_by("id")


def result_row(count):
    return {
        "id": count.pk,
        "survey_id": count.survey_id,
        "question_id": count.question_id,
        "question": count.question.text,
        "question_type": count.question.kind,
        "row": count.row or None,
        "answer": count.answer or None,
        "place": count.place,
        "count": count.count,
    }


RESULTS = Dataset(
    key="survey-results",
    title=_("Survey results"),
    description=_(
        "The published results of surveys, counted: for each question with alternatives or a scale, how many chose "
        "each alternative (per row of a matrix, per place in a ranking). Never single responses, never free text."
    ),
    fields=(
        DatasetField("id", "integer", _("Identifier of the figure")),
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
    detail=detail_by_pk(result_rows, result_row),
    keywords=("medborgardialog", "enkät", "resultat"),
    order=65,
    extra={"choices": {"question_type": tuple(sorted(CLOSED_KINDS))}},
)

DATASETS = (SURVEYS, RESULTS)
