"""Staff pages of the comments: the list (with those waiting for moderation), moderating, official answers and the
municipality's position on each comment."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from delaktig.participation.models import ModerationReason, ModerationStatus
from delaktig.participation.rules import allowed
from delaktig.participation.services import moderate as moderate_item

from .. import services
from ..forms import AnswerForm, ModerateForm, PositionForm
from ..models import Remark
from ..rules import answer_role_for
from ..selectors import remark_get
from .common import context_of, guard, refuse, url

PER_PAGE = 25
STATUSES = {
    "pending": ModerationStatus.PENDING,
    "published": ModerationStatus.PUBLISHED,
    "removed": ModerationStatus.REJECTED,
}


def comments(request, dialogue_id, module_id):
    module, refused = guard(request, dialogue_id, module_id, "answer", "moderate")
    if refused:
        return refused
    if request.method == "POST":
        return _moderate(request, module)
    status = request.GET.get("status", "")
    remarks = (
        Remark.objects.filter(module=module)
        .select_related("comment", "version")
        .order_by("-comment__created_at", "-comment_id")
    )
    if status in STATUSES:
        remarks = remarks.filter(comment__status=STATUSES[status])
    page = Paginator(remarks, PER_PAGE).get_page(request.GET.get("sida"))
    context = context_of(
        module,
        page=page,
        status=status,
        statuses=[
            ("", _("All")),
            ("pending", _("Waiting for moderation")),
            ("published", _("Published")),
            ("removed", _("Removed")),
        ],
        reasons=ModerationReason.choices,
        may_moderate=bool(allowed(request.user, "moderate", module)),
        may_answer=bool(allowed(request.user, "answer", module)),
    )
    return render(request, "consultations/staff/comments.html", context)


def _remark_or_404(module, comment_id):
    remark = remark_get(module, comment_id)
    if remark is None:
        raise Http404("No such comment")
    return remark


def comment(request, dialogue_id, module_id, comment_id):
    module, refused = guard(request, dialogue_id, module_id, "answer")
    if refused:
        return refused
    remark = _remark_or_404(module, comment_id)
    may_respond = bool(allowed(request.user, "respond", module))
    posted = request.POST.get("form") if request.method == "POST" else None
    answer_form = AnswerForm(
        request.POST if posted == "answer" else None, initial={"role": answer_role_for(request.user, module)}
    )
    position_form = PositionForm(
        request.POST if posted == "position" else None,
        initial={"position": remark.position, "response": remark.response},
    )
    if posted == "answer" and answer_form.is_valid():
        if remark.comment.status != ModerationStatus.PUBLISHED:
            answer_form.add_error(None, _("Publish the comment before you answer it."))
        else:
            services.answer_create(
                comment=remark.comment, module=module, author=request.user, **answer_form.cleaned_data
            )
            messages.success(request, _("The answer is published under the comment."))
            return redirect(url("comment", module, remark.comment_id))
    if posted == "position" and may_respond and position_form.is_valid():
        services.position_set(remark=remark, actor=request.user, **position_form.cleaned_data)
        messages.success(request, _("The position is saved for the consultation report."))
        return redirect(url("comment", module, remark.comment_id))
    context = context_of(
        module,
        remark=remark,
        answers=list(remark.comment.consultation_answers.all()),
        answer_form=answer_form,
        position_form=position_form,
        may_respond=may_respond,
        place=_place_text(remark),
    )
    return render(request, "consultations/staff/comment.html", context)


def _place_text(remark):
    version = remark.version
    if remark.paragraph_anchor is not None:
        paragraph = version.paragraphs.filter(anchor=remark.paragraph_anchor).first()
        return paragraph.text if paragraph else ""
    if remark.chapter_anchor is not None:
        chapter = version.chapters.filter(anchor=remark.chapter_anchor).first()
        return _("The chapter “%(chapter)s”") % {"chapter": chapter.title} if chapter else ""
    return _("The whole document")


def _moderate(request, module):
    """A comment published or removed from the list (posted to it, with the comment's id)."""
    decision = allowed(request.user, "moderate", module)
    if not decision:
        return refuse(request, decision, back_url=url("comments", module))
    form = ModerateForm(request.POST)
    back = url("comments", module) + "?status=pending"
    if not form.is_valid():
        messages.error(request, _("Choose whether to publish or remove the comment."))
        return redirect(back)
    remark = _remark_or_404(module, form.cleaned_data["comment"])
    reason = form.cleaned_data["reason"]
    if not form.cleaned_data["publish"] and reason not in ModerationReason.values:
        messages.error(request, _("Choose why the comment is removed."))
        return redirect(back)
    moderate_item(item=remark.comment, actor=request.user, publish=form.cleaned_data["publish"], reason=reason)
    messages.success(
        request,
        pgettext("consultation", "The comment is published.")
        if form.cleaned_data["publish"]
        else pgettext("consultation", "The comment is removed."),
    )
    return redirect(back)
