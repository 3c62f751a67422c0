"""Public pages of a map dialogue: the map with the list of input, giving input, one input with its support and
comments, and the GeoJSON the map's script reads."""

import json
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.participation.forms_inputs import CommentForm
from delaktig.participation.identity import COMMENT_CONTENTS, what_is_public
from delaktig.participation.rules import allowed
from delaktig.participation.urls import module_url
from delaktig.participation.views_inputs import comment_view, detail_context, input_or_404, support_view
from delaktig.participation.views_module import module_context

from .. import selectors, services
from ..forms import ListFilterForm, MapInputForm
from ..models import MapInput
from ..where import Districts
from .common import post_guard, public_module_get

PAGE_SIZE = 20


def map_config(module, *, drawing=False):
    """What the map's script reads from data attributes (no inline script: the content security policy)."""
    source = selectors.tile_source(module.municipality)
    categories = {
        c.pk: {"name": c.name, "colour": c.colour, "symbol": c.symbol} for c in selectors.categories_of(module)
    }
    return {
        "features": module_url(module, "features"),
        "districts": module_url(module, "districts"),
        "detail": module_url(module, "detail", 0),
        "tiles": source.url_template if source else "",
        "attribution": source.attribution if source else "",
        "categories": json.dumps(categories),
        "drawing": drawing,
    }


def with_tile_policy(response, module):
    """Allow the municipality's tile host as an image source, on the pages that show the map."""
    source = selectors.tile_source(module.municipality)
    policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")
    if source and policy and "img-src" in policy:
        parts = urlsplit(source.url_template)  # "{s}" (the tile servers a, b, c) becomes a wildcard
        host = f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"
        response["Content-Security-Policy"] = policy.replace("img-src", f"img-src {host}", 1)
    return response


@require_GET
def index(request, dialogue_id, module_id):
    module = public_module_get(request, dialogue_id, module_id)
    areas = list(module.municipality.areas.all())
    form = ListFilterForm(request.GET, module=module, areas=areas)
    filters = form.filters()
    page = Paginator(selectors.inputs_published(module, **filters), PAGE_SIZE).get_page(request.GET.get("page"))
    context = module_context(
        module,
        page=page,
        filter_form=form.without_errors(module, areas),
        is_filtered=any(filters.values()),
        decision=allowed(request.user, "post", module),
        phase=module.active_phase(),
        categories=selectors.categories_of(module),
        map=map_config(module),
    )
    return with_tile_policy(render(request, "map_input/index.html", context), module)


@require_http_methods(["GET", "POST"])
def create(request, dialogue_id, module_id):
    """Give input: on the map, or by choosing an address, a place or a district from the list."""
    module, refusal = post_guard(request, dialogue_id, module_id)
    if refusal:
        return refusal
    districts = Districts(module.municipality)
    if request.method == "GET":
        initial = {"submission_key": uuid.uuid4().hex, "location": request.GET.get("plats", "")}
        form = MapInputForm(initial=initial, module=module, user=request.user, districts=districts)
        return _render_create(request, module, form)
    form = MapInputForm(request.POST, request.FILES, module=module, user=request.user, districts=districts)
    if not form.is_valid():
        if request.FILES.get("photo") and "photo" not in form.errors:
            form.photo_again = True  # a browser never sends a chosen file back: say so
        return _render_create(request, module, form, status=200)
    item = services.map_input_create(module=module, author=request.user, **form.values())
    if item.author_id is None:  # anonymous by design: the confirmation is shown once, here
        return _render_done(request, module, item)
    return redirect(module_url(module, "create_done", item.pk))


def _render_create(request, module, form, status=200):
    shown_name = module.dialogue.public_name_for(
        request.user, form["pseudonym"].value() or "" if "pseudonym" in form.fields else ""
    )
    public_lines = what_is_public(module.dialogue, shown_name=shown_name, contents=COMMENT_CONTENTS)
    context = module_context(module, form=form, map=map_config(module, drawing=True), public_lines=public_lines)
    response = render(request, "map_input/create.html", context, status=status)
    return with_tile_policy(response, module)


def _render_done(request, module, item):
    public_lines = what_is_public(module.dialogue, shown_name=item.author_name, contents=COMMENT_CONTENTS)
    return render(request, "map_input/create_done.html", module_context(module, input=item, public_lines=public_lines))


@require_GET
def create_done(request, dialogue_id, module_id, input_id):
    module = public_module_get(request, dialogue_id, module_id)
    if not request.user.is_authenticated:
        raise Http404("Only the writer sees the confirmation")
    item = MapInput.objects.filter(module=module, pk=input_id, author=request.user).first()
    if item is None:
        raise Http404("No such input")
    item.module = module
    return _render_done(request, module, item)


def _detail(request, module, item, comment_form=None):
    comment_form = comment_form or CommentForm(dialogue=module.dialogue, user=request.user)
    context = detail_context(request, module, item, reads=selectors.INPUTS, comment_form=comment_form, suggested=False)
    context["map"] = map_config(module)
    return with_tile_policy(render(request, "map_input/detail.html", context), module)


@require_GET
def input_detail(request, dialogue_id, module_id, input_id):
    module = public_module_get(request, dialogue_id, module_id)
    return _detail(request, module, input_or_404(selectors.INPUTS, request, module, input_id))


support = support_view(selectors.INPUTS)
comment = comment_view(selectors.INPUTS, detail=_detail)


@require_GET
def photo(request, dialogue_id, module_id, input_id):
    """The photo of a visible input, from storage (never a public media address: a pending photo stays private)."""
    module = public_module_get(request, dialogue_id, module_id)
    item = input_or_404(selectors.INPUTS, request, module, input_id)
    if not item.photo or not default_storage.exists(item.photo.name):
        raise Http404("No photo")
    extension = item.photo.name.rsplit(".", 1)[-1]
    content_type = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}.get(extension, "image/jpeg")
    response = FileResponse(default_storage.open(item.photo.name, "rb"), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


# What the map's script reads


def _bbox(value):
    """west,south,east,north from the query, or the whole globe; None when it cannot be read."""
    if not value:
        return (-180.0, -90.0, 180.0, 90.0)
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        return None
    if not all(abs(number) <= 360 for number in (west, south, east, north)) or west > east or south > north:
        return None
    return (west, south, east, north)


def geojson_response(text, status=200):
    return HttpResponse(text, content_type="application/geo+json", status=status)


@require_GET
def features(request, dialogue_id, module_id):
    """Published input in the box `?bbox=west,south,east,north`, at most 2 000, newest first, as GeoJSON."""
    module = public_module_get(request, dialogue_id, module_id, phases=False)
    bbox = _bbox(request.GET.get("bbox", ""))
    if bbox is None:
        return geojson_response('{"error":"bbox must be west,south,east,north in degrees"}', status=400)
    return geojson_response(selectors.features_in_bbox(module, bbox))


@require_GET
def districts(request, dialogue_id, module_id):
    """The municipality's districts with their shapes: the map's base when no tile source is set."""
    module = public_module_get(request, dialogue_id, module_id, phases=False)
    found = [
        {"type": "Feature", "id": area.pk, "geometry": area.geometry, "properties": {"name": area.name}}
        for area in module.municipality.areas.all()
        if area.geometry
    ]
    return geojson_response(json.dumps({"type": "FeatureCollection", "features": found}, ensure_ascii=False))
