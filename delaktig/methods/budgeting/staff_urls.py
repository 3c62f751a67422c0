"""Staff URLs, mounted under <municipality>/personal/dialoger/<dialogue_id>/moduler/<module_id>/budgeting/."""

from django.urls import path

from .views import staff

urlpatterns = [
    path("", staff.index, name="index"),
    path("granskning/", staff.review, name="review"),
    path("granskning/<int:project_id>/", staff.review_project, name="review_project"),
    path("resultat/", staff.result, name="result"),
    path("budgetar/", staff.budgets, name="budgets"),
    path("budgetar/<int:budget_id>/", staff.budget_edit, name="budget_edit"),
    path("moderering/", staff.moderation, name="moderation"),
    path("moderering/<slug:kind>/<int:pk>/", staff.moderate, name="moderate"),
    path("forslag.csv", staff.export_csv, name="export_csv"),
]
