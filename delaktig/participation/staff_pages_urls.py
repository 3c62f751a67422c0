from django.urls import path

from . import views, views_desk, views_population

app_name = "participation"

S = "<slug:municipality_slug>/personal"
D = f"{S}/dialoger/<int:pk>"

urlpatterns = [
    path(f"{D}/moduler/ny/", views.module_add, name="module_add"),
    path(f"{D}/moduler/<int:module_id>/fas/ny/", views.phase_add, name="phase_add"),
    path(f"{D}/registrera/", views_desk.desk, name="desk"),
    path(f"{D}/registrera/<int:record_id>/angra/", views_desk.desk_undo, name="desk_undo"),
    path(f"{S}/moderering/", views.moderation, name="moderation"),
    path(f"{S}/befolkning/", views_population.population, name="population"),
    path(f"{S}/befolkning/exempel.csv", views_population.population_sample, name="population_sample"),
    path(f"{S}/befolkning/<int:year>/ta-bort/", views_population.population_delete, name="population_delete"),
]
