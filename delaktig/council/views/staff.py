"""Staff pages: meetings per body (create, edit, cancel, minutes), question-time settings per body, the
presidium's queue (approve or refuse with a reason) and recording answers."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.organisations.models import Role
from delaktig.organisations.permissions import staff_view

from .. import selectors, services, workflow
from ..forms import AnswerForm, CancelForm, MeetingForm, ReviewForm, SettingsForm
from ..models import Status

PLANNERS = tuple(sorted(workflow.PLANNERS))  # keep the calendar and the settings
REVIEWERS = (Role.PRESIDIUM, Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR)
ANSWER_RECORDERS = (*REVIEWERS, Role.REGISTRAR)
READERS = tuple(sorted({*PLANNERS, *ANSWER_RECORDERS}))


def post_data(request):
    return request.POST if request.method == "POST" else None


def find_body(request, body_id):
    selectors.body_get(municipality=request.municipality, pk=body_id)


def find_meeting(request, body_id, pk):
    return selectors.meeting_get(municipality=request.municipality, body_id=body_id, pk=pk)


def find_question(request, pk):
    selectors.question_get(municipality=request.municipality, pk=pk)


def _question_for(request, pk):
    """The question, if the person may see it: the presidium sees only its own bodies' questions (else 403)."""
    found = selectors.question_get(municipality=request.municipality, pk=pk)
    bodies = _bodies_for(request)
    if bodies is not None and not bodies.filter(pk=found.meeting.body_id).exists():
        raise PermissionDenied("Not the presidium of this body")
    return found


def _bodies_for(request):
    """The bodies whose questions the person reviews: all, or those whose presidium they sit in."""
    if request.user.has_role(request.municipality, Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR, Role.REGISTRAR):
        return None
    return selectors.presidium_bodies(request.user, request.municipality)


@require_GET
@staff_view(*READERS)
def overview(request):
    bodies = _bodies_for(request)
    context = {
        "bodies": selectors.bodies_of(request.municipality),
        "queue_count": selectors.review_queue(request.municipality, bodies).count(),
        "answer_count": selectors.to_answer(request.municipality, bodies).count(),
        "may_plan": request.user.has_role(request.municipality, *PLANNERS),
    }
    return render(request, "council/staff/overview.html", context)


@require_GET
@staff_view(*PLANNERS, find=find_body)
def meetings(request, body_id):
    body = selectors.body_get(municipality=request.municipality, pk=body_id)
    context = {
        "body": body,
        "rules": selectors.settings_for(body),
        "coming": selectors.meetings_coming(request.municipality, body),
        "past": selectors.meetings_past(request.municipality, body)[:50],
    }
    return render(request, "council/staff/meetings.html", context)


@require_http_methods(["GET", "POST"])
@staff_view(*PLANNERS, find=find_body)
def meeting_create(request, body_id):
    body = selectors.body_get(municipality=request.municipality, pk=body_id)
    form = MeetingForm(post_data(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        meeting = services.meeting_create(body=body, actor=request.user, values=form.values())
        messages.success(request, _("The meeting is saved and shown in the calendar."))
        return redirect("council:staff_meeting", request.municipality.slug, body.pk, meeting.pk)
    return render(request, "council/staff/meeting_form.html", {"body": body, "form": form, "meeting": None})


@require_http_methods(["GET", "POST"])
@staff_view(*PLANNERS, find=find_meeting)
def meeting_edit(request, body_id, pk):
    meeting = find_meeting(request, body_id, pk)
    form = MeetingForm(post_data(request), request.FILES or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        services.meeting_update(meeting=meeting, actor=request.user, values=form.values())
        messages.success(request, pgettext("council", "The meeting is saved."))
        return redirect("council:staff_meeting", request.municipality.slug, body_id, meeting.pk)
    if request.method == "POST":
        meeting.refresh_from_db()  # the form holds what was typed; the page shows the saved meeting
    context = {"body": meeting.body, "form": form, "meeting": meeting, "cancel_form": CancelForm()}
    return render(request, "council/staff/meeting_form.html", context)


@require_http_methods(["GET", "POST"])
@staff_view(*PLANNERS, find=find_meeting)
def meeting_cancel(request, body_id, pk):
    meeting = find_meeting(request, body_id, pk)
    form = CancelForm(post_data(request))
    if meeting.is_cancelled or meeting.starts_at <= timezone.now():  # nothing to cancel: the page says why
        context = {"meeting": meeting, "form": None, "has_begun": not meeting.is_cancelled}
        return render(request, "council/staff/meeting_cancel.html", context, status=409 if request.POST else 200)
    if request.method == "POST" and form.is_valid():
        services.meeting_cancel(meeting=meeting, actor=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("The meeting is cancelled. The calendar and the feed say so."))
        return redirect("council:staff_meetings", request.municipality.slug, meeting.body_id)
    return render(request, "council/staff/meeting_cancel.html", {"meeting": meeting, "form": form})


@require_http_methods(["GET", "POST"])
@staff_view(*PLANNERS, find=find_body)
def settings_edit(request, body_id):
    body = selectors.body_get(municipality=request.municipality, pk=body_id)
    form = SettingsForm(post_data(request), instance=selectors.settings_for(body))
    if request.method == "POST" and form.is_valid():
        services.question_time_settings_save(body=body, actor=request.user, values=form.values())
        messages.success(request, _("The question time settings are saved."))
        return redirect("council:staff_meetings", request.municipality.slug, body.pk)
    return render(request, "council/staff/settings.html", {"body": body, "form": form})


@require_GET
@staff_view(*READERS)
def queue(request):
    bodies = _bodies_for(request)
    context = {
        "waiting": selectors.review_queue(request.municipality, bodies),
        "coming": selectors.approved_coming(request.municipality, bodies),
        "to_answer": selectors.to_answer(request.municipality, bodies),
        "answered": selectors.answered_recently(request.municipality, bodies),
    }
    return render(request, "council/staff/queue.html", context)


def _question_page(request, question, review_form=None, answer_form=None, status=200, refusals=()):
    context = {
        "question": question,
        "refusals": refusals,
        "review_form": review_form or ReviewForm(),
        "answer_form": answer_form or AnswerForm(initial=_answer_initial(question), meeting=question.meeting),
        "may_review": _may(request.user, question, "approve"),
        "may_answer": _may(request.user, question, "answer"),
        "may_correct": _may(request.user, question, "correct"),
        "meeting_has_begun": question.meeting.starts_at <= timezone.now(),
        "limits": selectors.settings_for(question.meeting.body),
    }
    return render(request, "council/staff/question.html", context, status=status)


def _may(user, question, name):
    """Whether the step is out of the question's state and the person may take it (guards come later)."""
    found = workflow.find(question, name)
    return found is not None and workflow.LIFECYCLE.may_take(user, question, found.step)


def _answer_initial(question):
    return {
        "answered_by": question.answered_by or question.addressee_name,
        "answered_on": question.answered_on or question.meeting.local_date(),
        "answer_url": question.answer_url or question.meeting.recording_url or question.meeting.minutes_url,
        "answer": question.answer,
        "answer_time_mark": question.answer_time_mark,
    }


@require_http_methods(["GET", "POST"])
@staff_view(*ANSWER_RECORDERS, find=find_question)
def question(request, pk):
    """The question with the form for its next step: the review (approve or refuse), or the answer after it."""
    found = _question_for(request, pk)
    if request.method == "GET":
        return _question_page(request, found)
    if request.POST.get("form") == "answer":
        return _answer(request, found)
    return _review(request, found)


def _review(request, found):
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return _question_page(request, found, review_form=form)
    data = form.cleaned_data
    try:
        if data["decision"] == ReviewForm.APPROVE:
            services.question_approve(question=found, actor=request.user)
            messages.success(request, _("The question is approved. The asker gets an e-mail."))
        else:
            services.question_refuse(question=found, actor=request.user, reason=data["reason"], text=data["text"])
            messages.success(request, _("The question is not approved. The asker gets an e-mail with the reason."))
    except workflow.TransitionRefused as refused:
        found = selectors.question_get(municipality=request.municipality, pk=found.pk)
        return _question_page(request, found, review_form=form, status=409, refusals=refused.reasons)
    return redirect("council:staff_queue", request.municipality.slug)


def _answer(request, found):
    form = AnswerForm(request.POST, meeting=found.meeting)
    was_answered = found.status == Status.ANSWERED
    if not form.is_valid():
        return _question_page(request, found, answer_form=form)
    try:
        services.question_answer(question=found, actor=request.user, **form.cleaned_data)
    except workflow.TransitionRefused as refused:
        found = selectors.question_get(municipality=request.municipality, pk=found.pk)
        return _question_page(request, found, answer_form=form, status=409, refusals=refused.reasons)
    if was_answered:
        messages.success(request, _("The corrected answer is saved and published."))
    else:
        messages.success(request, _("The answer is saved and published. The asker gets an e-mail."))
    return redirect("council:staff_queue", request.municipality.slug)
