"""The staff workspace of a map dialogue: overview with counts per district, the list of input with filters,
moderation, categories, addresses and places, the map background, and exports (CSV and GeoJSON)."""

import json

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.core.exports import COMMA, csv_response
from delaktig.organisations.permissions import staff_view
from delaktig.participation.forms_inputs import ModerationForm
from delaktig.participation.models import Comment, ModerationReason, ModerationStatus
from delaktig.participation.rules import allowed
from delaktig.participation.services import moderate as comment_moderate
from delaktig.participation.services_inputs import input_moderate

from .. import selectors, services
from ..forms import CategoryForm, PlaceForm, StaffFilterForm, TileSourceForm
from ..models import REFERENCE_PREFIX, Category, LocatedBy, MapInput, Place, Shape
from ..where import Districts
from .common import module_context, module_get, refuse

ACTIONS = ("moderate", "manage", "map_background")
PAGE_SIZE = 50


def _url(name, module, *extra):
    return reverse(f"map_input_staff:{name}", args=[module.municipality.slug, module.dialogue_id, module.pk, *extra])


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
    received = MapInput.objects.received().filter(module=module)
    context = module_context(
        module,
        stats=selectors.stats(module),
        per_district=selectors.counts_per_district(received),
        can=can,
        phase=module.active_phase(),
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


@require_GET
@staff_view()
def moderation(request, dialogue_id, module_id):
    module, refusal = _guard(request, dialogue_id, module_id, "moderate")
    if refusal:
        return refusal
    context = module_context(
        module,
        pending_inputs=selectors.inputs_pending(module),
        pending_comments=selectors.comments_pending(module),
        published_inputs=selectors.inputs_recently_published(module),
        reasons=ModerationReason.choices,
    )
    return render(request, "map_input/staff/moderation.html", context)


def _moderated_item(module, kind, pk):
    if kind == "input":
        return get_object_or_404(MapInput.objects.select_related("category"), module=module, pk=pk)
    if kind == "comment":
        inputs = MapInput.objects.filter(module=module).values("pk")
        content_type = ContentType.objects.get_for_model(MapInput)
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
        return render(request, "map_input/staff/moderate_item.html", context)
    data = form.cleaned_data
    write = input_moderate if kind == "input" else comment_moderate
    write(item=item, actor=request.user, publish=form.publish, reason=data["reason"], note=data["note"])
    messages.success(request, _("Published.") if form.publish else _("Removed. The writer can see why."))
    return redirect(_url("moderation", module))


# Categories and places: a list with a form to add, and a page per item to change or remove it


@require_http_methods(["GET", "POST"])
@staff_view()
def categories(request, dialogue_id, module_id):
    module, refusal = _guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    form = CategoryForm(_posted(request), instance=Category(module=module), module=module)
    if request.method == "POST" and form.is_valid():
        services.category_save(category=form.instance, actor=request.user)
        messages.success(request, _("The category is added."))
        return redirect(_url("categories", module))
    context = module_context(module, form=form, categories=selectors.categories_of(module))
    return render(request, "map_input/staff/categories.html", context)


@require_http_methods(["GET", "POST"])
@staff_view()
def category_edit(request, dialogue_id, module_id, category_id):
    module, refusal = _guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    category = get_object_or_404(Category, module=module, pk=category_id)
    if request.method == "POST" and "delete" in request.POST:
        services.category_delete(category=category, actor=request.user)
        messages.success(request, _("The category is removed. Its input is kept without a category."))
        return redirect(_url("categories", module))
    form = CategoryForm(_posted(request), instance=category, module=module)
    if request.method == "POST" and form.is_valid():
        services.category_save(category=form.instance, actor=request.user)
        messages.success(request, _("The category is saved."))
        return redirect(_url("categories", module))
    return render(request, "map_input/staff/category_edit.html", module_context(module, form=form, category=category))


@require_http_methods(["GET", "POST"])
@staff_view()
def places(request, dialogue_id, module_id):
    module, refusal = _guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    districts = Districts(module.municipality)
    form = PlaceForm(_posted(request), instance=Place(module=module), module=module, districts=districts)
    if request.method == "POST" and form.is_valid():
        services.place_save(place=form.instance, actor=request.user)
        messages.success(request, _("The address or place is added."))
        return redirect(_url("places", module))
    context = module_context(module, form=form, places=selectors.places_of(module))
    return render(request, "map_input/staff/places.html", context)


@require_http_methods(["GET", "POST"])
@staff_view()
def place_edit(request, dialogue_id, module_id, place_id):
    module, refusal = _guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    place = get_object_or_404(Place, module=module, pk=place_id)
    if request.method == "POST" and "delete" in request.POST:
        services.place_delete(place=place, actor=request.user)
        messages.success(request, _("The address or place is removed."))
        return redirect(_url("places", module))
    districts = Districts(module.municipality)
    form = PlaceForm(_posted(request), instance=place, module=module, districts=districts)
    if request.method == "POST" and form.is_valid():
        services.place_save(place=form.instance, actor=request.user)
        messages.success(request, _("The address or place is saved."))
        return redirect(_url("places", module))
    return render(request, "map_input/staff/place_edit.html", module_context(module, form=form, place=place))


@require_http_methods(["GET", "POST"])
@staff_view()
def background(request, dialogue_id, module_id):
    """The municipality's map background, shared by all its map dialogues."""
    module, refusal = _guard(request, dialogue_id, module_id, "map_background")
    if refusal:
        return refusal
    source = selectors.tile_source(module.municipality)
    initial = {"url_template": source.url_template, "attribution": source.attribution} if source else {}
    form = TileSourceForm(_posted(request), initial=initial)
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
    header = [str(EXPORT_HEADERS[column]) for column in selectors.EXPORT_COLUMNS]
    table = [[_in_words(column, row[column]) for column in selectors.EXPORT_COLUMNS] for row in rows]
    return csv_response(f"map-input-{module.pk}.csv", [header, *table], delimiter=COMMA)


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
    "id": _lazy("Reference"),
    "category": _lazy("Category"),
    "shape": _lazy("Shape"),
    "placed": _lazy("Placed"),
    "place": _lazy("Place"),
    "district": _lazy("District"),
    "text": _lazy("Comment"),
    "longitude": _lazy("Longitude"),
    "latitude": _lazy("Latitude"),
    "status": _lazy("Status"),
    "created": _lazy("Received"),
    "supports": _lazy("Supports"),
    "comments": _lazy("Comments"),
}


def _in_words(column, value):
    """Shapes, statuses and how it was placed as people call them, and the reference people read (KA-121)."""
    if column == "id":
        return f"{REFERENCE_PREFIX}-{value}"
    for name, choices in (("shape", Shape), ("placed", LocatedBy), ("status", ModerationStatus)):
        if column == name and value in choices.values:
            return str(choices(value).label)
    return value
