"""Background work: telling those who follow a document that an official answer has come, and the e-mail receipt a
resident gets after commenting online."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background import purposes
from delaktig.participation.models import ModerationStatus

from .models import Answer, Chapter, Follower, Paragraph, Remark
from .phases import COMMENTING
from .selectors import remark_public_lines


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


@task()
def remark_receipt_send(*, comment_id, language=None):
    """The receipt for a comment written online by a resident whose account the dialogue keeps."""
    remark = _remark(comment_id)
    if remark is None or remark.entered_by_id or remark.comment.author is None or not remark.comment.author.email:
        return
    _deliver(remark, email=remark.comment.author.email, language=language)


def remark_receipt_send_now(*, comment_id, email, language=None):
    """The receipt for a comment in a dialogue that keeps no account: sent in the request's process, the address
    kept nowhere."""
    remark = _remark(comment_id)
    if remark is not None and not remark.entered_by_id and email:
        _deliver(remark, email=email, language=language)


def _remark(comment_id):
    return (
        Remark.objects.select_related("comment__author", "module__dialogue__municipality", "version")
        .filter(pk=comment_id)
        .first()
    )


def _deliver(remark, *, email, language):
    comment, module = remark.comment, remark.module
    dialogue = module.dialogue
    with translation.override(language or settings.LANGUAGE_CODE):
        ends_at = _period_end(module)
        context = {
            "remark": remark,
            "comment": comment,
            "module": module,
            "dialogue": dialogue,
            "municipality": dialogue.municipality,
            "document_title": remark.version.title or module.name,
            "place": _place_words(remark),
            "public_lines": remark_public_lines(remark),
            "published": comment.status == ModerationStatus.PUBLISHED,
            "period_end": formats.date_format(timezone.localtime(ends_at), "j F Y") if ends_at else "",
            "url": _link(remark),
        }
        subject = _("We have received your input (%(reference)s)") % {"reference": remark.reference}
        body = render_to_string("consultations/emails/receipt.txt", context)
    send_mail(subject, body, None, [email])


def _period_end(module):
    phase = module.phases.filter(phase_type=COMMENTING.key).order_by("ends_at").first()
    return phase.ends_at if phase else None


def _place_words(remark):
    """What the comment is on, in words: the whole document, a chapter, or a paragraph (its first words)."""
    if remark.chapter_anchor is None:
        return _("The whole document")
    chapter = Chapter.objects.filter(version=remark.version_id, anchor=remark.chapter_anchor).first()
    title = (chapter.title if chapter else "") or _("Introduction")
    if remark.paragraph_anchor is None:
        return _("The chapter “%(chapter)s”") % {"chapter": title}
    paragraph = Paragraph.objects.filter(version=remark.version_id, anchor=remark.paragraph_anchor).first()
    words = Truncator(paragraph.text).words(12) if paragraph and paragraph.text else ""
    if not words:
        return _("A paragraph in “%(chapter)s”") % {"chapter": title}
    return _("The paragraph “%(paragraph)s” in “%(chapter)s”") % {"paragraph": words, "chapter": title}


def _link(remark):
    """The comment on the reading page once it is published; until then the place it was written on."""
    if remark.comment.status == ModerationStatus.PUBLISHED:
        fragment = f"kommentar-{remark.comment_id}"
    elif remark.paragraph_anchor is not None:
        fragment = f"stycke-{remark.paragraph_anchor}"
    elif remark.chapter_anchor is not None:
        fragment = f"kapitel-{remark.chapter_anchor}"
    else:
        fragment = ""
    address = settings.SITE_URL.rstrip("/") + remark.module.get_absolute_url()
    return f"{address}#{fragment}" if fragment else address


@purposes.describes(remark_receipt_send)
def _receipt_purpose(kwargs):
    remark = Remark.objects.select_related("module__dialogue").filter(pk=kwargs.get("comment_id")).first()
    if remark is None:
        return None
    return purposes.Purpose(
        municipality_id=remark.module.dialogue.municipality_id,
        text=_("The receipt for comment %(reference)s on “%(title)s”")
        % {"reference": remark.reference, "title": remark.module.name},
    )
