"""Council meetings and question time: public pages under /sammantraden/ and /fragestund/, staff pages under
/personal/fragestund/."""

from django.urls import path

from .views import public, staff

app_name = "council"

M = "<slug:municipality_slug>"
S = f"{M}/personal/fragestund"

urlpatterns = [
    # Public site
    path(f"{M}/sammantraden/", public.calendar, name="calendar"),
    path(f"{M}/sammantraden/organ/<int:body_id>/", public.body_calendar, name="body"),
    path(f"{M}/sammantraden/organ/<int:body_id>/kalender.ics", public.body_ics, name="body_ics"),
    path(f"{M}/sammantraden/<int:pk>/", public.meeting, name="meeting"),
    path(f"{M}/sammantraden/<int:pk>/fragor.pdf", public.meeting_appendix, name="appendix"),
    path(f"{M}/sammantraden/<int:pk>/dagordning.pdf", public.agenda, name="agenda"),
    path(f"{M}/fragestund/<int:body_id>/stall-en-fraga/", public.ask, name="ask"),
    path(f"{M}/fragestund/fragor/<int:pk>/kvitto/", public.receipt, name="receipt"),
    path(f"{M}/fragestund/fragor/<int:pk>/ta-tillbaka/", public.withdraw, name="withdraw"),
    path(f"{M}/fragestund/arkiv/", public.archive, name="archive"),
    # Staff workspace
    path(f"{S}/", staff.overview, name="staff_overview"),
    path(f"{S}/organ/<int:body_id>/", staff.meetings, name="staff_meetings"),
    path(f"{S}/organ/<int:body_id>/nytt-mote/", staff.meeting_create, name="staff_meeting_create"),
    path(f"{S}/organ/<int:body_id>/installningar/", staff.settings_edit, name="staff_settings"),
    path(f"{S}/organ/<int:body_id>/moten/<int:pk>/", staff.meeting_edit, name="staff_meeting"),
    path(f"{S}/organ/<int:body_id>/moten/<int:pk>/installt/", staff.meeting_cancel, name="staff_meeting_cancel"),
    path(f"{S}/fragor/", staff.queue, name="staff_queue"),
    path(f"{S}/fragor/<int:pk>/", staff.question, name="staff_question"),
]
