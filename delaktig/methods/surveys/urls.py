"""Public URLs, mounted under <municipality>/dialoger/<dialogue_id>/delta/<module_id>/surveys/."""

from django.urls import path

from .views import answer, public_results

urlpatterns = [
    path("", answer.index, name="index"),
    path("svara/<int:number>/", answer.page, name="page"),
    path("svara/om-dig/", answer.about, name="about"),
    path("svara/granska/", answer.check, name="check"),
    path("svara/borja-om/", answer.restart, name="restart"),
    path("sparad/", answer.saved, name="saved"),
    path("tack/", answer.done, name="done"),
    path("fortsatt/<str:token>/", answer.draft, name="draft"),
    path("inbjudan/<str:token>/", answer.invitation, name="invitation"),
    path("resultat/", public_results.results, name="results"),
]
