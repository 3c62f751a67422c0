"""Staff pages of the standing forums: the forums, their members, meetings, and the matters they were consulted on
with the statements and the deciding body's response."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.organisations.models import Role
from delaktig.organisations.permissions import staff_view

from .. import selectors, services
from ..forms import ConsultationForm, ForumForm, MeetingForm, MemberForm, StatementForm

FORUM_ROLES = (Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER, Role.OFFICER)
PAGE_SIZE = 20


def post_data(request):
    return request.POST if request.method == "POST" else None


def found(
    request, forum_id, forum_member_id=None, forum_meeting_id=None, forum_consultation_id=None, forum_statement_id=None
):
    """The objects the URL names, each looked up through the one above it and the municipality (else 404)."""
    forum = selectors.forum_get(municipality=request.municipality, pk=forum_id)
    objects = {"forum": forum}
    if forum_member_id is not None:
        objects["member"] = selectors.member_get(forum=forum, pk=forum_member_id)
    if forum_meeting_id is not None:
        objects["meeting"] = selectors.meeting_get(forum=forum, pk=forum_meeting_id)
    if forum_consultation_id is not None:
        objects["consultation"] = selectors.consultation_get(forum=forum, pk=forum_consultation_id)
    if forum_statement_id is not None:
        objects["statement"] = selectors.statement_get(consultation=objects["consultation"], pk=forum_statement_id)
    return objects


def saved_or_refused(form, save):
    """Call `save()`; a rule the service refuses (an overlapping term) goes onto the form in words."""
    try:
        return save()
    except ValidationError as refused:
        field = "term_start" if refused.code == "term_overlap" else None
        form.add_error(field, refused)
        return None


def back_to_forum(request, forum, message):
    messages.success(request, message)
    return redirect("forums:staff_forum", request.municipality.slug, forum.pk)


@require_GET
@staff_view(*FORUM_ROLES)
def forums(request):
    context = {"forums": selectors.forums_of(request.municipality)}
    return render(request, "forums/staff/forums.html", context)


@require_http_methods(["GET", "POST"])
@staff_view(*FORUM_ROLES)
def forum_create(request):
    form = ForumForm(post_data(request), municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        forum = services.forum_save(municipality=request.municipality, actor=request.user, values=form.cleaned_data)
        return back_to_forum(request, forum, _("The forum is saved. Add its members next."))
    return render(request, "forums/staff/forum_form.html", {"form": form, "forum": None})


@require_GET
@staff_view(*FORUM_ROLES, find=found)
def forum(request, forum_id):
    forum = found(request, forum_id)["forum"]
    context = {
        "forum": forum,
        "members": forum.members.all(),
        "meetings": Paginator(selectors.meetings_of(forum), PAGE_SIZE).get_page(request.GET.get("moten")),
        "consultations": Paginator(selectors.consultations_of(forum), PAGE_SIZE).get_page(request.GET.get("page")),
    }
    return render(request, "forums/staff/forum.html", context)


@require_http_methods(["GET", "POST"])
@staff_view(*FORUM_ROLES, find=found)
def forum_edit(request, forum_id):
    forum = found(request, forum_id)["forum"]
    form = ForumForm(post_data(request), instance=forum, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        services.forum_save(
            municipality=request.municipality, actor=request.user, values=form.cleaned_data, forum=forum
        )
        return back_to_forum(request, forum, _("The forum is saved."))
    forum.refresh_from_db()  # the form holds what was typed; the page shows the saved forum
    return render(request, "forums/staff/forum_form.html", {"form": form, "forum": forum})


@require_http_methods(["GET", "POST"])
@staff_view(*FORUM_ROLES, find=found)
def member_edit(request, forum_id, forum_member_id=None):
    objects = found(request, forum_id, forum_member_id)
    forum, member = objects["forum"], objects.get("member")
    form = MemberForm(post_data(request), instance=member)
    if request.method == "POST" and form.is_valid():
        save = lambda: services.member_save(  # noqa: E731
            forum=forum, actor=request.user, values=form.cleaned_data, member=member
        )
        if saved_or_refused(form, save):
            return back_to_forum(request, forum, _("The member is saved."))
    return render(request, "forums/staff/member_form.html", {"form": form, "forum": forum, "member": member})


@require_http_methods(["GET", "POST"])
@staff_view(*FORUM_ROLES, find=found)
def meeting_edit(request, forum_id, forum_meeting_id=None):
    objects = found(request, forum_id, forum_meeting_id=forum_meeting_id)
    forum, meeting = objects["forum"], objects.get("meeting")
    form = MeetingForm(post_data(request), request.FILES or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        services.meeting_save(forum=forum, actor=request.user, values=form.cleaned_data, meeting=meeting)
        return back_to_forum(request, forum, _("The meeting is saved."))
    return render(request, "forums/staff/meeting_form.html", {"form": form, "forum": forum, "meeting": meeting})


@require_http_methods(["GET", "POST"])
@staff_view(*FORUM_ROLES, find=found)
def consultation_edit(request, forum_id, forum_consultation_id=None):
    objects = found(request, forum_id, forum_consultation_id=forum_consultation_id)
    forum, consultation = objects["forum"], objects.get("consultation")
    form = ConsultationForm(post_data(request), instance=consultation, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        consultation = services.consultation_save(
            forum=forum, actor=request.user, values=form.cleaned_data, consultation=consultation
        )
        messages.success(request, _("The matter is saved."))
        return redirect("forums:staff_consultation", request.municipality.slug, forum.pk, consultation.pk)
    statements = consultation.statements.select_related("meeting") if consultation else []
    context = {"form": form, "forum": forum, "consultation": consultation, "statements": statements}
    return render(request, "forums/staff/consultation_form.html", context)


@require_http_methods(["GET", "POST"])
@staff_view(*FORUM_ROLES, find=found)
def statement_edit(request, forum_id, forum_consultation_id, forum_statement_id=None):
    objects = found(
        request, forum_id, forum_consultation_id=forum_consultation_id, forum_statement_id=forum_statement_id
    )
    forum, consultation, statement = objects["forum"], objects["consultation"], objects.get("statement")
    form = StatementForm(post_data(request), instance=statement, forum=forum)
    if request.method == "POST" and form.is_valid():
        services.statement_save(
            consultation=consultation, actor=request.user, values=form.cleaned_data, statement=statement
        )
        messages.success(request, _("The statement is saved."))
        return redirect("forums:staff_consultation", request.municipality.slug, forum.pk, consultation.pk)
    context = {"form": form, "forum": forum, "consultation": consultation, "statement": statement}
    return render(request, "forums/staff/statement_form.html", context)
