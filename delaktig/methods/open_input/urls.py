"""Public URLs, mounted under <municipality>/dialoger/<dialogue_id>/delta/<module_id>/open_input/."""

from django.urls import path

from .views import create, public

urlpatterns = [
    path("", public.index, name="index"),
    path("ny/", create.create_write, name="create"),
    path("ny/kontrollera/", create.create_check, name="create_check"),
    path("<int:input_id>/", public.input_detail, name="detail"),
    path("<int:input_id>/tack/", create.create_done, name="create_done"),
    path("<int:input_id>/stod/", public.support, name="support"),
    path("<int:input_id>/kommentera/", public.comment, name="comment"),
]
