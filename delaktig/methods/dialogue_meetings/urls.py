"""Public URLs, mounted under <municipality>/dialoger/<dialogue_id>/delta/<module_id>/dialogue_meetings/."""

from django.urls import path

from .views import public, register

urlpatterns = [
    path("", public.index, name="index"),
    path("<int:meeting_id>/", public.meeting, name="meeting"),
    path("<int:meeting_id>/kalender.ics", public.calendar, name="calendar"),
    path("<int:meeting_id>/anmal/", register.register, name="register"),
    path("<int:meeting_id>/anmal/skickat/", register.register_sent, name="register_sent"),
    path("<int:meeting_id>/min-anmalan/", register.link_again, name="link_again"),
    path("anmalan/<str:token>/", register.registration, name="registration"),
    path("anmalan/<str:token>/avboka/", register.cancel, name="cancel"),
]
