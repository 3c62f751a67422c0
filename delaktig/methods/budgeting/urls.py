"""Public URLs, mounted under <municipality>/dialoger/<dialogue_id>/delta/<module_id>/budgeting/."""

from django.urls import path

from .views import propose, public, vote

urlpatterns = [
    path("", public.index, name="index"),
    path("forslag/ny/", propose.create, name="create"),
    path("forslag/<int:input_id>/", public.input_detail, name="detail"),
    path("forslag/<int:input_id>/tack/", propose.create_done, name="create_done"),
    path("forslag/<int:input_id>/stod/", public.support, name="support"),
    path("forslag/<int:input_id>/kommentera/", public.comment, name="comment"),
    path("rosta/", vote.district, name="district"),
    path("rosta/<int:budget_id>/", vote.ballot, name="ballot"),
    path("rosta/<int:budget_id>/tack/", vote.ballot_done, name="ballot_done"),
    path("resultat/", public.result, name="result"),
    path("omraden.geojson", public.districts, name="districts"),
]
