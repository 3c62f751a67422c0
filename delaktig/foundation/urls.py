from django.urls import path

from . import views

app_name = "foundation"

M = "<slug:municipality_slug>"
S = f"{M}/personal"

urlpatterns = [
    path(f"{M}/principer/", views.principles, name="principles"),
    path(f"{M}/principer/version-<int:version>/", views.principles_version, name="principles_version"),
    path(f"{M}/verktygslada/", views.toolbox, name="toolbox"),
    path(f"{M}/verktygslada/<slug:slug>/", views.toolbox_method, name="toolbox_method"),
    path(f"{S}/handbok/", views.handbook, name="handbook"),
    path(f"{S}/handbok/ny/", views.handbook_page_create, name="handbook_create"),
    path(f"{S}/handbok/<slug:slug>/", views.handbook_page, name="handbook_page"),
    path(f"{S}/handbok/<slug:slug>/andra/", views.handbook_page_edit, name="handbook_edit"),
    path(f"{S}/principer/ny/", views.principles_create, name="principles_create"),
    path(f"{S}/verktygslada/ny/", views.toolbox_method_create, name="toolbox_create"),
    path(f"{S}/verktygslada/<slug:slug>/andra/", views.toolbox_method_edit, name="toolbox_edit"),
]
