from django.urls import path

from . import views

app_name = "mailings"

urlpatterns = [
    path("<slug:municipality_slug>/personal/utskick/<int:pk>/", views.mailing_detail, name="detail"),
]
