from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "delaktig.demo"
    label = "demo"
    verbose_name = "Demo data"
