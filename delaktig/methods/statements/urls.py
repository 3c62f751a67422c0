"""Public URLs, mounted under <municipality>/dialoger/<dialogue_id>/delta/<module_id>/statements/."""

from django.urls import path

from .views import public

urlpatterns = [
    path("", public.index, name="index"),
    path("rosta/", public.vote, name="vote"),
    path("mina-roster/", public.my_votes, name="my_votes"),
    path("nytt/", public.create, name="create"),
    path("nytt/<int:statement_id>/tack/", public.create_done, name="create_done"),
    path("grupper/", public.groups, name="groups"),
]
