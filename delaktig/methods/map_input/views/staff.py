"""The staff workspace of a map dialogue: overview with counts per district, the list of input with filters,
moderation, categories, addresses and places, the map background, and exports (CSV and GeoJSON)."""

import json

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.core.exports import COMMA, csv_response
from delaktig.dialogues.views.staff.common import post_data
from delaktig.organisations.permissions import staff_view
from delaktig.participation.models import Channel, ModerationStatus
from delaktig.participation.rules import allowed
from delaktig.participation.urls import module_url
from delaktig.participation.views_inputs import export_table, input_figures, moderate_view, moderation_view
from delaktig.participation.views_module import module_context, overview_context

from .. import selectors, services
from ..forms import CategoryForm, PlaceForm, StaffFilterForm, TileSourceForm
from ..models import REFERENCE_PREFIX, Category, LocatedBy, MapInput, Place, Shape
from ..navigation import desk_url
from ..where import Districts
from .common import module_get, staff_guard

ACTIONS = ("moderate", "manage", "map_background", "enter_offline")
PAGE_SIZE = 50


def _url(name, module, *extra):
    return module_url(module, name, *extra, staff=True)


@require_GET
@staff_view()
def index(request, dialogue_id, module_id):
    module = module_get(request, dialogue_id, module_id)
    received = MapInput.objects.received().filter(module=module)
    per_district = selectors.counts_per_district(received)
    stats = selectors.stats(module)
    context = overview_context(
        request,
        module,
        stats,
        actions=ACTIONS,
        labels=input_figures(("inputs", _("Places marked on the map"))),
        per_district=per_district,
        desk_url=desk_url(module),
    )
    return render(request, "map_input/staff/index.html", context)


def _filtered(request, module):
    areas = list(module.municipality.areas.all())
    form = StaffFilterForm(request.GET, module=module, areas=areas)
    filters = form.filters()
    return form.without_errors(module, areas), filters


@require_GET
@staff_view()
def inputs(request, dialogue_id, module_id):
    module = module_get(request, dialogue_id, module_id)
    form, filters = _filtered(request, module)
    qs = selectors.inputs_for_staff(module, **filters)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = module_context(
        module,
        form=form,
        page=page,
        per_district=selectors.counts_per_district(qs),
        is_filtered=any(value is not None for value in filters.values()),
        query=request.GET.urlencode(),
        can_moderate=allowed(request.user, "moderate", module),
    )
    return render(request, "map_input/staff/inputs.html", context)


moderation = moderation_view(selectors.INPUTS, template="map_input/staff/moderation.html", published_comments=False)
moderate = moderate_view(selectors.INPUTS)


# Categories and places: a list with a form to add, and a page per item to change or remove it


@require_http_methods(["GET", "POST"])
@staff_view()
def categories(request, dialogue_id, module_id):
    module, refusal = staff_guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    form = CategoryForm(post_data(request), instance=Category(module=module), module=module)
    if request.method == "POST" and form.is_valid():
        services.category_save(category=form.instance, actor=request.user)
        messages.success(request, _("The category is added."))
        return redirect(_url("categories", module))
    context = module_context(module, form=form, categories=selectors.categories_of(module))
    return render(request, "map_input/staff/categories.html", context)


@require_http_methods(["GET", "POST"])
@staff_view()
def category_edit(request, dialogue_id, module_id, category_id):
    module, refusal = staff_guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    category = get_object_or_404(Category, module=module, pk=category_id)
    if request.method == "POST" and "delete" in request.POST:
        services.category_delete(category=category, actor=request.user)
        messages.success(request, _("The category is removed. Its input is kept without a category."))
        return redirect(_url("categories", module))
    form = CategoryForm(post_data(request), instance=category, module=module)
    if request.method == "POST" and form.is_valid():
        services.category_save(category=form.instance, actor=request.user)
        messages.success(request, _("The category is saved."))
        return redirect(_url("categories", module))
    return render(request, "map_input/staff/category_edit.html", module_context(module, form=form, category=category))


@require_http_methods(["GET", "POST"])
@staff_view()
def places(request, dialogue_id, module_id):
    module, refusal = staff_guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    districts = Districts(module.municipality)
    form = PlaceForm(post_data(request), instance=Place(module=module), module=module, districts=districts)
    if request.method == "POST" and form.is_valid():
        services.place_save(place=form.instance, actor=request.user)
        messages.success(request, _("The address or place is added."))
        return redirect(_url("places", module))
    context = module_context(module, form=form, places=selectors.places_of(module))
    return render(request, "map_input/staff/places.html", context)


@require_http_methods(["GET", "POST"])
@staff_view()
def place_edit(request, dialogue_id, module_id, place_id):
    module, refusal = staff_guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    place = get_object_or_404(Place, module=module, pk=place_id)
    if request.method == "POST" and "delete" in request.POST:
        services.place_delete(place=place, actor=request.user)
        messages.success(request, _("The address or place is removed."))
        return redirect(_url("places", module))
    districts = Districts(module.municipality)
    form = PlaceForm(post_data(request), instance=place, module=module, districts=districts)
    if request.method == "POST" and form.is_valid():
        services.place_save(place=form.instance, actor=request.user)
        messages.success(request, _("The address or place is saved."))
        return redirect(_url("places", module))
    return render(request, "map_input/staff/place_edit.html", module_context(module, form=form, place=place))


@require_http_methods(["GET", "POST"])
@staff_view()
def background(request, dialogue_id, module_id):
    """The municipality's map background, shared by all its map dialogues."""
    module, refusal = staff_guard(request, dialogue_id, module_id, "map_background")
    if refusal:
        return refusal
    source = selectors.tile_source(module.municipality)
    initial = {"url_template": source.url_template, "attribution": source.attribution} if source else {}
    form = TileSourceForm(post_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        services.tile_source_set(municipality=module.municipality, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The map background is saved. It applies to every map dialogue."))
        return redirect(_url("index", module))
    return render(request, "map_input/staff/background.html", module_context(module, form=form, source=source))


# Exports: the filters of the list apply


def _export_inputs(request, module):
    _form, filters = _filtered(request, module)
    return selectors.inputs_for_staff(module, **filters).order_by("created_at", "id")


@require_GET
@staff_view()
def export_csv(request, dialogue_id, module_id):
    module = module_get(request, dialogue_id, module_id)
    rows = [selectors.export_row(item) for item in _export_inputs(request, module)]
    table = export_table(
        rows, selectors.EXPORT_COLUMNS, headers=EXPORT_HEADERS, reference_prefix=REFERENCE_PREFIX, choices=IN_WORDS
    )
    return csv_response(f"map-input-{module.pk}.csv", table, delimiter=COMMA)


@require_GET
@staff_view()
def export_geojson(request, dialogue_id, module_id):
    module = module_get(request, dialogue_id, module_id)
    features = ",".join(
        f'{{"type":"Feature","id":{item.pk},"geometry":{item.geometry},'
        f'"properties":{json.dumps(selectors.export_row(item), ensure_ascii=False)}}}'
        for item in _export_inputs(request, module)
    )
    response = HttpResponse(
        f'{{"type":"FeatureCollection","features":[{features}]}}', content_type="application/geo+json"
    )
    response["Content-Disposition"] = f'attachment; filename="map-input-{module.pk}.geojson"'
    return response


EXPORT_HEADERS = {
    "id": gettext_lazy("Reference"),
    "category": gettext_lazy("Category"),
    "shape": gettext_lazy("Shape"),
    "placed": gettext_lazy("Placed"),
    "place": gettext_lazy("Place"),
    "district": gettext_lazy("District"),
    "text": gettext_lazy("Comment"),
    "longitude": gettext_lazy("Longitude"),
    "latitude": gettext_lazy("Latitude"),
    "channel": gettext_lazy("Channel"),
    "received_on": gettext_lazy("Date received"),
    "status": gettext_lazy("Status"),
    "created": gettext_lazy("Received"),
    "supports": gettext_lazy("Supports"),
    "comments": gettext_lazy("Comments"),
}
IN_WORDS = {
    "shape": Shape,
    "placed": LocatedBy,
    "channel": Channel,
    "status": ModerationStatus,
}  # values as people call them
