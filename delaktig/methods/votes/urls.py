"""Public URLs, mounted under <municipality>/dialoger/<dialogue_id>/delta/<module_id>/votes/."""

from django.urls import path

from .views import public

urlpatterns = [
    path("", public.index, name="index"),
    path("rosta/", public.cast, name="cast"),
    path("din-rost/", public.receipt, name="receipt"),
    path("skickad/", public.sent, name="sent"),
    path("bekrafta/<str:token>/", public.confirm, name="confirm"),
    path("resultat/", public.results, name="results"),
    path("resultat/rostsedlar.csv", public.ballots_csv, name="ballots_csv"),
    path("bilder/<int:image_id>/", public.image, name="image"),
    path("alternativ/<int:alternative_id>/pdf/", public.pdf, name="pdf"),
]
