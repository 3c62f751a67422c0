from django.apps import AppConfig


class MailingsConfig(AppConfig):
    name = "delaktig.mailings"
    label = "mailings"
    verbose_name = "Mailings"
