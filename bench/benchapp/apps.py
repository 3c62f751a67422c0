from django.apps import AppConfig


class BenchappConfig(AppConfig):
    name = "bench.benchapp"
    label = "benchapp"
    verbose_name = "Benchmark baselines"
    default_auto_field = "django.db.models.BigAutoField"
