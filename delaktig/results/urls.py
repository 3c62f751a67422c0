"""Results of dialogues: the workspace, themes, quotes and participation figures."""

from django.urls import path

from .views import codebook, inputs, overview, suggestions

app_name = "results"

W = "<slug:municipality_slug>/personal/dialoger/<int:dialogue_id>/resultat/arbetsyta"

urlpatterns = [
    path(f"{W}/", overview.overview, name="overview"),
    path(f"{W}/siffror.csv", overview.figures_csv, name="figures_csv"),
    path(f"{W}/inlagg/", inputs.inputs, name="inputs"),
    path(f"{W}/citat/nytt/", inputs.quote_create, name="quote_create"),
    path(f"{W}/citat/<int:quote_id>/ta-bort/", inputs.quote_delete, name="quote_delete"),
    path(f"{W}/kodbok/", codebook.codebook, name="codebook"),
    path(f"{W}/kodbok/<int:theme_id>/", codebook.theme_edit, name="theme_edit"),
    path(f"{W}/kodbok/<int:theme_id>/sla-ihop/", codebook.theme_merge, name="theme_merge"),
    path(f"{W}/kodbok/<int:theme_id>/ta-bort/", codebook.theme_delete, name="theme_delete"),
    path(f"{W}/forslag/", suggestions.suggestions, name="suggestions"),
    path(f"{W}/forslag/<int:run_id>/<int:index>/", suggestions.suggestion_act, name="suggestion_act"),
]
