from django.urls import path

from . import staff_views, views

app_name = "identity"

K = "<slug:municipality_slug>/konto"
S = "<slug:municipality_slug>/personal/installningar/inloggning"

urlpatterns = [
    path(f"{K}/e-legitimation/", views.eid_start, name="eid_start"),
    path(f"{K}/kommunens-konto/", views.sso_start, name="sso_start"),
    path(f"{K}/inloggning/svar/", views.callback, name="callback"),
    path(f"{K}/e-legitimation/nytt-konto/", views.new_account, name="new_account"),
    path(f"{K}/e-legitimation/koppla/", views.link, name="link"),
    path(f"{K}/mina-sidor/e-legitimation/ta-bort/", views.unlink, name="unlink"),
    path(f"{S}/", staff_views.providers, name="providers"),
    path(f"{S}/ny/<str:kind>/", staff_views.provider_create, name="provider_create"),
    path(f"{S}/<int:pk>/", staff_views.provider_edit, name="provider_edit"),
    path(f"{S}/<int:pk>/ta-bort/", staff_views.provider_delete, name="provider_delete"),
]
