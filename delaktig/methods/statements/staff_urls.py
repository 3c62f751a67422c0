"""Staff URLs, mounted under <municipality>/personal/dialoger/<dialogue_id>/moduler/<module_id>/statements/."""

from django.urls import path

from .views import staff

urlpatterns = [
    path("", staff.index, name="index"),
    path("analysera/", staff.analyse, name="analyse"),
    path("pastaenden/", staff.statements, name="statements"),
    path("moderering/", staff.moderation, name="moderation"),
    path("moderering/<int:statement_id>/", staff.moderate, name="moderate"),
]
