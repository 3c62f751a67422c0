"""The staff workspace of a dialogue-meetings module: the meetings, each one's attendance list and sign-in sheet,
and changing, moving or cancelling a meeting (which tells everyone registered)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.core.exports import SWEDISH_EXCEL, csv_response
from delaktig.core.workflow import TransitionRefused
from delaktig.organisations.permissions import staff_view
from delaktig.participation.models import Channel
from delaktig.participation.rules import allowed

from .. import selectors, services, services_meetings
from ..forms import CancelForm, MeetingForm, MoveForm, RegistrationCancelForm
from ..models import REFERENCE_PREFIX, Registration, RegistrationStatus
from ..signin import signin_pdf
from .common import guard, meeting_or_404, module_context, module_get, url

ACTIONS = ("manage", "record")


def _posted(request):
    return request.POST if request.method == "POST" else None


def _can(request, module):
    return {action: bool(allowed(request.user, action, module)) for action in ACTIONS}


@require_GET
@staff_view()
def index(request, dialogue_id, module_id):
    module = module_get(request, dialogue_id, module_id)
    coming, past = selectors.meetings_split(module)
    context = module_context(
        module,
        coming=coming,
        past=past,
        stats=selectors.stats(module),
        can=_can(request, module),
        phase=module.active_phase(),
    )
    return render(request, "dialogue_meetings/staff/index.html", context)


@require_http_methods(["GET", "POST"])
@staff_view()
def meeting_add(request, dialogue_id, module_id):
    module, refusal = guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    form = MeetingForm(_posted(request), closes=selectors.dialogue_closes(module))
    if request.method == "POST" and form.is_valid():
        meeting = services_meetings.meeting_create(module=module, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The meeting “%(title)s” is added.") % {"title": meeting.title})
        return redirect(url("staff:meeting", module, meeting.pk))
    return render(request, "dialogue_meetings/staff/meeting_form.html", module_context(module, form=form))


@require_GET
@staff_view()
def meeting(request, dialogue_id, module_id, meeting_id):
    """The meeting with its attendance list: names, addresses and needs, for those who run meetings."""
    module, refusal = guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    item = meeting_or_404(module, meeting_id)
    groups = selectors.attendance(item)
    context = module_context(
        module,
        meeting=item,
        groups=groups,
        needs=selectors.needs_counted(groups[RegistrationStatus.REGISTERED]),
        places_left=selectors.places_left(item),
        mailings=selectors.meeting_mailings(item),
        can=_can(request, module),
    )
    return render(request, "dialogue_meetings/staff/meeting.html", context)


@require_http_methods(["GET", "POST"])
@staff_view()
def meeting_edit(request, dialogue_id, module_id, meeting_id):
    module, refusal = guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    item = meeting_or_404(module, meeting_id)
    initial = {name: getattr(item, name) for name in services_meetings.MEETING_FIELDS}
    form = MeetingForm(_posted(request), initial=initial, meeting=item)
    if request.method == "POST" and form.is_valid():
        services_meetings.meeting_update(meeting=item, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The meeting is saved."))
        return redirect(url("staff:meeting", module, item.pk))
    return render(request, "dialogue_meetings/staff/meeting_form.html", module_context(module, form=form, meeting=item))


def _mailing_message(request, mailing, done):
    if mailing is None:
        messages.success(request, done)
        return
    messages.success(
        request,
        _("%(done)s An e-mail goes to %(n)s people; follow it under “E-mail about the meeting”.")
        % {"done": done, "n": mailing.total},
    )


@require_http_methods(["GET", "POST"])
@staff_view()
def meeting_move(request, dialogue_id, module_id, meeting_id):
    module, refusal = guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    item = meeting_or_404(module, meeting_id)
    if item.is_cancelled or item.is_over():
        return _not_now(request, module, item, _("A cancelled meeting, or one that has taken place, cannot be moved."))
    initial = {
        "starts_at": item.starts_at,
        "ends_at": item.ends_at,
        "registration_deadline": item.registration_deadline,
    }
    form = MoveForm(_posted(request), initial=initial, closes=selectors.dialogue_closes(module))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        mailing = services_meetings.meeting_move(
            meeting=item,
            actor=request.user,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            reason=data["reason"],
            deadline=data["registration_deadline"],
        )
        _mailing_message(request, mailing, _("The meeting is moved."))
        return redirect(url("staff:meeting", module, item.pk))
    return render(request, "dialogue_meetings/staff/move.html", module_context(module, form=form, meeting=item))


def _not_now(request, module, meeting, reason):
    context = {"reason": reason, "back_url": url("staff:meeting", module, meeting.pk)}
    return render(request, "dialogue_meetings/forbidden.html", context, status=409)


@require_http_methods(["GET", "POST"])
@staff_view()
def meeting_cancel(request, dialogue_id, module_id, meeting_id):
    module, refusal = guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    item = meeting_or_404(module, meeting_id)
    context = module_context(module, meeting=item, registered=selectors.recipients_count(item))
    if item.is_cancelled or item.has_begun():  # say why, and show no form
        return render(request, "dialogue_meetings/staff/cancel.html", context)
    form = CancelForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            mailing = services_meetings.meeting_cancel(
                meeting=item, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except TransitionRefused as refused:
            for reason in refused.reasons:
                form.add_error(None, reason)
        else:
            _mailing_message(request, mailing, _("The meeting is cancelled."))
            return redirect(url("staff:meeting", module, item.pk))
    return render(request, "dialogue_meetings/staff/cancel.html", {**context, "form": form})


@require_http_methods(["GET", "POST"])
@staff_view()
def registration_cancel(request, dialogue_id, module_id, meeting_id, registration_id):
    """Cancel one registration from the attendance list: a page that asks first, with an optional reason for the
    person's e-mail (which says the municipality cancelled it)."""
    module, refusal = guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    item = meeting_or_404(module, meeting_id)
    registration = get_object_or_404(Registration, meeting=item, pk=registration_id)
    back = url("staff:meeting", module, item.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        messages.info(request, _("The registration was already cancelled."))
        return redirect(back)
    if item.has_begun():
        messages.info(request, _("The meeting has already begun or taken place, so registrations cannot be cancelled."))
        return redirect(back)
    form = RegistrationCancelForm(_posted(request))
    if request.method == "GET" or not form.is_valid():
        context = module_context(module, meeting=item, registration=registration, form=form, back_url=back)
        return render(request, "dialogue_meetings/staff/registration_cancel.html", context)
    try:
        promoted = services.registration_cancel(
            registration=registration, actor=request.user, reason=form.cleaned_data["reason"]
        )
    except services.AlreadyCancelled:
        messages.info(request, _("The registration was already cancelled."))
    else:
        done = _("Registration %(reference)s is cancelled, and %(name)s is told by e-mail.") % {
            "reference": registration.reference,
            "name": registration.name,
        }
        if promoted:
            done += " " + _("The place went to %(name)s on the waiting list.") % {"name": promoted[0].name}
        messages.success(request, done)
    return redirect(back)


@require_GET
@staff_view()
def signin_sheet(request, dialogue_id, module_id, meeting_id):
    module, refusal = guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    item = meeting_or_404(module, meeting_id)
    registered = selectors.attendance(item)[RegistrationStatus.REGISTERED]
    response = HttpResponse(signin_pdf(item, registered), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="narvarolista-{item.pk}.pdf"'
    return response


# gettext_lazy by its own name: makemessages finds no other (an alias such as `_lazy` left headers in English)
ATTENDANCE_HEADERS = (
    gettext_lazy("Booking number"),
    gettext_lazy("Name"),
    gettext_lazy("E-mail address"),
    gettext_lazy("Status"),
    gettext_lazy("Interpretation"),
    gettext_lazy("Food and allergies"),
    gettext_lazy("Other help"),
    gettext_lazy("Registered on"),
)


@require_GET
@staff_view()
def attendance_csv(request, dialogue_id, module_id, meeting_id):
    module, refusal = guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    item = meeting_or_404(module, meeting_id)
    rows = [
        [
            r.reference,
            r.name,
            r.email,
            r.get_status_display(),
            r.interpretation,
            r.diet,
            r.assistance,
            r.created_at.date(),
        ]
        for group in selectors.attendance(item).values()
        for r in group
    ]
    return csv_response(
        f"anmalda-{item.pk}.csv", [[str(h) for h in ATTENDANCE_HEADERS], *rows], delimiter=SWEDISH_EXCEL
    )


EXPORT_HEADERS = {
    "id": gettext_lazy("Reference"),
    "meeting": gettext_lazy("Meeting"),
    "meeting_date": gettext_lazy("Date of the meeting"),
    "group": gettext_lazy("Table or group"),
    "title": gettext_lazy("Title"),
    "text": gettext_lazy("What was said"),
    "channel": gettext_lazy("Channel"),
    "received_on": gettext_lazy("Date received"),
    "created": gettext_lazy("Entered on"),
}


@require_GET
@staff_view()
def export_csv(request, dialogue_id, module_id):
    module, refusal = guard(request, dialogue_id, module_id, "record")
    if refusal:
        return refusal
    rows = selectors.export_rows(module)
    header = [str(EXPORT_HEADERS[column]) for column in selectors.EXPORT_COLUMNS]
    table = [[_in_words(column, row[column]) for column in selectors.EXPORT_COLUMNS] for row in rows]
    return csv_response(f"dialogmoten-{module.pk}.csv", [header, *table], delimiter=SWEDISH_EXCEL)


def _in_words(column, value):
    if column == "id":
        return f"{REFERENCE_PREFIX}-{value}"
    if column == "channel" and value in Channel.values:
        return Channel(value).label
    return value
