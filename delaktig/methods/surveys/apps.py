from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "delaktig.methods.surveys"
    label = "surveys"
    verbose_name = _("Surveys")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import hooks, retention  # noqa: F401  (forgetting sent invitation links and expired drafts)
        from .models import Question, Section

        for model in (Section, Question):
            post_save.connect(_structure_changed, sender=model, dispatch_uid=f"surveys.changed.{model.__name__}")
            post_delete.connect(_structure_changed, sender=model, dispatch_uid=f"surveys.deleted.{model.__name__}")


def _structure_changed(sender, instance, **kwargs):
    """A section or question saved or deleted: its survey's kept structure is old (structure.structure_changed)."""
    from .structure import structure_changed

    structure_changed(instance.survey_id)
