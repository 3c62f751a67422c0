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

from . import layout, selectors, services
from .forms import GenerateForm, LetterheadForm
from .models import Status

WRITE_ROLES = (Role.OFFICER, Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR)
# Elected officials and presidium members read every version (the board reads what it will decide on).
READ_ROLES = (*WRITE_ROLES, Role.REGISTRAR, Role.ELECTED_OFFICIAL, Role.PRESIDIUM)
LETTERHEAD_ROLES = (Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER)
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
        "may_edit_template": request.user.has_role(request.municipality, *LETTERHEAD_ROLES),
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
    initial = _initial(dialogue, request.user)
    form = GenerateForm(data, files, dialogue=dialogue, needs_number=needs_number, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            basis = services.decision_basis_request(dialogue=dialogue, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Version %(version)s is being generated.") % {"version": basis.version})
            return redirect("decisionbasis:detail", request.municipality.slug, dialogue.pk, basis.version)
    context = {
        "dialogue": dialogue,
        "form": form,
        "needs_number": needs_number,
        "next_version": selectors.next_version(dialogue),
        "children_among_target_groups": form.children_among_target_groups,
    }
    status = 400 if form.errors else 200
    return render(request, "decisionbasis/staff/generate.html", context, status=status)


def _initial(dialogue, user):
    """The texts of the previous version, so a new version starts from the last one; the first starts from the
    dialogue (its background, the body that decides) and the person writing as the signer."""
    signers = selectors.signers_for(dialogue.municipality)
    start = {
        "background": dialogue.background,
        "addressee": selectors.default_addressee(dialogue),
        "signer": signers.filter(user=user).first(),
    }
    latest = selectors.latest_for(dialogue)
    if latest is None:
        return start
    previous_signer = signers.filter(user_id=latest.signer_id, title=latest.signer_title).first()
    addressee = dialogue.municipality.bodies.filter(name=latest.addressee).first()
    return {
        **start,
        "addressee": addressee or start["addressee"],
        "signer": previous_signer or start["signer"],
        "background": latest.background or dialogue.background,
        "proposed_decision": latest.proposed_decision,
        "assessment": latest.assessment,
        "children_affected": latest.children_affected,
        "child_rights_text": latest.child_rights_text,
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
        "may_send": may_send(request.user, basis),
    }
    return render(request, "decisionbasis/staff/detail.html", context)


def may_send(user, basis):
    return basis.is_done and not basis.is_sent and user.has_role(basis.dialogue.municipality, *WRITE_ROLES)


@require_http_methods(["GET", "POST"])
@staff_view(*WRITE_ROLES, find=find_dialogue)
def basis_send(request, dialogue_id, version):
    """Send a finished version to the board, after a page that says what that means."""
    dialogue = dialogue_get(municipality=request.municipality, pk=dialogue_id)
    basis = selectors.version_get(dialogue=dialogue, version=version)
    error = None
    if not may_send(request.user, basis):
        error = (
            _("This version has already been sent to the board.")
            if basis.is_sent
            else _("Only a finished version can be sent to the board.")
        )
    elif request.method == "POST":
        try:
            services.decision_basis_send(basis=basis, actor=request.user)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(
                request,
                _("Version %(version)s has been sent to %(to)s. It is now public on the dialogue's page.")
                % {"version": basis.version, "to": basis.addressee or _("the board")},
            )
            return redirect("decisionbasis:detail", request.municipality.slug, dialogue.pk, basis.version)
    context = {"dialogue": dialogue, "basis": basis, "error": error}
    return render(request, "decisionbasis/staff/send.html", context, status=409 if error else 200)


@require_GET
@staff_view(*READ_ROLES, find=find_dialogue)
def basis_download(request, dialogue_id, version, kind):
    dialogue = dialogue_get(municipality=request.municipality, pk=dialogue_id)
    basis = selectors.version_get(dialogue=dialogue, version=version)
    if kind == "consultation":
        stored, name, content_type = basis.consultation_file, basis.consultation_file_name(), "pdf"
    else:
        stored, name, content_type = getattr(basis, kind), basis.file_name(kind), kind
    return _file(stored, name, content_type)


@require_GET
@staff_view(*READ_ROLES, find=find_dialogue)
def attachment_download(request, dialogue_id, version, attachment_id):
    dialogue = dialogue_get(municipality=request.municipality, pk=dialogue_id)
    basis = selectors.version_get(dialogue=dialogue, version=version)
    return _attachment(basis, attachment_id)


def _attachment(basis, attachment_id):
    attachment = selectors.attachment_get(basis=basis, pk=attachment_id)
    return _file(attachment.file, attachment.name, attachment.content_type)


def _file(stored, name, content_type):
    if not stored:
        raise Http404("Not generated")
    try:
        handle = stored.open("rb")
    except OSError as missing:
        raise Http404("File missing") from missing
    response = FileResponse(handle, as_attachment=True, filename=name)
    response["Content-Type"] = CONTENT_TYPES.get(content_type, content_type)
    return response


@require_GET
def public_download(request, dialogue_id, version, kind):
    """A version sent to the board, for anyone: a public document. Any other version is a 404."""
    dialogue = dialogue_get(municipality=request.municipality, pk=dialogue_id, public=True)
    basis = selectors.public_version_get(dialogue=dialogue, version=version)
    return _file(getattr(basis, kind), basis.file_name(kind), kind)


@require_http_methods(["GET", "POST"])
@staff_view(*LETTERHEAD_ROLES)
def letterhead(request):
    """The municipality's logo on its decision basis; the texts and order are on the handbook's template page."""
    municipality = request.municipality
    form = LetterheadForm()
    if request.method == "POST" and "remove" in request.POST:
        services.letterhead_logo_remove(municipality=municipality, actor=request.user)
        messages.success(request, _("The logo has been removed."))
        return redirect("decisionbasis:letterhead", municipality.slug)
    if request.method == "POST":
        form = LetterheadForm(request.POST, request.FILES)
        if form.is_valid():
            services.letterhead_logo_save(municipality=municipality, actor=request.user, logo=form.cleaned_data["logo"])
            messages.success(request, _("The logo has been saved. It is used in the next version you generate."))
            return redirect("decisionbasis:letterhead", municipality.slug)
    context = {
        "form": form,
        "current": selectors.letterhead_for(municipality),
        "template_page": layout.template_page(municipality),
        "template_slug": layout.TEMPLATE_SLUG,
    }
    return render(request, "decisionbasis/staff/letterhead.html", context, status=400 if form.errors else 200)


@require_GET
@staff_view(*LETTERHEAD_ROLES)
def letterhead_logo(request):
    """The current logo, shown on the settings page."""
    found = selectors.letterhead_for(request.municipality)
    if found is None or not found.logo:
        raise Http404("No logo")
    try:
        handle = found.logo.open("rb")
    except OSError as missing:
        raise Http404("File missing") from missing
    content_type = "image/png" if found.logo.name.lower().endswith(".png") else "image/jpeg"
    return FileResponse(handle, content_type=content_type)


@require_GET
def public_attachment_download(request, dialogue_id, version, attachment_id):
    """An attachment of a version sent to the board: public with it."""
    dialogue = dialogue_get(municipality=request.municipality, pk=dialogue_id, public=True)
    basis = selectors.public_version_get(dialogue=dialogue, version=version)
    return _attachment(basis, attachment_id)
