"""Helpers shared by the proposals staff views: who may do what, CSV downloads, the "not now" page."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from delaktig.core import exports
from delaktig.organisations.models import Role

from ... import workflow
from ...models import Proposal

MODERATION_ROLES = tuple(sorted(workflow.MODERATORS))
HANDLER_ROLES = tuple(sorted(workflow.HANDLERS))
RECORDS_ROLES = (Role.REGISTRAR, Role.DEMOCRACY_OFFICER)
ADMIN_ROLES = (Role.ADMINISTRATOR,)


def find_proposal(request, pk, *args, **kwargs):
    """For staff_view: this municipality's proposal, else 404 (before a missing role is refused)."""
    return get_object_or_404(Proposal, municipality=request.municipality, pk=pk)


def role_names(actors):
    """Who may take a step, in words: staff roles, the proposer, or the system on its own."""
    labels = {
        **dict(Role.choices),
        workflow.PROPOSER: _("the proposer"),
        workflow.SYSTEM: _("nobody: it happens by itself"),
    }
    return ", ".join(str(labels[actor]) for actor in sorted(actors) if actor in labels)


def post_data(request):
    return request.POST if request.method == "POST" else None


def csv_response(filename, header, rows):
    """A download for Swedish Excel and the records system (core.exports: UTF-8 with BOM, semicolons)."""
    return exports.csv_response(filename, [header, *rows], delimiter=exports.SWEDISH_EXCEL)


def not_available(request, proposal, title):
    message = _("This is not possible when the proposal is “%(status)s”.") % {"status": proposal.get_status_display()}
    context = {"proposal": proposal, "title": title, "message": message}
    return render(request, "proposals/staff/not_available.html", context, status=409)
