"""Staff pages of the archive export: what the package holds and the button, the progress, the download."""

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
from .models import Status

ROLES = (Role.REGISTRAR, Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR)
REFRESH_SECONDS = 2


@require_http_methods(["GET", "POST"])
@staff_view(*ROLES, find=find_dialogue)
def export_start(request, dialogue_id):
    """GET: what the package holds, earlier exports and the button. POST: start a new export."""
    dialogue = dialogue_get(municipality=request.municipality, pk=dialogue_id)
    refusal = ""
    if request.method == "POST":
        try:
            export = services.archive_export_request(dialogue=dialogue, actor=request.user)
        except ValidationError as error:
            refusal = " ".join(error.messages)
        else:
            messages.success(request, _("The archive package is being built."))
            return redirect("archive:detail", request.municipality.slug, dialogue.pk, export.pk)
    elif not selectors.may_archive(dialogue):
        refusal = services.not_closed_message(dialogue)
    context = {
        "dialogue": dialogue,
        "exports": selectors.exports_for(dialogue),
        "may_archive": selectors.may_archive(dialogue),
        "refusal": refusal,
    }
    return render(request, "archive/start.html", context, status=409 if refusal and request.method == "POST" else 200)


@require_GET
@staff_view(*ROLES, find=find_dialogue)
def export_detail(request, dialogue_id, export_id):
    dialogue = dialogue_get(municipality=request.municipality, pk=dialogue_id)
    export = selectors.export_get(dialogue=dialogue, export_id=export_id)
    context = {
        "dialogue": dialogue,
        "export": export,
        "refresh_seconds": REFRESH_SECONDS,
        "failed": export.status == Status.FAILED,
        "may_archive": selectors.may_archive(dialogue),
    }
    return render(request, "archive/detail.html", context)


@require_GET
@staff_view(*ROLES, find=find_dialogue)
def export_download(request, dialogue_id, export_id):
    dialogue = dialogue_get(municipality=request.municipality, pk=dialogue_id)
    export = selectors.export_get(dialogue=dialogue, export_id=export_id)
    if not export.is_done or not export.package:
        raise Http404("Not built")
    try:
        stored = export.package.open("rb")
    except OSError as error:  # the file is gone from storage: a missing download, not a server error
        raise Http404("Package file missing") from error
    response = FileResponse(stored, as_attachment=True, filename=export.file_name())
    response["Content-Type"] = "application/zip"
    return response
