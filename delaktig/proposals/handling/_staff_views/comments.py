"""Moderating residents' comments on proposals (they are pre-moderated: nothing shows until published)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from delaktig.organisations.permissions import staff_view
from delaktig.participation.models import Comment, ModerationReason, ModerationStatus
from delaktig.participation.services import moderate

from .common import MODERATION_ROLES


def find_comment(request, comment_id):
    return get_object_or_404(Comment, pk=comment_id, municipality=request.municipality)


@require_POST
@staff_view(*MODERATION_ROLES, find=find_comment)
def comment_moderate(request, comment_id):
    comment = get_object_or_404(
        Comment, pk=comment_id, municipality=request.municipality, status=ModerationStatus.PENDING
    )
    publish = request.POST.get("decision") == "publish"
    reason = request.POST.get("reason", "")
    if not publish and reason not in ModerationReason.values:
        messages.error(request, _("Choose the reason for removing the comment."))
        return redirect("proposals:moderation", request.municipality.slug)
    moderate(item=comment, actor=request.user, publish=publish, reason=reason)
    messages.success(request, _("The comment is published.") if publish else _("The comment is removed."))
    return redirect("proposals:moderation", request.municipality.slug)
