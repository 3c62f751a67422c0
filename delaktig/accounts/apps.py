from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "delaktig.accounts"
    label = "accounts"
    verbose_name = "Accounts"
