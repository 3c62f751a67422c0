"""Staff URLs, mounted under <municipality>/personal/dialoger/<dialogue_id>/moduler/<module_id>/open_input/."""

from django.urls import path

from .views import staff

urlpatterns = [
    path("", staff.index, name="index"),
    path("moderering/", staff.moderation, name="moderation"),
    path("moderering/<slug:kind>/<int:pk>/", staff.moderate, name="moderate"),
    path("kategorier/", staff.categories, name="categories"),
    path("export.csv", staff.export_csv, name="export"),
]
