"""Standing forums: public pages under /<kommun>/rad-och-forum/, staff pages under /personal/rad-och-forum/."""

from django.urls import path

from .views import public, staff

app_name = "forums"

M = "<slug:municipality_slug>"
P = f"{M}/rad-och-forum"
S = f"{M}/personal/rad-och-forum"
F = f"{S}/<int:forum_id>"
C = f"{F}/arenden/<int:forum_consultation_id>"

urlpatterns = [
    path(f"{P}/", public.forums, name="forums"),
    path(f"{P}/<int:forum_id>/", public.forum, name="forum"),
    path(f"{P}/<int:forum_id>/moten/<int:forum_meeting_id>/<slug:slug>.pdf", public.meeting_file, name="meeting_file"),
    path(f"{S}/", staff.forums, name="staff_forums"),
    path(f"{S}/nytt/", staff.forum_create, name="staff_forum_create"),
    path(f"{F}/", staff.forum, name="staff_forum"),
    path(f"{F}/andra/", staff.forum_edit, name="staff_forum_edit"),
    path(f"{F}/ledamoter/ny/", staff.member_edit, name="staff_member_create"),
    path(f"{F}/ledamoter/<int:forum_member_id>/", staff.member_edit, name="staff_member"),
    path(f"{F}/moten/nytt/", staff.meeting_edit, name="staff_meeting_create"),
    path(f"{F}/moten/<int:forum_meeting_id>/", staff.meeting_edit, name="staff_meeting"),
    path(f"{F}/arenden/nytt/", staff.consultation_edit, name="staff_consultation_create"),
    path(f"{C}/", staff.consultation_edit, name="staff_consultation"),
    path(f"{C}/yttranden/nytt/", staff.statement_edit, name="staff_statement_create"),
    path(f"{C}/yttranden/<int:forum_statement_id>/", staff.statement_edit, name="staff_statement"),
]
