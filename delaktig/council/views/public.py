"""Public pages: the municipal calendar, a body's calendar and ICS feed, a meeting with its questions, asking a
question, the receipt, the archive of answered questions and the agenda appendix (PDF)."""

import uuid

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from delaktig.accounts.models import IdentityLevel
from delaktig.core.calendars import CalendarEvent, calendar_response
from delaktig.core.templatetags.delaktig import human_date
from delaktig.identity import selectors as identity

from .. import selectors, services, workflow
from ..forms import ArchiveForm, QuestionForm
from ..models import Meeting, Status
from ..pdf import appendix_pdf_response

PAGE_SIZE = 20


def _page(request, qs):
    return Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))


@require_safe
def calendar(request):
    municipality = request.municipality
    context = {
        "coming": selectors.meetings_coming(municipality)[:100],
        "past": _page(request, selectors.meetings_past(municipality)),
        "bodies": selectors.bodies_of(municipality),
    }
    return render(request, "council/public/calendar.html", context)


@require_safe
def body_calendar(request, body_id):
    body = selectors.body_get(municipality=request.municipality, pk=body_id)
    context = {
        "body": body,
        "rules": selectors.settings_for(body),
        "coming": selectors.meetings_coming(request.municipality, body)[:100],
        "past": _page(request, selectors.meetings_past(request.municipality, body)),
        "next_open": selectors.next_open_meeting(body),
    }
    return render(request, "council/public/body.html", context)


def meeting_event(request, meeting):
    description = _("Public question time") if meeting.has_question_time else ""
    if meeting.is_cancelled:
        description = _("Cancelled: %(reason)s") % {"reason": meeting.cancellation_reason}
    return CalendarEvent(
        uid=f"council-meeting-{meeting.pk}@{meeting.municipality.slug}.delaktig",  # stable whatever the site's address
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        title=_("%(body)s with question time") % {"body": meeting.body.name}
        if meeting.has_question_time
        else meeting.body.name,
        description=description,
        location=meeting.place,
        url=request.build_absolute_uri(meeting.get_absolute_url()),
        cancelled=meeting.is_cancelled,
        sequence=meeting.sequence,
    )


@require_safe
def body_ics(request, body_id):
    body = selectors.body_get(municipality=request.municipality, pk=body_id)
    events = [meeting_event(request, meeting) for meeting in selectors.meetings_for_calendar(body)]
    return calendar_response(events, filename=f"sammantraden-{body.pk}.ics", name=body.name)


@require_safe
def meeting(request, pk):
    found = selectors.meeting_get(municipality=request.municipality, pk=pk)
    rules = selectors.settings_for(found.body)
    context = {
        "meeting": found,
        "rules": rules,
        "questions": selectors.public_questions(found),
        "is_open": selectors.open_for_questions(found, rules),
        "is_full": selectors.is_full(found, rules),
        "last_day": selectors.last_day_for_questions(found, rules),
        "next_open": selectors.next_open_meeting(found.body),
    }
    return render(request, "council/public/meeting.html", context)


@require_safe
def meeting_appendix(request, pk):
    found = selectors.meeting_get(municipality=request.municipality, pk=pk)
    if not found.has_question_time or found.is_cancelled:
        raise Http404("No question time at this meeting")
    return appendix_pdf_response(found, selectors.public_questions(found))


def _posted_meeting(request, body):
    """The meeting the form names (posted, or ?mote= in the link), if it is one of the body's; else None."""
    raw = request.POST.get("meeting") if request.method == "POST" else request.GET.get("mote")
    try:
        return Meeting.objects.filter(body=body, pk=int(raw)).first() if raw else None
    except (TypeError, ValueError, OverflowError):
        return None


def _choices(meetings):
    ids = [meeting.pk for meeting in meetings if meeting is not None]
    return Meeting.objects.filter(pk__in=ids).select_related("body").order_by("starts_at", "id")


@require_http_methods(["GET", "POST"])
def ask(request, body_id):
    """Ask a question. After the deadline of the meeting chosen, the next meeting with question time is offered."""
    body = selectors.body_get(municipality=request.municipality, pk=body_id)
    rules = selectors.settings_for(body)
    level = max(rules.identity_level, IdentityLevel.EMAIL)
    need = identity.need_for(request, level=level, action=identity.Action.QUESTION)
    if need is not None:
        context = {"body": body, "needed_label": IdentityLevel(level).label, "need": need}
        return render(request, "council/public/login_needed.html", context)
    open_meetings = selectors.open_meetings(body)
    requested = _posted_meeting(request, body)
    if request.method == "GET":
        if not open_meetings:
            return render(request, "council/public/ask_closed.html", {"body": body, "rules": rules})
        chosen = requested if requested in open_meetings else open_meetings[0]
        initial = {"meeting": chosen, "asker_name": request.user.name, "submission_key": uuid.uuid4().hex}
        form = QuestionForm(initial=initial, body=body, meetings=_choices(open_meetings), rules=rules)
        closed = requested if requested is not None and requested not in open_meetings else None
        return _render_ask(request, body, rules, form, closed=closed)
    sent_before = _sent_before(request)
    if sent_before is not None:  # the same form again (Back, then Send): the first question's receipt
        return redirect("council:receipt", request.municipality.slug, sent_before.pk)
    form = QuestionForm(request.POST, body=body, meetings=_choices([*open_meetings, requested]), rules=rules)
    if not form.is_valid() or "change" in request.POST:
        return _render_ask(request, body, rules, form)
    data = form.cleaned_data
    refusal = selectors.question_refusal(data["meeting"], rules, request.user, data["addressee"])
    if refusal is not None:
        refused = services.QuestionRefused(*refusal)
        return _render_ask(request, body, rules, _refused_form(request, body, rules, refused, data["meeting"]))
    if "confirm" not in request.POST:
        return render(request, "council/public/ask_check.html", {"body": body, "rules": rules, "form": form})
    try:
        question = services.question_submit(
            meeting=data["meeting"],
            asker=request.user,
            asker_name=data["asker_name"],
            topic=data["topic"],
            text=data["text"],
            addressee=data["addressee"],
            submission_key=data.get("submission_key") or "",
        )
    except services.QuestionRefused as refused:
        return _render_ask(request, body, rules, _refused_form(request, body, rules, refused, data["meeting"]))
    return redirect("council:receipt", request.municipality.slug, question.pk)


def _sent_before(request):
    key = request.POST.get("submission_key", "")[:64]
    if not key or "confirm" not in request.POST:
        return None
    return selectors.question_sent_with(request.user, request.municipality, key)


def _refused_form(request, body, rules, refused, meeting):
    """The form again with what was typed and the reason; the next meeting that takes questions is chosen."""
    data = request.POST.copy()
    later = [other for other in selectors.open_meetings(body) if other.pk != meeting.pk]
    message = refused.message
    if later and refused.field == "meeting":
        data["meeting"] = str(later[0].pk)
        message += " " + _("We have chosen the next meeting with question time, %(date)s. Send the question again.") % {
            "date": human_date(later[0].local_date())
        }
    elif refused.field == "meeting":
        message += " " + _("No later meeting takes questions yet. Look in the calendar again later.")
    form = QuestionForm(data, body=body, meetings=_choices([meeting, *later]), rules=rules)
    form.is_valid()
    form.add_error(refused.field if refused.field in form.fields else None, message)
    return form


def _render_ask(request, body, rules, form, closed=None):
    full = closed is not None and selectors.open_for_questions(closed, rules) and selectors.is_full(closed, rules)
    context = {"body": body, "rules": rules, "form": form, "closed": closed, "closed_because_full": full}
    return render(request, "council/public/ask.html", context)


def _own_question(request, pk):
    question = selectors.question_get(municipality=request.municipality, pk=pk)
    if not request.user.is_authenticated or question.asker_id != request.user.pk:
        raise Http404("Not your question")
    return question


@require_safe
def receipt(request, pk):
    question = _own_question(request, pk)
    context = {"question": question, "rules": selectors.settings_for(question.meeting.body)}
    return render(request, "council/public/receipt.html", context)


@require_http_methods(["GET", "POST"])
def withdraw(request, pk):
    """The asker withdraws a question not yet answered: a page that asks, then a message on My pages."""
    question = _own_question(request, pk)
    refusals = workflow.refusals(request.user, question, "withdraw")
    if request.method == "POST" and not refusals:
        services.question_withdraw(question=question, actor=request.user)
        messages.success(request, _("Your question %(number)s is withdrawn.") % {"number": question.number})
        return redirect("accounts:my_pages", request.municipality.slug)
    status = 409 if refusals and request.method == "POST" else 200
    return render(request, "council/public/withdraw.html", {"question": question, "refusals": refusals}, status=status)


@require_safe
def agenda(request, pk):
    found = selectors.meeting_get(municipality=request.municipality, pk=pk)
    if not found.agenda_file:
        raise Http404("No agenda file")
    try:
        stored = found.agenda_file.open("rb")
    except (FileNotFoundError, OSError) as missing:
        raise Http404("Agenda file missing") from missing
    filename = f"dagordning-{found.local_date().isoformat()}.pdf"
    return FileResponse(stored, content_type="application/pdf", filename=filename)


@require_safe
def archive(request):
    bodies = selectors.bodies_of(request.municipality)
    meetings = selectors.archive_meetings(request.municipality)
    form = ArchiveForm(request.GET or None, bodies=bodies, meetings=meetings)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    meeting = filters.get("meeting")
    questions = selectors.archive(
        request.municipality,
        query=filters.get("q") or "",
        body=filters.get("body"),
        meeting=meeting,
        topic=filters.get("topic") or "",
    )
    context = {
        "form": form if filters or not form.is_bound else ArchiveForm(bodies=bodies, meetings=meetings),
        "page": _page(request, questions),
        "is_filtered": any(filters.get(name) for name in ("q", "body", "topic", "meeting")),
        "meeting": meeting,
        "answered": Status.ANSWERED,
    }
    return render(request, "council/public/archive.html", context)
