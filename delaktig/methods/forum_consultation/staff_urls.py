"""Staff URLs, mounted under <municipality>/personal/dialoger/<dialogue_id>/moduler/<module_id>/forum_consultation/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.staff_index, name="index"),
    path("forum/", views.choose, name="choose"),
    path("yttrande/", views.record, name="record"),
    path("valj/", views.pick, name="pick"),
]
