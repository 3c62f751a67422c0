"""The municipality's areas: administrators and democracy officers list, add, rename and delete them."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import services_areas
from .forms_areas import AreaForm
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
