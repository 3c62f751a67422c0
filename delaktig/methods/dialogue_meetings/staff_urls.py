"""Staff URLs, mounted under <municipality>/personal/dialoger/<dialogue_id>/moduler/<module_id>/dialogue_meetings/."""

from django.urls import path

from .views import record, staff

urlpatterns = [
    path("", staff.index, name="index"),
    path("nytt-mote/", staff.meeting_add, name="meeting_add"),
    path("export.csv", staff.export_csv, name="export"),
    path("<int:meeting_id>/", staff.meeting, name="meeting"),
    path("<int:meeting_id>/andra/", staff.meeting_edit, name="meeting_edit"),
    path("<int:meeting_id>/flytta/", staff.meeting_move, name="meeting_move"),
    path("<int:meeting_id>/stall-in/", staff.meeting_cancel, name="meeting_cancel"),
    path("<int:meeting_id>/narvarolista.pdf", staff.signin_sheet, name="signin_sheet"),
    path("<int:meeting_id>/anmalda.csv", staff.attendance_csv, name="attendance_csv"),
    path(
        "<int:meeting_id>/anmalningar/<int:registration_id>/avboka/",
        staff.registration_cancel,
        name="registration_cancel",
    ),
    path("<int:meeting_id>/efter-motet/", record.record, name="record"),
    path("<int:meeting_id>/efter-motet/sagt/", record.statement_add, name="statement_add"),
    path("<int:meeting_id>/efter-motet/<int:statement_id>/", record.statement, name="statement"),
]
