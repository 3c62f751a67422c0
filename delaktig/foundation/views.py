"""Public pages for principles and toolbox; staff pages for the handbook and for editing the foundation."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.organisations.models import Role
from delaktig.organisations.permissions import staff_view

from . import hookspecs as foundation_hooks
from . import selectors, services
from .forms import HandbookPageForm, PrinciplesForm, ToolboxFilterForm, ToolboxMethodForm
from .models import HandbookPage, ToolboxMethod

EDITORS = (Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER)


@require_GET
def principles(request):
    muni = request.municipality
    current = selectors.principles_in_force(municipality=muni)
    versions = [v for v in selectors.principles_versions(municipality=muni) if not current or v.pk != current.pk]
    return render(request, "foundation/principles.html", {"document": current, "versions": versions, "in_force": True})


@require_GET
def principles_version(request, version):
    muni = request.municipality
    document = selectors.principles_version_get(municipality=muni, version=version)
    current = selectors.principles_in_force(municipality=muni)
    in_force = current is not None and current.pk == document.pk
    return render(request, "foundation/principles.html", {"document": document, "in_force": in_force})


@require_GET
def toolbox(request):
    muni = request.municipality
    form = ToolboxFilterForm(request.GET or None, municipality=muni)
    methods = selectors.toolbox_methods(municipality=muni, **form.filters())
    return render(request, "foundation/toolbox.html", {"form": form, "methods": methods})


@require_GET
def toolbox_method(request, slug):
    method = selectors.toolbox_method_get(municipality=request.municipality, slug=slug)
    found = (hook(request, method) for hook in foundation_hooks.toolbox_method_sections.implementations())
    sections = [section for sections in found for section in (sections or [])]
    return render(request, "foundation/toolbox_method.html", {"method": method, "sections": sections})


@require_GET
@staff_view()
def handbook(request):
    muni = request.municipality
    context = {"groups": selectors.handbook_pages(municipality=muni), "can_edit": _can_edit(request)}
    if context["can_edit"]:  # the principles and the toolbox are edited from here too
        context["toolbox_methods"] = selectors.toolbox_methods(municipality=muni)
    return render(request, "foundation/handbook.html", context)


@require_GET
@staff_view()
def handbook_page(request, slug):
    page = selectors.handbook_page_get(municipality=request.municipality, slug=slug)
    return render(request, "foundation/handbook_page.html", {"page": page, "can_edit": _can_edit(request)})


@require_http_methods(["GET", "POST"])
@staff_view(*EDITORS)
def handbook_page_create(request):
    page = HandbookPage(municipality=request.municipality)
    return _handbook_form(request, page, _("The page has been created."))


@require_http_methods(["GET", "POST"])
@staff_view(*EDITORS)
def handbook_page_edit(request, slug):
    page = selectors.handbook_page_get(municipality=request.municipality, slug=slug)
    return _handbook_form(request, page, _("The page has been saved."))


def _handbook_form(request, page, success):
    form = HandbookPageForm(
        request.POST if request.method == "POST" else None, instance=page, municipality=request.municipality
    )
    if request.method == "POST" and form.is_valid():
        page = services.handbook_page_save(page=form.save(commit=False), actor=request.user)
        messages.success(request, success)
        return redirect("foundation:handbook_page", request.municipality.slug, page.slug)
    return render(request, "foundation/handbook_form.html", {"form": form, "page": page})


@require_http_methods(["GET", "POST"])
@staff_view(*EDITORS)
def principles_create(request):
    muni = request.municipality
    form = PrinciplesForm(
        request.POST if request.method == "POST" else None, municipality=muni, initial=_principles_initial(muni)
    )
    if request.method == "POST" and form.is_valid():
        document = services.principles_create(municipality=muni, actor=request.user, **form.cleaned_data)
        messages.success(
            request, _("Version %(version)s of the principles has been saved.") % {"version": document.version}
        )
        return redirect("foundation:principles_version", muni.slug, document.version)
    next_version = selectors.principles_next_version(municipality=muni)
    return render(request, "foundation/principles_form.html", {"form": form, "next_version": next_version})


def _principles_initial(municipality):
    """A new version starts from the text of the one in force."""
    current = selectors.principles_in_force(municipality=municipality)
    if current is None:
        return {}
    return {"title": current.title, "body_text": current.body_text, "easy_read": current.easy_read}


@require_http_methods(["GET", "POST"])
@staff_view(*EDITORS)
def toolbox_method_create(request):
    method = ToolboxMethod(municipality=request.municipality)
    return _toolbox_form(request, method, _("The method has been added to the toolbox."))


@require_http_methods(["GET", "POST"])
@staff_view(*EDITORS)
def toolbox_method_edit(request, slug):
    method = selectors.toolbox_method_get(municipality=request.municipality, slug=slug)
    return _toolbox_form(request, method, _("The method has been saved."))


def _toolbox_form(request, method, success):
    form = ToolboxMethodForm(
        request.POST if request.method == "POST" else None, instance=method, municipality=request.municipality
    )
    if request.method == "POST" and form.is_valid():
        groups = form.cleaned_data["target_groups"]
        method = services.toolbox_method_save(method=form.save(commit=False), actor=request.user, target_groups=groups)
        messages.success(request, success)
        return redirect("foundation:toolbox_method", request.municipality.slug, method.slug)
    return render(request, "foundation/toolbox_form.html", {"form": form, "method": method})


def _can_edit(request):
    return request.user.has_role(request.municipality, *EDITORS)
