"""E-mail a respondent gets: the receipt after answering and the link to continue a draft.

Both are sent in the request's process after the commit, and the address is kept nowhere (not in a task either):
a response must not be traceable to an address or an account.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from delaktig.core.templatetags.delaktig import human_date

from .models import Response


def receipt_send_now(*, response_id, email, language=None):
    response = Response.objects.select_related("survey__module__dialogue__municipality").filter(pk=response_id).first()
    if response is None or not email:
        return
    survey = response.survey
    dialogue = survey.module.dialogue
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {
            "response": response,
            "survey": survey,
            "municipality": dialogue.municipality,
            "dialogue_url": settings.SITE_URL.rstrip("/") + dialogue.get_absolute_url(),
        }
        subject = _("We have received your answers (%(reference)s)") % {"reference": response.reference}
        body = render_to_string("surveys/emails/receipt.txt", context)
    send_mail(subject, body, None, [email])


def draft_link_send_now(*, survey, email, url, expires_at, language=None):
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {"survey": survey, "url": url, "expires": human_date(expires_at)}
        subject = _("Continue answering: %(title)s") % {"title": survey.title}
        body = render_to_string("surveys/emails/draft.txt", context)
    send_mail(subject, body, None, [email])
