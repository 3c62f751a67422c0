"""Public URLs, mounted under <municipality>/dialoger/<dialogue_id>/delta/<module_id>/map_input/."""

from django.urls import path

from .views import public

urlpatterns = [
    path("", public.index, name="index"),
    path("ny/", public.create, name="create"),
    path("karta.geojson", public.features, name="features"),
    path("omraden.geojson", public.districts, name="districts"),
    path("<int:input_id>/", public.input_detail, name="detail"),
    path("<int:input_id>/tack/", public.create_done, name="create_done"),
    path("<int:input_id>/stod/", public.support, name="support"),
    path("<int:input_id>/kommentera/", public.comment, name="comment"),
    path("<int:input_id>/foto/", public.photo, name="photo"),
]
