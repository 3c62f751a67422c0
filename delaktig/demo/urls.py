from django.urls import path

from . import views

app_name = "demo"

urlpatterns = [
    path("demo/inkorg/", views.inbox, name="inbox"),
    path("demo/inkorg/<int:pk>/", views.message, name="message"),
    path("demo/inkorg/<int:pk>/html/", views.message_html, name="message_html"),
]
