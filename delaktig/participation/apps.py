from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class ParticipationConfig(AppConfig):
    name = "delaktig.participation"
    label = "participation"
    verbose_name = "Participation"

    def ready(self):
        # Each method app declares itself in manifest.py, found like admin.py.
        autodiscover_modules("manifest")
        from . import hooks  # noqa: F401  (registers personal data, erasure and method choices)
