"""Open data: the read-only public API, CSV downloads and the DCAT-AP-SE catalogue."""

from django.urls import path, re_path

from . import views

app_name = "opendata"

M = "<slug:municipality_slug>"
A = f"{M}/api/v1"

urlpatterns = [
    path(f"{A}/", views.api_index, name="api_index"),
    path(f"{A}/openapi.json", views.openapi_json, name="openapi"),
    path(f"{A}/<slug:key>.csv", views.dataset_csv, name="dataset_csv"),
    path(f"{A}/<slug:key>.geojson", views.dataset_geojson, name="dataset_geojson"),
    path(f"{A}/<slug:key>/", views.dataset_list, name="dataset_list"),
    path(f"{A}/<slug:key>/<str:pk>/", views.dataset_detail, name="dataset_detail"),
    re_path(r"^(?P<municipality_slug>[-a-zA-Z0-9_]+)/api/v1/(?P<rest>.*)$", views.api_not_found, name="api_not_found"),
    path(f"{M}/oppna-data/", views.page, name="page"),
    path(f"{M}/oppna-data/katalog.rdf", views.catalogue, name="catalogue"),
]
