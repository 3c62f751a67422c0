"""Staff URLs, mounted under <municipality>/personal/dialoger/<dialogue_id>/moduler/<module_id>/map_input/."""

from django.urls import path

from .views import staff

urlpatterns = [
    path("", staff.index, name="index"),
    path("inmatningar/", staff.inputs, name="inputs"),
    path("moderering/", staff.moderation, name="moderation"),
    path("moderering/<slug:kind>/<int:pk>/", staff.moderate, name="moderate"),
    path("kategorier/", staff.categories, name="categories"),
    path("kategorier/<int:category_id>/", staff.category_edit, name="category_edit"),
    path("platser/", staff.places, name="places"),
    path("platser/<int:place_id>/", staff.place_edit, name="place_edit"),
    path("bakgrund/", staff.background, name="background"),
    path("inmatningar.csv", staff.export_csv, name="export_csv"),
    path("inmatningar.geojson", staff.export_geojson, name="export_geojson"),
]
