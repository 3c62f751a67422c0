"""The staff workspace of an open-input module: overview, moderation, offline input, categories, export."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.core.exports import COMMA, csv_response
from delaktig.dialogues.views.staff.common import post_data
from delaktig.organisations.permissions import staff_view
from delaktig.participation.models import Channel, ModerationStatus
from delaktig.participation.urls import module_url
from delaktig.participation.views_inputs import export_table, input_figures, moderate_view, moderation_view
from delaktig.participation.views_module import module_context, overview_context

from .. import selectors, services
from ..forms import CategoriesForm
from ..models import REFERENCE_PREFIX
from ..navigation import desk_url
from .common import module_get, staff_guard

ACTIONS = ("moderate", "enter_offline", "manage")


@require_GET
@staff_view()
def index(request, dialogue_id, module_id):
    module = module_get(request, dialogue_id, module_id)
    labels = input_figures(
        ("inputs", _("Input received")), ("offline_inputs", _("of which on paper, at meetings, by e-mail or phone"))
    )
    stats = selectors.stats(module)
    context = overview_context(request, module, stats, actions=ACTIONS, labels=labels, desk_url=desk_url(module))
    return render(request, "open_input/staff/index.html", context)


moderation = moderation_view(selectors.INPUTS, template="open_input/staff/moderation.html")
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
        return redirect(module_url(module, "index", staff=True))
    return render(request, "open_input/staff/categories.html", module_context(module, form=form))


@require_GET
@staff_view()
def export_csv(request, dialogue_id, module_id):
    module, refusal = staff_guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    rows = selectors.export_rows(module)
    columns = list(rows[0]) if rows else selectors.EXPORT_COLUMNS
    table = export_table(rows, columns, headers=EXPORT_HEADERS, reference_prefix=REFERENCE_PREFIX, choices=IN_WORDS)
    return csv_response(f"open-input-{module.pk}.csv", table, delimiter=COMMA)


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
IN_WORDS = {"channel": Channel, "status": ModerationStatus}  # values as people call them
