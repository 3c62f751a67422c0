"""The municipality's rules for proposals, and its categories (administrators only)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from delaktig.organisations.permissions import staff_view

from ...models import Category
from ...selectors import settings_for
from .. import _staff_services as services_staff
from .._staff_forms import CategoryForm, ProposalSettingsForm
from .common import ADMIN_ROLES, post_data


@require_http_methods(["GET", "POST"])
@staff_view(*ADMIN_ROLES)
def settings_edit(request):
    rules = settings_for(request.municipality)
    threshold_now = rules.threshold()  # before the form puts what was typed into the instance
    form = ProposalSettingsForm(post_data(request), instance=rules)
    if request.method == "POST" and form.is_valid():
        services_staff.proposal_settings_update(
            proposal_settings=rules, actor=request.user, values=form.changed_values()
        )
        messages.success(request, _("The rules for proposals are saved."))
        return redirect("proposals:settings", request.municipality.slug)
    return render(request, "proposals/staff/settings.html", {"form": form, "threshold_now": threshold_now})


def _category(request, value):
    """The category named by a form or query value, or None; a malformed or foreign id is a 404."""
    if not value:
        return None
    if not str(value).isdigit() or len(str(value)) > 12:
        raise Http404("No such category")
    return get_object_or_404(Category, municipality=request.municipality, pk=int(value))


@require_http_methods(["GET", "POST"])
@staff_view(*ADMIN_ROLES)
def categories(request):
    source = request.POST if request.method == "POST" else request.GET
    category = _category(request, source.get("category"))
    if request.method == "POST" and request.POST.get("action") == "delete" and category:
        services_staff.category_delete(category=category, actor=request.user)
        messages.success(request, _("The category “%(name)s” is removed.") % {"name": category.name})
        return redirect("proposals:categories", request.municipality.slug)
    form = CategoryForm(post_data(request), instance=category, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        saved = services_staff.category_save(form=form, municipality=request.municipality, actor=request.user)
        messages.success(request, _("The category “%(name)s” is saved.") % {"name": saved.name})
        return redirect("proposals:categories", request.municipality.slug)
    context = {
        "form": form,
        "category": category,
        "categories": request.municipality.proposal_categories.select_related("responsible_body"),
    }
    return render(request, "proposals/staff/categories.html", context)
