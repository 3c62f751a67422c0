from django.urls import path

from . import views

app_name = "archive"

B = "<slug:municipality_slug>/personal/dialoger/<int:dialogue_id>/arkivering"

urlpatterns = [
    path(f"{B}/", views.export_start, name="start"),
    path(f"{B}/<int:export_id>/", views.export_detail, name="detail"),
    path(f"{B}/<int:export_id>/zip/", views.export_download, name="download"),
]
