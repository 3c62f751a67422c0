"""The open-data API (JSON, CSV, OpenAPI), the human page and the DCAT-AP-SE catalogue. Read-only, no cookies."""

import functools
import json

from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from delaktig.core.exports import COMMA, csv_response

from . import api, openapi
from . import catalogue as dcat
from .params import BadParameter, choices, parse_filters
from .selectors import dataset_get, datasets

READ_METHODS = ["GET", "HEAD"]
CACHE_CONTROL = "public, max-age=60"


def error(message, status, **extra):
    return JsonResponse({"error": message, **extra}, status=status, json_dumps_params={"ensure_ascii": False})


def read_only(view):
    """GET and HEAD only (405 in JSON otherwise); open to every origin and cacheable for a minute."""

    @csrf_exempt
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in READ_METHODS:
            response = error(_("The open-data API can only be read (GET)."), 405)
            response["Allow"] = ", ".join(READ_METHODS)
        else:
            response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Cache-Control"] = CACHE_CONTROL
        return response

    return wrapper


def json_response(data):
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def no_such_dataset(key):
    return error(_("There is no dataset called %(key)s.") % {"key": key}, 404)


def dataset_entry(request, dataset):
    return {
        "key": dataset.key,
        "title": str(dataset.title),
        "description": str(dataset.description),
        **api.dataset_links(request, dataset),
    }


@read_only
def api_index(request):
    slug = request.municipality.slug
    return json_response(
        {
            "municipality": request.municipality.name,
            "openapi": request.build_absolute_uri(reverse("opendata:openapi", args=[slug])),
            "catalogue": request.build_absolute_uri(reverse("opendata:catalogue", args=[slug])),
            "datasets": [dataset_entry(request, d) for d in datasets()],
        }
    )


@read_only
def dataset_list(request, key):
    dataset = dataset_get(key)
    if dataset is None:
        return no_such_dataset(key)
    try:
        page = api.page_of(request, dataset)
    except BadParameter as bad:
        return error(bad.message, 400, parameter=bad.name)
    return json_response(
        {
            "count": page.count,
            "next": api.page_link(request, page.page + 1 if page.has_next else None),
            "previous": api.page_link(request, page.previous),
            "results": page.rows,
        }
    )


@read_only
def dataset_detail(request, key, pk):
    dataset = dataset_get(key)
    if dataset is None:
        return no_such_dataset(key)
    row = api.row_by_id(request, dataset, pk)
    if row is None:
        return error(_("There is nothing with id %(id)s in %(key)s.") % {"id": pk[:20], "key": key}, 404)
    return json_response(row)


def csv_rows(request, dataset, filters):
    """The field names, then every row (streamed); booleans as in JSON. Cells are protected by core.exports."""
    names = [field.name for field in dataset.fields]
    yield names
    for row in api.all_rows(request, dataset, filters):
        yield [_json_bool(row[name]) for name in names]


def _json_bool(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


@read_only
def dataset_csv(request, key):
    dataset = dataset_get(key)
    if dataset is None:
        return no_such_dataset(key)
    try:
        filters = parse_filters(dataset, request.GET)
    except BadParameter as bad:
        return error(bad.message, 400, parameter=bad.name)
    filename = f"{request.municipality.slug}-{dataset.key}.csv"
    return csv_response(filename, csv_rows(request, dataset, filters), delimiter=COMMA, streaming=True)


def geojson_chunks(request, dataset, filters):
    """A FeatureCollection, streamed: each row a feature whose geometry is the row's geometry field (GeoJSON text,
    written as it is) and whose properties are the other fields."""
    yield '{"type":"FeatureCollection","features":['
    for number, row in enumerate(api.all_rows(request, dataset, filters)):
        geometry = row.get(dataset.geometry) or "null"
        properties = {name: value for name, value in row.items() if name != dataset.geometry}
        feature = f'{{"type":"Feature","id":{json.dumps(row.get("id"))},"geometry":{geometry},'
        yield ("," if number else "") + feature + f'"properties":{json.dumps(properties, ensure_ascii=False)}}}'
    yield "]}"


@read_only
def dataset_geojson(request, key):
    dataset = dataset_get(key)
    if dataset is None or not dataset.geometry:
        return no_such_dataset(f"{key}.geojson")
    try:
        filters = parse_filters(dataset, request.GET)
    except BadParameter as bad:
        return error(bad.message, 400, parameter=bad.name)
    response = StreamingHttpResponse(geojson_chunks(request, dataset, filters), content_type="application/geo+json")
    response["Content-Disposition"] = f'attachment; filename="{request.municipality.slug}-{dataset.key}.geojson"'
    return response


@read_only
def openapi_json(request):
    return json_response(openapi.document(request, datasets()))


@read_only
def api_not_found(request, rest=""):
    """JSON for any other address under the API; a missing final slash is added, as elsewhere on the site."""
    if request.path and not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.url_name != "api_not_found":
            return HttpResponsePermanentRedirect(request.path + "/")
    return error(_("There is no such address in the open-data API."), 404)


@read_only
def catalogue(request):
    body = dcat.catalogue_xml(request, datasets())
    return HttpResponse(body, content_type="application/rdf+xml; charset=utf-8")


def filters_with_values(dataset):
    """[(filter field, allowed values or None)] for the page's table of filters."""
    return [(field, choices(dataset, field.name)) for field in dataset.filters]


@require_http_methods(READ_METHODS)
def page(request):
    slug = request.municipality.slug
    context = {
        "datasets": [(d, api.dataset_links(request, d), filters_with_values(d)) for d in datasets()],
        "api_url": request.build_absolute_uri(reverse("opendata:api_index", args=[slug])),
        "openapi_url": request.build_absolute_uri(reverse("opendata:openapi", args=[slug])),
        "catalogue_url": request.build_absolute_uri(reverse("opendata:catalogue", args=[slug])),
        "license_url": str(dcat.license_uri()),
    }
    return render(request, "opendata/page.html", context)
