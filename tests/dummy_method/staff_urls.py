from django.urls import path

from . import views

urlpatterns = [
    path("", views.staff_index, name="index"),
    path("moderering/", views.staff_moderation, name="moderation"),
    path("inlagg/<int:input_id>/", views.staff_input, name="input"),
    path("ideer/moderering/", views.idea_moderation, name="idea_moderation"),
    path("moderering/<slug:kind>/<int:pk>/", views.idea_moderate, name="moderate"),
]
