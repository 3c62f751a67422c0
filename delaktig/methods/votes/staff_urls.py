"""Staff URLs, mounted under <municipality>/personal/dialoger/<dialogue_id>/moduler/<module_id>/votes/."""

from django.urls import path

from .views import staff

urlpatterns = [
    path("", staff.index, name="index"),
    path("installningar/", staff.settings, name="settings"),
    path("alternativ/ny/", staff.alternative_add, name="alternative_add"),
    path("alternativ/<int:alternative_id>/", staff.alternative_edit, name="alternative_edit"),
    path("resultat/", staff.results, name="results"),
]
