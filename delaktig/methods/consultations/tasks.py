"""Background work: telling those who follow a document that an official answer has come."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background import purposes

from .models import Answer, Follower


@task()
def answer_tell_followers(*, answer_id):
    """One e-mail to each active follower with an address, except the one who wrote the answer."""
    answer = Answer.objects.select_related("module__dialogue__municipality", "comment").filter(pk=answer_id).first()
    if answer is None:
        return 0
    module = answer.module
    followers = (
        Follower.objects.filter(document__module=module, user__is_active=True)
        .exclude(user__email="")
        .exclude(user=answer.author_id)
        .select_related("user")
    )
    url = settings.SITE_URL.rstrip("/") + module.get_absolute_url() + f"#kommentar-{answer.comment_id}"
    sent = 0
    for follower in followers:
        with translation.override(settings.LANGUAGE_CODE):
            context = {"answer": answer, "module": module, "dialogue": module.dialogue, "url": url}
            subject = _("An answer in the consultation on “%(title)s”") % {"title": module.name}
            body = render_to_string("consultations/emails/answer.txt", context)
        send_mail(subject, body, None, [follower.user.email])
        sent += 1
    return sent


@purposes.describes(answer_tell_followers)
def _answer_purpose(kwargs):
    answer = Answer.objects.select_related("module__dialogue").filter(pk=kwargs.get("answer_id")).first()
    if answer is None:
        return None
    return purposes.Purpose(
        municipality_id=answer.module.dialogue.municipality_id,
        text=_("E-mail to those who follow “%(title)s” about a new answer") % {"title": answer.module.name},
    )
