"""The staff workspace of an open-input module: overview, moderation, offline input, categories, export."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.core.exports import COMMA, csv_response
from delaktig.organisations.permissions import staff_view
from delaktig.participation.forms_inputs import ModerationForm
from delaktig.participation.models import Channel, Comment, ModerationReason, ModerationStatus
from delaktig.participation.rules import allowed
from delaktig.participation.services import moderate as comment_moderate
from delaktig.participation.services_inputs import input_moderate

from .. import selectors, services
from ..forms import CategoriesForm
from ..models import REFERENCE_PREFIX, Input
from ..navigation import desk_url
from .common import module_context, module_get, refuse

ACTIONS = ("moderate", "enter_offline", "manage")


def _url(name, module):
    return reverse(f"open_input_staff:{name}", args=[module.municipality.slug, module.dialogue_id, module.pk])


def _posted(request):
    return request.POST if request.method == "POST" else None


def _guard(request, dialogue_id, module_id, action):
    """The module, and a 403 page with the reason when the person's role does not allow `action`."""
    module = module_get(request, dialogue_id, module_id)
    decision = allowed(request.user, action, module)
    return module, (
        None
        if decision
        else refuse(request, decision, next_url=request.get_full_path(), back_url=_url("index", module))
    )


@require_GET
@staff_view()
def index(request, dialogue_id, module_id):
    module = module_get(request, dialogue_id, module_id)
    can = {action: bool(allowed(request.user, action, module)) for action in ACTIONS}
    context = module_context(
        module, stats=selectors.stats(module), can=can, phase=module.active_phase(), desk_url=desk_url(module)
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
    module, refusal = _guard(request, dialogue_id, module_id, "moderate")
    if refusal:
        return refusal
    return render(request, "open_input/staff/moderation.html", _moderation_context(module))


def _moderated_item(module, kind, pk):
    if kind == "input":
        return get_object_or_404(Input, module=module, pk=pk)
    if kind == "comment":
        inputs = Input.objects.filter(module=module).values("pk")
        content_type = ContentType.objects.get_for_model(Input)
        return get_object_or_404(Comment, target_type=content_type, target_id__in=inputs, pk=pk)
    raise Http404("Unknown kind")


@require_http_methods(["GET", "POST"])
@staff_view()
def moderate(request, dialogue_id, module_id, kind, pk):
    module, refusal = _guard(request, dialogue_id, module_id, "moderate")
    if refusal:
        return refusal
    item = _moderated_item(module, kind, pk)
    form = ModerationForm(_posted(request))
    if request.method == "GET" or not form.is_valid():
        context = module_context(module, item=item, kind=kind, form=form)
        return render(request, "open_input/staff/moderate_item.html", context)
    data = form.cleaned_data
    write = input_moderate if kind == "input" else comment_moderate
    write(item=item, actor=request.user, publish=form.publish, reason=data["reason"], note=data["note"])
    messages.success(request, _("Published.") if form.publish else _("Removed. The writer can see why."))
    return redirect(_url("moderation", module))


@require_http_methods(["GET", "POST"])
@staff_view()
def categories(request, dialogue_id, module_id):
    module, refusal = _guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    initial = {"categories": "\n".join(services.categories_of(module))}
    form = CategoriesForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        services.categories_set(module=module, categories=form.lines(), actor=request.user)
        messages.success(request, _("The categories are saved."))
        return redirect(_url("index", module))
    return render(request, "open_input/staff/categories.html", module_context(module, form=form))


@require_GET
@staff_view()
def export_csv(request, dialogue_id, module_id):
    module, refusal = _guard(request, dialogue_id, module_id, "manage")
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
