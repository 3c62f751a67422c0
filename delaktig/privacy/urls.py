"""Personal data and records, staff pages under /<kommun>/personal/personuppgifter/."""

from django.urls import path

from . import views

app_name = "privacy"

S = "<slug:municipality_slug>/personal/personuppgifter"

urlpatterns = [
    path(f"{S}/", views.overview, name="overview"),
    path(f"{S}/gallring/", views.retention, name="retention"),
    path(f"{S}/gallring/<slug:kind>/", views.retention_edit, name="retention_edit"),
    path(f"{S}/logg/", views.audit_log, name="audit_log"),
    path(f"{S}/logg.csv", views.audit_log_csv, name="audit_log_csv"),
    path(f"{S}/personer/", views.people, name="people"),
    path(f"{S}/personer/<int:person_id>/", views.person, name="person"),
    path(f"{S}/personer/<int:person_id>/skyddad-identitet/", views.person_protect, name="person_protect"),
    path(f"{S}/personer/<int:person_id>/registerutdrag/", views.person_extract, name="person_extract"),
    path(f"{S}/personer/<int:person_id>/registerutdrag.json", views.person_extract_json, name="person_extract_json"),
    path(f"{S}/personer/<int:person_id>/registerutdrag.pdf", views.person_extract_pdf, name="person_extract_pdf"),
]
