"""Public URLs, mounted under <municipality>/dialoger/<dialogue_id>/delta/<module_id>/forum_consultation/."""

from django.urls import path

from . import views

urlpatterns = [path("", views.index, name="index")]
