"""The municipality's areas: administrators and democracy officers list, add, rename and delete them, and import
their shapes for maps from a GeoJSON file."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from delaktig.core import geo

from . import services_areas
from .forms_areas import AreaForm, AreaShapesConfirmForm, AreaShapesForm
from .models import Area, Role
from .permissions import staff_view

AREA_ROLES = (Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER)


def _posted(request):
    return request.POST if request.method == "POST" else None


@require_http_methods(["GET", "POST"])
@staff_view(*AREA_ROLES)
def areas(request):
    muni = request.municipality
    last = muni.areas.order_by("-order").values_list("order", flat=True).first() or 0
    form = AreaForm(_posted(request), instance=Area(municipality=muni, order=last + 1))
    if request.method == "POST" and form.is_valid():
        area = services_areas.area_save(area=form.save(commit=False), actor=request.user)
        messages.success(request, _("The area “%(name)s” has been added.") % {"name": area.name})
        return redirect("organisations:areas", muni.slug)
    return render(request, "organisations/areas.html", {"form": form, "areas": muni.areas.all(), "active": "areas"})


@require_http_methods(["GET", "POST"])
def find_area(request, pk):
    return get_object_or_404(Area, pk=pk, municipality=request.municipality)


@staff_view(*AREA_ROLES, find=find_area)
def area_edit(request, pk):
    area = find_area(request, pk)
    form = AreaForm(_posted(request), instance=area)
    if request.method == "POST" and form.is_valid():
        services_areas.area_save(area=form.save(commit=False), actor=request.user)
        messages.success(request, _("The area has been saved."))
        return redirect("organisations:areas", request.municipality.slug)
    return render(request, "organisations/area_form.html", {"form": form, "area": area, "active": "areas"})


@require_http_methods(["GET", "POST"])
@staff_view(*AREA_ROLES, find=find_area)
def area_delete(request, pk):
    area = find_area(request, pk)
    if request.method == "POST":
        services_areas.area_delete(area=area, actor=request.user)
        messages.success(request, _("The area “%(name)s” has been deleted.") % {"name": area.name})
        return redirect("organisations:areas", request.municipality.slug)
    return render(request, "organisations/area_delete.html", {"area": area, "active": "areas"})


@require_http_methods(["GET", "POST"])
@staff_view(*AREA_ROLES)
def area_shapes(request):
    """The areas' shapes from a GeoJSON file: upload, a preview of what will happen, and the import on confirming
    (the preview carries the file's text back, so the import reads what the preview showed)."""
    if request.method == "POST" and "content" in request.POST:
        return _shapes_confirm(request)
    form = AreaShapesForm(_posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        text, name_property = form.cleaned_data["text"], form.cleaned_data["name_property"].strip()
        try:
            rows = services_areas.area_shapes_check(
                municipality=request.municipality, text=text, name_property=name_property
            )
        except geo.GeometryError as error:
            form.add_error("file", error.message)
        else:
            context = {
                "rows": rows,
                "drawing": geo.drawing([(row.name, row.geometry) for row in rows]),
                "content": text,
                "name_property": name_property,
                "active": "areas",
            }
            return render(request, "organisations/area_shapes_preview.html", context)
    return _shapes_page(request, form)


def _shapes_page(request, form):
    areas = request.municipality.areas.all()
    context = {"form": form, "areas": areas, "with_shape": sum(1 for a in areas if a.geometry), "active": "areas"}
    return render(request, "organisations/area_shapes.html", context)


def _shapes_confirm(request):
    form = AreaShapesConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The file could not be imported. Choose it again."))
        return redirect("organisations:area_shapes", request.municipality.slug)
    try:
        added, updated = services_areas.area_shapes_import(
            municipality=request.municipality,
            text=form.cleaned_data["content"],
            name_property=form.cleaned_data["name_property"],
            actor=request.user,
        )
    except geo.GeometryError as error:
        messages.error(request, error.message)
        return redirect("organisations:area_shapes", request.municipality.slug)
    messages.success(
        request,
        _("The shapes have been imported: %(updated)s areas updated, %(added)s areas added.")
        % {"updated": updated, "added": added},
    )
    return redirect("organisations:areas", request.municipality.slug)
