"""The site's URLs plus the benchmark baselines (ROOT_URLCONF of config.settings_bench only)."""

from django.urls import path

from bench.benchapp import views
from config.urls import handler400, handler403, handler404, handler500  # noqa: F401
from config.urls import urlpatterns as site_patterns

M = "<slug:municipality_slug>"

urlpatterns = [
    path("bench/ping/", views.ping, name="bench_ping"),
    # Under the municipality prefix like the real endpoints, so the same middleware work happens.
    path(f"{M}/bench/<int:pk>/bare/", views.bare_sign, name="bench_bare_sign"),
    path(f"{M}/bench/<int:pk>/naive/", views.naive_sign, name="bench_naive_sign"),
    path(f"{M}/bench/<int:pk>/logged-in-floor/", views.logged_in_floor, name="bench_logged_in_floor"),
    path(f"{M}/bench/<int:pk>/naive-page/", views.naive_detail, name="bench_naive_detail"),
    path(f"{M}/bench/map/<int:module_pk>/raw/", views.map_raw, name="bench_map_raw"),
    *site_patterns,
]
