from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.detail, name="detail"),
    path("ideer/<int:input_id>/", views.idea, name="idea"),
    path("ideer/<int:input_id>/stod/", views.idea_support, name="support"),
    path("ideer/<int:input_id>/kommentera/", views.idea_comment, name="comment"),
]
