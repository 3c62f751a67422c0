"""The action plan for participation, training and ambassadors: staff pages under /personal/handlingsplan/."""

from django.urls import path

from .views import staff

app_name = "actionplan"

S = "<slug:municipality_slug>/personal/handlingsplan"

urlpatterns = [
    path(f"{S}/", staff.overview, name="overview"),
    path(f"{S}/ny/", staff.plan_new, name="plan_new"),
    path(f"{S}/<int:pk>/andra/", staff.plan_edit, name="plan_edit"),
    path(f"{S}/<int:pk>/mal/", staff.goal_add, name="goal_add"),
    path(f"{S}/<int:pk>/atgard/ny/", staff.action_new, name="action_new"),
    path(f"{S}/atgard/<int:pk>/", staff.action, name="action"),
    path(f"{S}/atgard/<int:pk>/andra/", staff.action_edit, name="action_edit"),
    path(f"{S}/utbildning/", staff.training, name="training"),
    path(f"{S}/utbildning/ny/", staff.training_add, name="training_add"),
    path(f"{S}/utbildning/genomford/", staff.training_record, name="training_record"),
    path(f"{S}/utbildning/ambassador/", staff.ambassador_appoint, name="ambassador_appoint"),
]
