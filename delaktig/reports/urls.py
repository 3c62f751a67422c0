"""The yearly report to the council, as HTML, PDF, Word and XLSX."""

from django.urls import path

from . import views

app_name = "reports"

S = "<slug:municipality_slug>/personal"

urlpatterns = [
    path(f"{S}/arsrapport/", views.yearly_report, name="yearly"),
    path(f"{S}/arsrapport/<int:year>/<slug:fmt>/", views.yearly_report_download, name="download"),
]
