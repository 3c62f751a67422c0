from django.urls import path

from . import views

app_name = "participation"

S = "<slug:municipality_slug>/personal"
D = f"{S}/dialoger/<int:pk>"

urlpatterns = [
    path(f"{D}/moduler/ny/", views.module_add, name="module_add"),
    path(f"{D}/moduler/<int:module_id>/fas/ny/", views.phase_add, name="phase_add"),
    path(f"{S}/moderering/", views.moderation, name="moderation"),
]
