"""Staff pages for ways of taking part (modules and their phases) and the moderation queue.

They belong to participation: the dialogue workspace links to them by URL name and never imports them.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.dialogues.views.staff.common import (
    MODERATION_ROLES,
    find_dialogue,
    get_dialogue,
    not_available,
    post_data,
    transition_roles,
)
from delaktig.dialogues.views.staff.dialogue import ADD_MODULE_TITLE, MODULE_STATES
from delaktig.organisations.permissions import staff_view

from . import forms
from .moderation import WaitingItems
from .registry import registry
from .services import module_add as add_module
from .services import phase_add as add_phase

MODULE_ROLES = transition_roles("open")
MODERATION_PAGE_SIZE = 25


@require_http_methods(["GET", "POST"])
@staff_view(*MODULE_ROLES, find=find_dialogue)
def module_add(request, pk):
    dialogue = get_dialogue(request, pk)
    if dialogue.state not in MODULE_STATES:
        return not_available(request, dialogue, ADD_MODULE_TITLE)
    form = forms.ModuleForm(post_data(request), methods=list(registry), dialogue=dialogue)
    if request.method == "POST" and form.is_valid():
        module = add_module(dialogue=dialogue, actor=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("“%(name)s” is added. Now add a phase, so it is clear when people can take part.")
            % {"name": module.name},
        )
        return redirect("participation:phase_add", request.municipality.slug, dialogue.pk, module.pk)
    modules = dialogue.modules.prefetch_related("phases")
    context = {"dialogue": dialogue, "form": form, "modules": modules, "has_methods": bool(len(registry))}
    return render(request, "participation/staff/module_add.html", context)


@require_http_methods(["GET", "POST"])
@staff_view(*MODULE_ROLES, find=find_dialogue)
def phase_add(request, pk, module_id):
    dialogue = get_dialogue(request, pk)
    module = get_object_or_404(dialogue.modules.prefetch_related("phases"), pk=module_id)
    if dialogue.state not in MODULE_STATES or module.manifest is None:
        return not_available(request, dialogue, _("Add a phase"))
    form = forms.PhaseForm(post_data(request), manifest=module.manifest)
    if request.method == "POST" and form.is_valid():
        phase = add_phase(module=module, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The phase “%(name)s” is added.") % {"name": phase.name})
        return redirect("dialogues:staff_detail", request.municipality.slug, dialogue.pk)
    return render(request, "participation/staff/phase_add.html", {"dialogue": dialogue, "module": module, "form": form})


@require_GET
@staff_view(*MODERATION_ROLES)
def moderation(request):
    waiting = WaitingItems(request.municipality)
    page = Paginator(waiting, MODERATION_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"groups": group_by_dialogue(page.object_list), "count": page.paginator.count, "page": page}
    return render(request, "participation/staff/moderation.html", context)


def group_by_dialogue(items):
    """[(dialogue, [items oldest first])], the dialogue with the oldest waiting item first (within the page)."""
    groups = {}
    for item in sorted(items, key=lambda item: item.created_at):
        groups.setdefault(item.dialogue.pk, (item.dialogue, []))[1].append(item)
    return list(groups.values())
