from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.root, name="root"),
    path("favicon.ico", views.favicon, name="favicon"),  # asked for by browsers and feed readers that read no <link>
    path("<slug:municipality_slug>/tillganglighet/", views.accessibility, name="accessibility"),
    path("<slug:municipality_slug>/integritet/", views.privacy, name="privacy"),
    path("<slug:municipality_slug>/lattlast/", views.easy_read, name="easy_read"),
    path("<slug:municipality_slug>/", views.home, name="home"),
]
