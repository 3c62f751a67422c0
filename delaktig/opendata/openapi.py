"""The OpenAPI 3.0.3 document of one municipality's API, generated from the Dataset definitions.

Every dataset gets its list, CSV and (when it has `detail`) detail paths, its filters as typed query
parameters with the limits params.py enforces, and a row schema listing exactly its fields.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from .catalogue import license_uri
from .params import PAGE_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, STRING_MAX, choices, integer_bounds

VERSION = "1.0.0"
NO_CONTROL_CHARACTERS = "^[^\\x00-\\x1f\\x7f]*$"
TYPES = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "date": {"type": "string", "format": "date"},
    "date-time": {"type": "string", "format": "date-time"},
}
ERROR_REF = {"$ref": "#/components/responses/Error"}


def field_schema(field):
    schema = {**TYPES[field.type], "description": str(field.description)}
    if field.nullable:
        schema["nullable"] = True
    return schema


def row_schema(dataset):
    return {
        "type": "object",
        "description": str(dataset.description),
        "properties": {field.name: field_schema(field) for field in dataset.fields},
        "required": [field.name for field in dataset.fields],
        "additionalProperties": False,
    }


def page_schema(dataset):
    link = {"type": "string", "format": "uri", "nullable": True}
    return {
        "type": "object",
        "properties": {
            "count": {"type": "integer", "minimum": 0},
            "next": link,
            "previous": link,
            "results": {"type": "array", "items": {"$ref": f"#/components/schemas/{dataset.key}"}},
        },
        "required": ["count", "next", "previous", "results"],
        "additionalProperties": False,
    }


def filter_parameter(dataset, field):
    schema = dict(TYPES[field.type])
    if field.type == "integer":
        schema["minimum"], schema["maximum"] = integer_bounds(dataset, field.name)
    elif field.type == "string":
        allowed = choices(dataset, field.name)
        if allowed is not None:
            schema["enum"] = list(allowed)
        else:
            schema.update(maxLength=STRING_MAX, pattern=NO_CONTROL_CHARACTERS)
    description = str(field.description)
    return {"name": field.name, "in": "query", "required": False, "description": description, "schema": schema}


def json_response(description, ref):
    return {"description": description, "content": {"application/json": {"schema": {"$ref": ref}}}}


def list_operation(dataset):
    return {
        "get": {
            "operationId": f"{dataset.key}-list",
            "summary": str(dataset.title),
            "description": str(dataset.description),
            "parameters": [
                {"$ref": "#/components/parameters/page"},
                {"$ref": "#/components/parameters/page_size"},
                *(filter_parameter(dataset, field) for field in dataset.filters),
            ],
            "responses": {
                "200": json_response(_("One page of rows"), f"#/components/schemas/{dataset.key}-page"),
                "400": ERROR_REF,
            },
        }
    }


def csv_operation(dataset):
    return {
        "get": {
            "operationId": f"{dataset.key}-csv",
            "summary": _("%(title)s as CSV") % {"title": dataset.title},
            "parameters": [filter_parameter(dataset, field) for field in dataset.filters],
            "responses": {
                "200": {
                    "description": _("Every row as CSV (UTF-8 with BOM), a header row of field names first"),
                    "content": {"text/csv": {"schema": {"type": "string"}}},
                },
                "400": ERROR_REF,
            },
        }
    }


def geojson_operation(dataset):
    return {
        "get": {
            "operationId": f"{dataset.key}-geojson",
            "summary": _("%(title)s as GeoJSON") % {"title": dataset.title},
            "parameters": [filter_parameter(dataset, field) for field in dataset.filters],
            "responses": {
                "200": {
                    "description": _("Every row as a feature of a GeoJSON FeatureCollection (WGS 84)"),
                    "content": {"application/geo+json": {"schema": {"type": "object"}}},
                },
                "400": ERROR_REF,
            },
        }
    }


def detail_operation(dataset):
    return {
        "get": {
            "operationId": f"{dataset.key}-detail",
            "summary": _("One row of %(title)s") % {"title": dataset.title},
            "parameters": [
                {
                    "name": "id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1},
                }
            ],
            "responses": {
                "200": json_response(_("The row"), f"#/components/schemas/{dataset.key}"),
                "404": {"$ref": "#/components/responses/NotFound"},
            },
        }
    }


def index_operation():
    item = {
        "type": "object",
        "properties": {
            key: {"type": "string"} for key in ("key", "title", "description", "url", "csv", "geojson", "detail")
        },
        "required": ["key", "title", "description", "url", "csv"],
    }
    schema = {
        "type": "object",
        "properties": {
            "municipality": {"type": "string"},
            "openapi": {"type": "string"},
            "catalogue": {"type": "string"},
            "datasets": {"type": "array", "items": item},
        },
        "required": ["municipality", "openapi", "catalogue", "datasets"],
    }
    return {
        "get": {
            "operationId": "index",
            "summary": _("The datasets of the API"),
            "responses": {
                "200": {"description": _("The datasets"), "content": {"application/json": {"schema": schema}}}
            },
        }
    }


def paths(datasets):
    found = {"/": index_operation()}
    for dataset in datasets:
        found[f"/{dataset.key}/"] = list_operation(dataset)
        found[f"/{dataset.key}.csv"] = csv_operation(dataset)
        if dataset.geometry:
            found[f"/{dataset.key}.geojson"] = geojson_operation(dataset)
        if dataset.detail is not None:
            found[f"/{dataset.key}/{{id}}/"] = detail_operation(dataset)
    return found


def components(datasets):
    schemas = {"Error": error_schema()}
    for dataset in datasets:
        schemas[dataset.key] = row_schema(dataset)
        schemas[f"{dataset.key}-page"] = page_schema(dataset)
    error_content = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    return {
        "schemas": schemas,
        "parameters": {
            "page": page_parameter("page", _("Page number, from 1"), 1, PAGE_MAX, 1),
            "page_size": page_parameter("page_size", _("Rows per page"), 1, PAGE_SIZE_MAX, PAGE_SIZE_DEFAULT),
        },
        "responses": {
            "Error": {"description": _("A parameter has a value that is not allowed"), "content": error_content},
            "NotFound": {"description": _("There is no such row"), "content": error_content},
        },
    }


def page_parameter(name, description, low, high, default):
    schema = {"type": "integer", "minimum": low, "maximum": high, "default": default}
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def error_schema():
    return {
        "type": "object",
        "properties": {"error": {"type": "string"}, "parameter": {"type": "string"}},
        "required": ["error"],
    }


def document(request, datasets):
    municipality = request.municipality
    base = request.build_absolute_uri(reverse("opendata:api_index", args=[municipality.slug])).rstrip("/")
    return {
        "openapi": "3.0.3",
        "info": {
            "title": _("Open data from %(municipality)s") % {"municipality": municipality.name},
            "version": VERSION,
            "description": _(
                "Read-only public data about citizen dialogue: dialogues, phases, results, feedback and proposals. "
                "No personal data. Lists are paginated; filters are query parameters."
            ),
            "license": {"name": _("Licence"), "url": str(license_uri())},
        },
        "servers": [{"url": base}],
        "paths": paths(datasets),
        "components": components(datasets),
    }
