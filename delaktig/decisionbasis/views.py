"""Staff pages of the decision basis: the versions, a form for a new one, its progress, and the downloads."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.dialogues.selectors import dialogue_get
from delaktig.dialogues.views.staff.common import find_dialogue
from delaktig.organisations.models import Role
from delaktig.organisations.permissions import staff_view

from . import selectors, services
from .forms import GenerateForm
from .models import Status

READ_ROLES = (Role.OFFICER, Role.DEMOCRACY_OFFICER, Role.REGISTRAR, Role.ADMINISTRATOR)
WRITE_ROLES = (Role.OFFICER, Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR)
# From the close of the dialogue onwards there are results to base a decision on.
STATES = frozenset({"closed", "results_compiled", "matter_decided", "feedback_published", "evaluated"})
REFRESH_SECONDS = 2
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def may_generate(user, dialogue):
    return dialogue.state in STATES and user.has_role(dialogue.municipality, *WRITE_ROLES)


@require_GET
@staff_view(*READ_ROLES, find=find_dialogue)
def basis_list(request, dialogue_id):
    dialogue = dialogue_get(municipality=request.municipality, pk=dialogue_id)
    context = {
        "dialogue": dialogue,
        "versions": selectors.versions_for(dialogue),
        "may_generate": may_generate(request.user, dialogue),
        "is_available": dialogue.state in STATES,
    }
    return render(request, "decisionbasis/staff/list.html", context)


@require_http_methods(["GET", "POST"])
@staff_view(*WRITE_ROLES, find=find_dialogue)
def basis_generate(request, dialogue_id):
    dialogue = dialogue_get(municipality=request.municipality, pk=dialogue_id)
    if dialogue.state not in STATES:
        return _not_available(request, dialogue)
    needs_number = not selectors.registration_number_for(dialogue)
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = GenerateForm(data, files, needs_number=needs_number, initial=_initial(dialogue))
    if request.method == "POST" and form.is_valid():
        try:
            basis = services.decision_basis_request(dialogue=dialogue, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Version %(version)s is being generated.") % {"version": basis.version})
            return redirect("decisionbasis:detail", request.municipality.slug, dialogue.pk, basis.version)
    context = {"dialogue": dialogue, "form": form, "needs_number": needs_number, "next_version": None}
    context["next_version"] = selectors.next_version(dialogue)
    status = 400 if form.errors else 200
    return render(request, "decisionbasis/staff/generate.html", context, status=status)


def _initial(dialogue):
    """The texts of the previous version, so a new version starts from the last one."""
    latest = selectors.latest_for(dialogue)
    if latest is None:
        return {}
    return {
        "assessment": latest.assessment,
        "consultation_text": latest.consultation_text,
        "representativeness_text": latest.representativeness_text,
        "registration_number": latest.registration_number,
    }


def _add_errors(form, error):
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)


def _not_available(request, dialogue):
    message = _("A decision basis can be generated when the dialogue has closed. It is “%(state)s” now.") % {
        "state": dialogue.get_state_display()
    }
    context = {"dialogue": dialogue, "title": _("Generate a new version"), "message": message}
    return render(request, "decisionbasis/staff/not_available.html", context, status=409)


@require_GET
@staff_view(*READ_ROLES, find=find_dialogue)
def basis_detail(request, dialogue_id, version):
    dialogue = dialogue_get(municipality=request.municipality, pk=dialogue_id)
    basis = selectors.version_get(dialogue=dialogue, version=version)
    context = {
        "dialogue": dialogue,
        "basis": basis,
        "refresh_seconds": REFRESH_SECONDS,
        "failed": basis.status == Status.FAILED,
        "may_generate": may_generate(request.user, dialogue),
    }
    return render(request, "decisionbasis/staff/detail.html", context)


@require_GET
@staff_view(*READ_ROLES, find=find_dialogue)
def basis_download(request, dialogue_id, version, kind):
    dialogue = dialogue_get(municipality=request.municipality, pk=dialogue_id)
    basis = selectors.version_get(dialogue=dialogue, version=version)
    if kind == "consultation":
        stored, name, content_type = basis.consultation_file, basis.consultation_file_name(), "pdf"
    else:
        stored, name, content_type = getattr(basis, kind), basis.file_name(kind), kind
    if not stored:
        raise Http404("Not generated")
    response = FileResponse(stored.open("rb"), as_attachment=True, filename=name)
    response["Content-Type"] = CONTENT_TYPES[content_type]
    return response
