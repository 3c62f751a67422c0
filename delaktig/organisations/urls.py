from django.urls import path

from . import views, views_areas

app_name = "organisations"

S = "<slug:municipality_slug>/personal/installningar"

urlpatterns = [
    path(f"{S}/", views.settings_edit, name="settings"),
    path(f"{S}/checklista/", views.checklist_questions, name="checklist"),
    path(f"{S}/checklista/<int:pk>/", views.checklist_question_edit, name="checklist_edit"),
    path(f"{S}/checklista/ny/", views.checklist_question_create, name="checklist_create"),
    path(f"{S}/organisation/", views.organisation, name="organisation"),
    path(
        f"{S}/organisation/<int:user_id>/tvastegsverifiering/",
        views.two_factor_reset,
        name="two_factor_reset",
    ),
    path(f"{S}/omraden/", views_areas.areas, name="areas"),
    path(f"{S}/omraden/former/", views_areas.area_shapes, name="area_shapes"),
    path(f"{S}/omraden/<int:pk>/", views_areas.area_edit, name="area_edit"),
    path(f"{S}/omraden/<int:pk>/ta-bort/", views_areas.area_delete, name="area_delete"),
]
