"""The staff workspace of a statements module: overview with the opinion groups, the statements (staff seed them
here), moderation of residents' statements, and analysing the votes now."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from delaktig.dialogues.views.staff.common import post_data
from delaktig.organisations.permissions import staff_view
from delaktig.participation.forms_inputs import ModerationForm
from delaktig.participation.models import ModerationStatus
from delaktig.participation.services import moderate as moderate_item
from delaktig.participation.urls import module_url
from delaktig.participation.views_module import module_context, overview_context

from .. import selectors, services, tasks
from ..forms import StatementForm
from ..map import group_map
from ..models import Statement
from .common import module_get, staff_guard

ACTIONS = ("moderate", "manage")
FIGURES = ("statements", "votes", "participants")
RECENT = 30


@require_GET
@staff_view()
def index(request, dialogue_id, module_id):
    module = module_get(request, dialogue_id, module_id)
    stats = selectors.stats(module)
    labels = [(key, module.manifest.stat_labels[key]) for key in FIGURES]
    view = selectors.groups_view(module)
    context = overview_context(
        request,
        module,
        stats,
        actions=ACTIONS,
        labels=labels,
        view=view,
        map=group_map(view) if view and view["groups"] else None,
        pending=selectors.moderation_count_module(module),
    )
    return render(request, "statements/staff/index.html", context)


@require_POST
@staff_view()
def analyse(request, dialogue_id, module_id):
    """Ask for a fresh analysis now (in the background, without the usual wait)."""
    module, refusal = staff_guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    if tasks.analysis_refresh(module_id=module.pk, later=False):
        messages.success(request, _("The analysis has started. Reload the page in a moment to see it."))
    else:
        messages.info(request, _("An analysis is already waiting to run."))
    return redirect(module_url(module, "index", staff=True))


@require_http_methods(["GET", "POST"])
@staff_view()
def statements(request, dialogue_id, module_id):
    """The statements with their votes; staff add statements to start the conversation."""
    module, refusal = staff_guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    form = StatementForm(post_data(request))
    if request.method == "POST" and form.is_valid():
        statement = services.statement_seed(module=module, text=form.cleaned_data["text"], actor=request.user)
        messages.success(request, _("The statement %(reference)s is published.") % {"reference": statement.reference})
        return redirect(module_url(module, "statements", staff=True))
    context = module_context(module, form=form, statements=selectors.statements_all_counted(module))
    return render(request, "statements/staff/statements.html", context)


@require_GET
@staff_view()
def moderation(request, dialogue_id, module_id):
    module, refusal = staff_guard(request, dialogue_id, module_id, "moderate")
    if refusal:
        return refusal
    qs = Statement.objects.filter(module=module, seeded=False)
    context = module_context(
        module,
        pending=list(qs.filter(status=ModerationStatus.PENDING).order_by("created_at", "id")),
        published=list(qs.filter(status=ModerationStatus.PUBLISHED).order_by("-created_at", "-id")[:RECENT]),
    )
    return render(request, "statements/staff/moderation.html", context)


@require_http_methods(["GET", "POST"])
@staff_view()
def moderate(request, dialogue_id, module_id, statement_id):
    """Publish or remove one statement, with a reason when removing; its votes leave the next analysis."""
    module, refusal = staff_guard(request, dialogue_id, module_id, "moderate")
    if refusal:
        return refusal
    item = get_object_or_404(Statement, module=module, pk=statement_id)
    form = ModerationForm(post_data(request))
    if request.method == "GET" or not form.is_valid():
        context = module_context(module, item=item, kind="input", form=form)
        return render(request, "participation/staff/moderate_item.html", context)
    data = form.cleaned_data
    moderate_item(item=item, actor=request.user, publish=form.publish, reason=data["reason"], note=data["note"])
    messages.success(request, _("Published.") if form.publish else _("Removed. The writer can see why."))
    return redirect(module_url(module, "moderation", staff=True))
