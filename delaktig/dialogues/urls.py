from django.urls import path

from .views import public, staff

app_name = "dialogues"

M = "<slug:municipality_slug>"
S = f"{M}/personal"
D = f"{S}/dialoger/<int:pk>"

urlpatterns = [
    # Public site
    path(f"{M}/dialoger/", public.dialogue_list, name="list"),
    path(f"{M}/dialoger/<int:pk>/", public.dialogue_redirect, name="detail_short"),
    path(f"{M}/dialoger/<int:pk>/<slug:slug>/", public.dialogue_detail, name="detail"),
    path(f"{M}/dialoger/<int:pk>/<slug:slug>/lattlast/", public.dialogue_easy_read, name="easy_read"),
    path(f"{M}/dialoger/<int:pk>/<slug:slug>/folj/", public.dialogue_follow, name="follow"),
    # Staff workspace
    path(f"{S}/", staff.dashboard, name="staff_dashboard"),
    path(f"{S}/dialoger/", staff.dialogue_list, name="staff_list"),
    path(f"{S}/dialoger/ny/", staff.dialogue_create, name="staff_create"),
    path(f"{D}/", staff.dialogue_detail, name="staff_detail"),
    path(f"{D}/andra/", staff.dialogue_edit, name="staff_edit"),
    path(f"{D}/checklista/", staff.checklist, name="staff_checklist"),
    path(f"{D}/beslut/", staff.decision, name="staff_decision"),
    path(f"{D}/plan/", staff.plan, name="staff_plan"),
    path(f"{D}/resultat/", staff.results, name="staff_results"),
    path(f"{D}/beslut-i-arendet/", staff.matter_decision, name="staff_matter_decision"),
    path(f"{D}/aterkoppling/", staff.feedback, name="staff_feedback"),
    path(f"{D}/utvardering/", staff.evaluation, name="staff_evaluation"),
    path(f"{D}/avbryt/", staff.cancel, name="staff_cancel"),
    path(f"{D}/stang/", staff.close, name="staff_close"),
    path(f"{D}/steg/<slug:step>/", staff.take_step, name="staff_step"),
    path(f"{D}/handelser/", staff.audit_log, name="staff_audit"),
    path(f"{S}/oversikt/", staff.council_overview, name="council_overview_current"),
    path(f"{S}/oversikt/<int:year>/", staff.council_overview, name="council_overview"),
    path(f"{S}/oversikt/<int:year>/export.csv", staff.council_overview_csv, name="council_overview_csv"),
]
