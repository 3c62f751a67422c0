"""Account pages, mounted twice (see links.py): /konto/… and /<municipality>/konto/… with the same names.

reverse("accounts:my_pages") gives the first, reverse("accounts:my_pages", args=[slug]) the second.
"""

from django.urls import include, path

from . import views, views_credentials
from . import views_twofactor as twofactor

app_name = "accounts"

account_patterns = [
    path("logga-in/", views.login_view, name="login"),
    path("logga-in/kod/", twofactor.login_code, name="login_code"),
    path("logga-in/reservkod/", twofactor.login_recovery, name="login_recovery"),
    path("logga-ut/", views.logout_view, name="logout"),
    path("aktiv/", views.keep_alive, name="keep_alive"),
    path("tvastegsverifiering/stall-in/", twofactor.two_factor_setup, name="two_factor_setup"),
    path("tvastegsverifiering/qr-kod.svg", twofactor.two_factor_qr, name="two_factor_qr"),
    path("tvastegsverifiering/reservkoder/", twofactor.recovery_codes_show, name="recovery_codes_show"),
    path("skapa-konto/", views.register, name="register"),
    path("skapa-konto/klart/", views.register_done, name="register_done"),
    path("bekrafta/<str:token>/", views.confirm_email, name="confirm_email"),
    path("bekrafta-igen/", views.resend_confirmation, name="resend_confirmation"),
    path("glomt-losenord/", views_credentials.password_reset, name="password_reset"),
    path("glomt-losenord/skickat/", views_credentials.password_reset_sent, name="password_reset_sent"),
    path(
        "nytt-losenord/<str:uidb64>/<str:token>/",
        views_credentials.PasswordResetConfirm.as_view(),
        name="password_reset_confirm",
    ),
    path("mina-sidor/", views.my_pages, name="my_pages"),
    path("mina-sidor/mina-uppgifter.json", views.my_data, name="my_data"),
    path("mina-sidor/radera/", views.delete_account, name="delete_account"),
    path("mina-sidor/losenord/", views_credentials.password_change, name="password_change"),
    path("mina-sidor/e-post/", views_credentials.email_change, name="email_change"),
    path("mina-sidor/tvastegsverifiering/", twofactor.two_factor, name="two_factor"),
    path("mina-sidor/tvastegsverifiering/stang-av/", twofactor.two_factor_off, name="two_factor_off"),
    path("mina-sidor/inloggningar/", twofactor.login_sessions, name="login_sessions"),
    path("mina-sidor/tvastegsverifiering/nya-reservkoder/", twofactor.recovery_codes_new, name="recovery_codes_new"),
    path("mina-sidor/e-post/skickat/", views_credentials.email_change_sent, name="email_change_sent"),
    path("ny-e-post/<str:token>/", views_credentials.email_change_confirm, name="email_change_confirm"),
]

urlpatterns = [
    path("konto/", include(account_patterns)),
    path("<slug:municipality_slug>/konto/", include(account_patterns)),
]
