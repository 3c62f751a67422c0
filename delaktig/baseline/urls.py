"""The baseline: the public summary under /delaktighet-i-siffror/, staff pages under /personal/kartlaggning/."""

from django.urls import path

from .views import public, staff

app_name = "baseline"

M = "<slug:municipality_slug>"
S = f"{M}/personal/kartlaggning"

urlpatterns = [
    path(f"{M}/delaktighet-i-siffror/", public.summary, name="public"),
    path(f"{S}/", staff.overview, name="staff_baseline"),
    path(f"{S}/<int:year>.xlsx", staff.overview_xlsx, name="staff_baseline_xlsx"),
    path(f"{S}/aktiviteter/", staff.activities, name="staff_activities"),
    path(f"{S}/aktiviteter/ny/", staff.activity_create, name="staff_activity_create"),
    path(f"{S}/aktiviteter/<int:pk>/", staff.activity_edit, name="staff_activity"),
    path(f"{S}/aktiviteter/<int:pk>/ta-bort/", staff.activity_delete, name="staff_activity_delete"),
    path(f"{S}/importera/", staff.import_activities, name="staff_import"),
    path(f"{S}/importera/mall.xlsx", staff.import_template, name="staff_import_template"),
    path(f"{S}/kapacitet/", staff.capacity, name="staff_capacity"),
    path(f"{S}/kapacitet/<int:pk>/", staff.capacity_edit, name="staff_capacity_edit"),
]
