"""The staff workspace of an open-input module: overview, moderation, offline input, categories, export."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.core.exports import COMMA, csv_response
from delaktig.dialogues.views.staff.common import post_data
from delaktig.organisations.permissions import staff_view
from delaktig.participation.models import Channel, ModerationReason, ModerationStatus
from delaktig.participation.rules import allowed
from delaktig.participation.urls import module_url
from delaktig.participation.views_inputs import moderate_view

from .. import selectors, services
from ..forms import CategoriesForm
from ..models import REFERENCE_PREFIX
from ..navigation import desk_url
from .common import module_context, module_get, staff_guard

ACTIONS = ("moderate", "enter_offline", "manage")


def _url(name, module):
    return module_url(module, name, staff=True)


def _figures(stats):
    """(label, number) for the overview's table."""
    return [
        (_("Input received"), stats["inputs"]),
        (_("of which on paper, at meetings, by e-mail or phone"), stats["offline_inputs"]),
        (_("Comments"), stats["comments"]),
        (_("Supports"), stats["supports"]),
        (_("Participants online"), stats["participants"]),
    ]


@require_GET
@staff_view()
def index(request, dialogue_id, module_id):
    module = module_get(request, dialogue_id, module_id)
    can = {action: bool(allowed(request.user, action, module)) for action in ACTIONS}
    stats = selectors.stats(module)
    context = module_context(
        module, stats=stats, figures=_figures(stats), can=can, phase=module.active_phase(), desk_url=desk_url(module)
    )
    return render(request, "open_input/staff/index.html", context)


def _moderation_context(module):
    return module_context(
        module,
        pending_inputs=selectors.inputs_pending(module),
        pending_comments=selectors.comments_pending(module),
        published_inputs=selectors.inputs_recently_published(module),
        published_comments=selectors.comments_recently_published(module),
        reasons=ModerationReason.choices,
    )


@require_GET
@staff_view()
def moderation(request, dialogue_id, module_id):
    module, refusal = staff_guard(request, dialogue_id, module_id, "moderate")
    if refusal:
        return refusal
    return render(request, "open_input/staff/moderation.html", _moderation_context(module))


moderate = moderate_view(selectors.INPUTS, template="open_input/staff/moderate_item.html")


@require_http_methods(["GET", "POST"])
@staff_view()
def categories(request, dialogue_id, module_id):
    module, refusal = staff_guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    initial = {"categories": "\n".join(services.categories_of(module))}
    form = CategoriesForm(post_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        services.categories_set(module=module, categories=form.lines(), actor=request.user)
        messages.success(request, _("The categories are saved."))
        return redirect(_url("index", module))
    return render(request, "open_input/staff/categories.html", module_context(module, form=form))


@require_GET
@staff_view()
def export_csv(request, dialogue_id, module_id):
    module, refusal = staff_guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    rows = selectors.export_rows(module)
    columns = list(rows[0]) if rows else selectors.EXPORT_COLUMNS
    header = [str(EXPORT_HEADERS.get(column, column)) for column in columns]  # headers people read
    table = [[_in_words(column, row[column]) for column in columns] for row in rows]
    return csv_response(f"open-input-{module.pk}.csv", [header, *table], delimiter=COMMA)


EXPORT_HEADERS = {
    "id": _lazy("Reference"),
    "title": _lazy("Title"),
    "text": _lazy("Text"),
    "category": _lazy("Category"),
    "channel": _lazy("Channel"),
    "received_on": _lazy("Date received"),
    "status": _lazy("Status"),
    "created": _lazy("Received"),
    "supports": _lazy("Supports"),
}


def _in_words(column, value):
    """Channels and statuses as people call them, and the reference people read (IN-121)."""
    if column == "id":
        return f"{REFERENCE_PREFIX}-{value}"
    if column == "channel" and value in Channel.values:
        return Channel(value).label
    if column == "status" and value in ModerationStatus.values:
        return ModerationStatus(value).label
    return value
