from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("logga-in/", views.login_view, name="login"),
    path("logga-ut/", views.logout_view, name="logout"),
    path("skapa-konto/", views.register, name="register"),
    path("skapa-konto/klart/", views.register_done, name="register_done"),
    path("bekrafta/<str:token>/", views.confirm_email, name="confirm_email"),
    path("bekrafta-igen/", views.resend_confirmation, name="resend_confirmation"),
    path("mina-sidor/", views.my_pages, name="my_pages"),
    path("mina-sidor/mina-uppgifter.json", views.my_data, name="my_data"),
    path("mina-sidor/radera/", views.delete_account, name="delete_account"),
]
