"""The e-mails to the person who asked: the receipt, the presidium's decision, the answer."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Question
from .selectors import next_open_meeting, questions_close_at, settings_for


def _question(question_id):
    return Question.objects.select_related("meeting__body", "municipality", "asker").filter(pk=question_id).first()


def _subject(step, question):
    values = {"number": question.number}
    if step == "receipt":
        return _("We have received your question (%(number)s)") % values
    if step == "approve":
        return _("Your question %(number)s is approved for question time") % values
    if step == "refuse":
        return _("Your question %(number)s was not approved") % values
    if step == "meeting_cancelled":
        return _("The meeting is cancelled: your question %(number)s will not be answered there") % values
    return _("Your question %(number)s has been answered") % values


def question_mail_send(*, question_id, step, language=None):
    """Mail the asker about `step` ("receipt", "approve", "refuse", "answer"); nothing if there is no one to mail."""
    question = _question(question_id)
    if question is None or question.asker is None or not question.asker.email:
        return False
    with translation.override(language or settings.LANGUAGE_CODE):
        meeting = question.meeting
        context = {
            "question": question,
            "meeting": meeting,
            "municipality": question.municipality,
            "rules": settings_for(meeting.body),
            "closes_at": questions_close_at(meeting, settings_for(meeting.body)),
            "url": settings.SITE_URL.rstrip("/") + meeting.get_absolute_url(),
            "my_pages_url": settings.SITE_URL.rstrip("/")
            + reverse("accounts:my_pages", args=[question.municipality.slug]),
            "step": step,
            "next_open": next_open_meeting(meeting.body),
            "ask_url": settings.SITE_URL.rstrip("/")
            + reverse("council:ask", args=[question.municipality.slug, meeting.body_id]),
        }
        subject = _subject(step, question)
        body = render_to_string(f"council/emails/{step}.txt", context)
    send_mail(" ".join(subject.split()), body, None, [question.asker.email])
    return True
