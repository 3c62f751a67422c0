"""The yearly report to the council: staff pages under /personal/arsrapport/, the presented reports publicly."""

from django.urls import path

from . import views

app_name = "reports"

M = "<slug:municipality_slug>"
S = f"{M}/personal/arsrapport"
Y = f"{S}/<int:year>"
P = f"{M}/arsrapporter"

urlpatterns = [
    path(f"{S}/", views.yearly_report, name="yearly"),
    path(f"{Y}/texter/", views.report_texts, name="texts"),
    path(f"{Y}/generera/", views.report_generate, name="generate"),
    path(f"{Y}/generering/<int:generation_id>/", views.generation_detail, name="generation"),
    path(f"{Y}/presentera/", views.report_present, name="present"),
    path(f"{Y}/<slug:fmt>/", views.yearly_report_download, name="download"),
    path(f"{P}/", views.public_reports, name="public_list"),
    path(f"{P}/<int:year>/pdf/", views.public_download, {"fmt": "pdf"}, name="public_pdf"),
    path(f"{P}/<int:year>/word/", views.public_download, {"fmt": "docx"}, name="public_docx"),
]
