"""After the meeting: staff record a summary, how many came and what was said. A statement is saved through the same
function the desk uses (desk.desk_save), and can be undone for a few minutes by the person who entered it."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from delaktig.organisations.permissions import staff_view
from delaktig.participation.selectors_desk import undo_minutes

from .. import selectors, services_meetings
from ..desk import desk_save, desk_undo, may_undo, occasion_of
from ..forms import RecordForm, StatementForm
from ..models import Statement
from .common import guard, meeting_or_404, module_context, url

SESSION_KEPT = "dialogue_meetings:kept:{}"  # the table or group and the channel last entered for a meeting
KEPT = ("group", "channel")  # kept for the next statement, so a pile of paper notes stays "written on paper"


def _context(request, module, meeting, *, record_form=None, statement_form=None):
    kept = request.session.get(SESSION_KEPT.format(meeting.pk), {})
    statements = selectors.statements_of(meeting)
    now = timezone.now()
    for statement in statements:
        statement.undoable = may_undo(statement, request.user, now)
    return module_context(
        module,
        meeting=meeting,
        record_form=record_form or RecordForm(initial=RecordForm.initial_for(meeting)),
        statement_form=statement_form or StatementForm(initial={name: kept[name] for name in KEPT if name in kept}),
        statements=statements,
        undo_minutes=undo_minutes(),
        has_started=meeting.has_started(),
    )


@require_http_methods(["GET", "POST"])
@staff_view()
def record(request, dialogue_id, module_id, meeting_id):
    """The summary and the people present (POST here); statements are posted to `statement_add`."""
    module, refusal = guard(request, dialogue_id, module_id, "record")
    if refusal:
        return refusal
    meeting = meeting_or_404(module, meeting_id)
    if request.method == "GET":
        return render(request, "dialogue_meetings/staff/record.html", _context(request, module, meeting))
    form = RecordForm(request.POST)
    if not meeting.has_started():
        form.add_error(None, _("The meeting has not taken place yet. Record what happened afterwards."))
    if not form.is_valid():
        context = _context(request, module, meeting, record_form=form)
        return render(request, "dialogue_meetings/staff/record.html", context)
    services_meetings.meeting_record(
        meeting=meeting,
        actor=request.user,
        summary=form.cleaned_data["summary"],
        present_count=form.cleaned_data["present_count"],
        present_by_age=form.by_age(),
        present_by_gender=form.by_gender(),
    )
    messages.success(request, _("The summary and the number of people present are saved and published."))
    return redirect(url("staff:record", module, meeting.pk))


@require_POST
@staff_view()
def statement_add(request, dialogue_id, module_id, meeting_id):
    module, refusal = guard(request, dialogue_id, module_id, "record")
    if refusal:
        return refusal
    meeting = meeting_or_404(module, meeting_id)
    form = StatementForm(request.POST)
    if not meeting.has_started():
        form.add_error(None, _("The meeting has not taken place yet. Record what was said afterwards."))
    if not form.is_valid():
        context = _context(request, module, meeting, statement_form=form)
        return render(request, "dialogue_meetings/staff/record.html", context)
    data = form.cleaned_data
    item = desk_save(
        module,
        data,
        actor=request.user,
        channel=data["channel"],
        received_on=timezone.localdate(meeting.starts_at),
        occasion=occasion_of(meeting),
        group=data["group"],
    )
    request.session[SESSION_KEPT.format(meeting.pk)] = {name: data[name] for name in KEPT}
    messages.success(request, _("Saved as %(reference)s. Write the next one.") % {"reference": item.reference})
    return redirect(url("staff:record", module, meeting.pk) + "#id_text")


@require_http_methods(["GET", "POST"])
@staff_view()
def statement(request, dialogue_id, module_id, meeting_id, statement_id):
    """One statement: what was said, who entered it and when; the person who entered it may undo it (POST)
    for a few minutes."""
    module, refusal = guard(request, dialogue_id, module_id, "record")
    if refusal:
        return refusal
    meeting = meeting_or_404(module, meeting_id)
    item = get_object_or_404(
        Statement.objects.select_related("entered_by"), module=module, meeting=meeting, pk=statement_id
    )
    if request.method == "GET":
        context = module_context(
            module, meeting=meeting, statement=item, undoable=may_undo(item, request.user), undo_minutes=undo_minutes()
        )
        return render(request, "dialogue_meetings/staff/statement.html", context)
    if desk_undo(module, item.pk, actor=request.user):
        messages.success(request, _("Undone: %(reference)s is removed.") % {"reference": item.reference})
        return redirect(url("staff:record", module, meeting.pk))
    messages.error(
        request,
        _("Only the person who entered it can undo it, within %(minutes)s minutes.") % {"minutes": undo_minutes()},
    )
    return redirect(url("staff:statement", module, meeting.pk, item.pk))
