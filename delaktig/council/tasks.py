"""Background e-mail to the person who asked (the work is in notifying.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background.purposes import Purpose, describes

from .models import Question
from .notifying import question_mail_send


@task()
def question_decided_send(*, question_id, step, language=None):
    question_mail_send(question_id=question_id, step=step, language=language)


@task()
def question_receipt_send(*, question_id, language=None):
    question_mail_send(question_id=question_id, step="receipt", language=language)


def _purpose(kwargs):
    question = Question.objects.select_related("municipality").filter(pk=kwargs.get("question_id")).first()
    if question is None:
        return None
    return Purpose(
        municipality_id=question.municipality_id,
        text=_("An e-mail about the question %(number)s for question time") % {"number": question.number},
        url=reverse("council:staff_question", args=[question.municipality.slug, question.pk]),
    )


describes(question_decided_send)(_purpose)
describes(question_receipt_send)(_purpose)
