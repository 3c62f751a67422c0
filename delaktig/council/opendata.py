"""The archive of answered questions as open data (hook `open_data_datasets`).

Only what the meeting's page publishes: the question, to whom, the topic, the answer and who gave it, with the
meeting. Never the asker's name, e-mail address or account.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from delaktig.core import hookspecs as core_hooks
from delaktig.core.contributions import Dataset, DatasetField, detail_by_pk, iso_or_none

from .models import Question, Status, Topic

YEAR_BOUNDS = (1900, 2999)


def answered_rows(municipality, filters):
    qs = Question.objects.filter(municipality=municipality, status=Status.ANSWERED).select_related(
        "meeting__body", "municipality"
    )
    if "body" in filters:
        qs = qs.filter(meeting__body__name__iexact=filters["body"])
    if "topic" in filters:
        qs = qs.filter(topic=filters["topic"])
    if "year" in filters:
        qs = qs.filter(meeting__starts_at__year=filters["year"])
    return qs.order_by("id")


def answered_row(question):
    return {
        "id": question.pk,
        "number": question.number,
        "body": question.meeting.body.name,
        "meeting_starts_at": iso_or_none(question.meeting.starts_at),
        "to": question.addressee_name,
        "topic": question.topic,
        "question": question.text,
        "answer": question.answer,
        "answered_by": question.answered_by,
        "answered_on": iso_or_none(question.answered_on),
        "answer_url": question.answer_url or None,
        "answer_time_mark": question.answer_time_mark or None,
        "url": question.get_absolute_url(),
    }


ANSWERED_QUESTIONS = Dataset(
    key="question-time",
    title=_("Public question time: answered questions"),
    description=_(
        "Questions residents asked at the public question time of the municipality's political bodies, with the "
        "answers: the body and meeting, to whom the question was put, the topic, the question, the answer, who "
        "answered and a link to the minutes or recording. No names of the people who asked."
    ),
    fields=(
        DatasetField("id", "integer", _("Identifier of the question")),
        DatasetField("number", "string", _("Reference number")),
        DatasetField("body", "string", _("The body")),
        DatasetField("meeting_starts_at", "date-time", _("When the meeting started")),
        DatasetField("to", "string", _("To whom the question was put")),
        DatasetField("topic", "string", _("Topic")),
        DatasetField("question", "string", _("The question")),
        DatasetField("answer", "string", _("The answer")),
        DatasetField("answered_by", "string", _("Who answered")),
        DatasetField("answered_on", "date", _("When it was answered"), nullable=True),
        DatasetField("answer_url", "string", _("Link to the minutes or recording"), nullable=True),
        DatasetField("answer_time_mark", "string", _("Where in the recording (hours:minutes:seconds)"), nullable=True),
        DatasetField("url", "string", pgettext_lazy("council", "The meeting's page")),
    ),
    rows=answered_rows,
    to_row=answered_row,
    filters=(
        DatasetField("body", "string", _("Only questions to this body (its name)")),
        DatasetField("topic", "string", _("Only questions on this topic")),
        DatasetField("year", "integer", _("Only questions answered at meetings this year")),
    ),
    detail=detail_by_pk(answered_rows, answered_row),
    keywords=("allmänhetens frågestund", "kommunfullmäktige", "demokrati"),
    order=55,
    extra={"choices": {"topic": tuple(Topic.values)}, "bounds": {"year": YEAR_BOUNDS}},
)


@core_hooks.open_data_datasets.register
def question_time_datasets():
    return [ANSWERED_QUESTIONS]
