"""Public pages of the standing forums: purpose, the members serving now (names, roles and what they were appointed
for, never contact details), meetings with agenda and minutes, and the statements with what was done with them."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from .. import selectors

PAGE_SIZE = 10
FILES = {"dagordning": "agenda_file", "protokoll": "minutes_file"}


@require_safe
def forums(request):
    return render(request, "forums/public/forums.html", {"forums": selectors.forums_of(request.municipality)})


@require_safe
def forum(request, forum_id):
    forum = selectors.forum_get(municipality=request.municipality, pk=forum_id)
    context = {
        "forum": forum,
        "members": selectors.members_serving(forum, timezone.localdate()),
        "meetings": Paginator(selectors.meetings_of(forum), PAGE_SIZE).get_page(request.GET.get("moten")),
        "consultations": Paginator(selectors.consultations_of(forum), PAGE_SIZE).get_page(request.GET.get("page")),
    }
    return render(request, "forums/public/forum.html", context)


@require_safe
def meeting_file(request, forum_id, forum_meeting_id, slug):
    forum = selectors.forum_get(municipality=request.municipality, pk=forum_id)
    meeting = selectors.meeting_get(forum=forum, pk=forum_meeting_id)
    stored = getattr(meeting, FILES[slug]) if slug in FILES else None
    if not stored:
        raise Http404("No such file")
    try:
        opened = stored.open("rb")
    except OSError as missing:
        raise Http404("File missing") from missing
    filename = f"{slug}-{meeting.held_on.isoformat()}.pdf"
    return FileResponse(opened, content_type="application/pdf", filename=filename)
