"""Public pages: the meetings of a module, one meeting (with what was said once it is held) and its calendar file."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from delaktig.core.calendars import calendar_response

from .. import selectors
from ..calendar import ics_filename, meeting_event, meeting_location
from ..services import registration_refusal
from .common import meeting_or_404, module_context, public_module_get
from .register import registration_decision


@require_GET
def index(request, dialogue_id, module_id):
    module = public_module_get(request, dialogue_id, module_id)
    coming, past = selectors.meetings_split(module)
    context = module_context(module, coming=coming, past=past, phase=module.active_phase())
    return render(request, "dialogue_meetings/index.html", context)


@require_GET
def meeting(request, dialogue_id, module_id, meeting_id):
    module = public_module_get(request, dialogue_id, module_id)
    item = meeting_or_404(module, meeting_id)
    context = module_context(
        module,
        meeting=item,
        location=meeting_location(item),
        places_left=selectors.places_left(item),
        closed_reason=registration_refusal(item),
        decision=registration_decision(request.user, module),
        own=selectors.own_registration(item, request.user),
        statements=selectors.statements_of(item) if item.is_over() else [],
        breakdown=selectors.present_breakdown(item),
    )
    return render(request, "dialogue_meetings/meeting.html", context)


@require_GET
def calendar(request, dialogue_id, module_id, meeting_id) -> HttpResponse:
    module = public_module_get(request, dialogue_id, module_id)
    item = meeting_or_404(module, meeting_id)
    return calendar_response([meeting_event(item)], filename=ics_filename(item), name=item.title)
